using Connector.Operations.Invoking;

namespace Connector.Cli;

/// <summary>A connection ready to invoke with, and what must be closed after.</summary>
internal sealed class ResolvedConnection(ConnectionContext context, Action? close) : IDisposable
{
    public ConnectionContext Context { get; } = context;

    public void Dispose() => close?.Invoke();
}
