namespace Connector.Runtime.Scripting;

/// <summary>A transform script that did not compile, broke one of its bounds, or threw.</summary>
public sealed class ScriptException : Exception
{
    internal ScriptException(ScriptOrigin origin, int scriptLine, string problem, Exception? inner = null)
        : base(Format(origin, scriptLine, problem), inner)
    {
        Origin = origin;
        ScriptLine = scriptLine;
        Problem = problem;
    }

    public ScriptOrigin Origin { get; }

    /// <summary>Line within the script (1-based); 0 when no line is known.</summary>
    public int ScriptLine { get; }

    /// <summary>What went wrong, without the place.</summary>
    public string Problem { get; }

    private static string Format(ScriptOrigin origin, int line, string problem) => line > 0
        ? $"{origin.Owner}: {origin.Name} line {line} ({origin.File}:{origin.FileLine(line)}): {problem}"
        : $"{origin.Owner}: {origin.Name} ({origin.File}:{origin.FirstLine}): {problem}";
}
