using Connector.Operations.Definitions;

namespace Connector.Operations.Invoking;

/// <summary>What a dropdown shows: the choices, and why there are none when the listing gave none.</summary>
/// <param name="Choices">The (value, label) pairs, in the listing's order.</param>
/// <param name="Reason">
/// Why <paramref name="Choices"/> is empty when an earlier choice decides it, for example an unknown
/// pipeline; null otherwise.
/// </param>
public sealed record ResolvedChoices(IReadOnlyList<Choice> Choices, string? Reason = null);
