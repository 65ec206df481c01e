using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Connector.Sandbox.TrainerCentral;

/// <summary>
/// One endpoint of the TrainerCentral API: its method, its path template (whose parameters may carry a
/// suffix, as <c>/sessions/{sessionId}.json</c> does), the scope it needs and what answers it.
/// </summary>
internal sealed partial class AcademyRoute
{
    private readonly Regex _pattern;

    public AcademyRoute(string method, string template, string scope, Func<AcademyRequest, JsonObject> handler)
    {
        Method = method;
        Scope = scope;
        Handler = handler;
        var pattern = Parameter().Replace(Regex.Escape(template), m => $"(?<{m.Groups[1].Value}>[^/]+?)");
        _pattern = new Regex($"^{pattern}/?$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        HasBody = method is "POST" or "PUT";
    }

    public string Method { get; }

    public string Scope { get; }

    public Func<AcademyRequest, JsonObject> Handler { get; }

    public bool HasBody { get; }

    /// <summary>The values of the path's parameters; null when the path is not this route's.</summary>
    public Dictionary<string, string>? Match(string path)
    {
        var match = _pattern.Match(path);
        return match.Success
            ? match.Groups.Values.Where(g => !int.TryParse(g.Name, out _))
                .ToDictionary(g => g.Name, g => g.Value, StringComparer.Ordinal)
            : null;
    }

    // A parameter as Regex.Escape leaves it: the opening brace escaped, the closing one not.
    [GeneratedRegex(@"\\\{([A-Za-z]+)\}")]
    private static partial Regex Parameter();
}
