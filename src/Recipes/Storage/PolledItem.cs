using System.Text.Json.Nodes;

namespace Connector.Recipes.Storage;

/// <summary>An item a poll found new or changed, with whether it fires a run.</summary>
public sealed record PolledItem(string Key, string Fingerprint, JsonNode? Item, bool Fires);
