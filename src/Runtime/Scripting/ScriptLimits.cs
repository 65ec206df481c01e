namespace Connector.Runtime.Scripting;

/// <summary>The bounds every run of a transform script lives within.</summary>
public sealed record ScriptLimits
{
    /// <summary>
    /// Wall-clock time one run may take, converting its arguments and result included. Default: 1 second.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Memory one run may allocate, converting its arguments included: with the default, an after-transform
    /// of a response of about 10 MB fails however little the script itself does. Default: 32 MiB.
    /// </summary>
    public long MemoryBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Statements one run may execute. Default: 1,000,000.</summary>
    public int MaxStatements { get; init; } = 1_000_000;

    /// <summary>How deep calls may nest. Default: 64.</summary>
    public int MaxRecursionDepth { get; init; } = 64;

    public static ScriptLimits Default { get; } = new();
}
