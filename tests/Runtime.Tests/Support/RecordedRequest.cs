namespace Connector.Runtime.Tests.Support;

/// <summary>A request as the loopback server received it.</summary>
internal sealed record RecordedRequest(
    string Method,
    string Target,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The path as sent, still escaped.</summary>
    public string RawPath => Target.Split('?', 2)[0];

    /// <summary>The query's pairs, decoded as a web server decodes them ('+' is a space).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query =>
        Target.Split('?', 2) is [_, var query] ? Pairs(query) : [];

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Decodes <c>a=1&amp;b=2</c>, as a query string or a form-encoded body.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Pairs(string encoded) =>
        [.. encoded.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(Pair)];

    private static KeyValuePair<string, string> Pair(string text)
    {
        var parts = text.Split('=', 2);
        return KeyValuePair.Create(Decode(parts[0]), parts.Length > 1 ? Decode(parts[1]) : "");
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
