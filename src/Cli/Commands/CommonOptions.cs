using System.CommandLine;

namespace Connector.Cli.Commands;

/// <summary>Options several verbs share, so that they are spelled and explained the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string?> Definitions() => new("--definitions")
    {
        Description = "Folder of definitions (default: $CONNECTOR_DEFINITIONS, ./definitions, "
            + "or the installed catalog).",
    };

    public static Option<Uri?> BaseUrl() => new("--base-url")
    {
        Description = "Send to this address instead of the vendor's (a sandbox, a test server).",
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                return uri;
            }

            result.AddError($"--base-url '{text}' is not an http or https address");
            return null;
        },
    };

    public static Option<bool> Json() => new("--json") { Description = "Print JSON instead of text." };
}
