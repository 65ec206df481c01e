using System.Text.Json.Nodes;

namespace Connector.Recipes.Storage;

/// <summary>
/// An item a poll found new or changed, with whether it fires a run; or, when <paramref name="Removed"/>,
/// one seen before that a complete read no longer lists.
/// </summary>
public sealed record PolledItem(string Key, string Fingerprint, JsonNode? Item, bool Fires, bool Removed = false);
