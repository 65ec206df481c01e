namespace Connector.Operations.Definitions;

/// <summary>The file a definition came from and where each of its values stands in it.</summary>
public sealed class DefinitionSource
{
    private readonly IReadOnlyDictionary<string, SourceLocation> _locations;

    public DefinitionSource(string file, IReadOnlyDictionary<string, SourceLocation> locations)
    {
        File = file;
        _locations = locations;
    }

    public static DefinitionSource None { get; } = new("<memory>", new Dictionary<string, SourceLocation>());

    public string File { get; }

    /// <summary>
    /// Where the value at a JSON pointer (for example <c>/transforms/after</c>) stands; the nearest
    /// enclosing value when that one is absent, and the top of the file when nothing is known.
    /// </summary>
    public SourceLocation Locate(string pointer)
    {
        for (var current = pointer; ; current = current[..current.LastIndexOf('/')])
        {
            if (_locations.TryGetValue(current, out var location))
            {
                return location;
            }

            if (current.Length == 0)
            {
                return new SourceLocation(File, 1, 1);
            }
        }
    }
}
