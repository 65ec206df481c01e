using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Runtime.Templating;

namespace Connector.Cli.Tests.Catalog;

/// <summary>
/// What a read shows after a write. Templates are rendered over the write's example inputs and its
/// output (<c>{{output.id}}</c>).
/// </summary>
internal abstract record Expectation
{
    /// <summary>The read answers 404: what was deleted is gone.</summary>
    public static Expectation Gone { get; } = new GoneExpectation();

    /// <summary>Why <paramref name="read"/> does not show the effect; null when it does.</summary>
    public abstract string? Problem(JsonNode? read, JsonObject scope);

    /// <summary>Each named example input is shown at the same name by the read.</summary>
    public static Expectation[] Shows(params string[] inputs) =>
        [.. inputs.Select(input => new Has(input, $"{{{{{input}}}}}"))];

    /// <summary>The template's value; a template that names nothing is a mistake in the table, not a pass.</summary>
    protected static JsonNode? Render(string template, JsonObject scope) =>
        JsonTemplate.Compile(JsonValue.Create(template)).TryRender(scope, out var value) && value is not null
            ? value
            : throw new InvalidOperationException($"{template} names nothing in {scope.ToJsonString()}");

    /// <summary>Equal as JSON, numbers by value (500 and 500.0 are the same amount).</summary>
    protected static bool Same(JsonNode? actual, JsonNode? expected) =>
        actual is JsonValue a && expected is JsonValue e
        && a.GetValueKind() == JsonValueKind.Number && e.GetValueKind() == JsonValueKind.Number
            ? a.GetValue<decimal>() == e.GetValue<decimal>()
            : JsonNode.DeepEquals(actual, expected);

    protected static IEnumerable<JsonNode?> Elements(JsonNode? expected) =>
        expected is JsonArray array ? array : [expected];

    private sealed record GoneExpectation : Expectation
    {
        public override string? Problem(JsonNode? read, JsonObject scope) =>
            $"the read still answers: {read?.ToJsonString()}";

        public override string ToString() => "gone (404)";
    }
}
