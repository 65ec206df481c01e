namespace Connector.Runtime.Tests.Support;

/// <summary>The ways the loopback server can answer (or fail to).</summary>
public enum ReplyKind
{
    Complete,
    Hang,
    HangAfterHeaders,
    Truncated,
    Reset,
}
