namespace Connector.Runtime.Scripting;

/// <summary>Where a script was written, so that its errors point at the right line of the right file.</summary>
/// <param name="Owner">What the script belongs to, for example the operation key <c>contacts.create</c>.</param>
/// <param name="Name">Which script it is, for example <c>transforms.after</c>.</param>
/// <param name="File">The file it was read from.</param>
/// <param name="FirstLine">The file's line holding the script's first line.</param>
public sealed record ScriptOrigin(string Owner, string Name, string File, int FirstLine)
{
    /// <summary>The file's line of the script's <paramref name="line"/> (1-based).</summary>
    public int FileLine(int line) => FirstLine + Math.Max(line, 1) - 1;
}
