using Connector.Runtime.Auth;

namespace Connector.Runtime.Tests.Support;

/// <summary>An OAuth-like token source: each refresh moves to the next token, until there is none.</summary>
internal sealed class RotatingTokenSource(params string[] tokens) : IAccessTokenSource
{
    private int _current;

    public int Refreshes => Volatile.Read(ref _current);

    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(tokens[Refreshes]);

    public ValueTask<bool> TryRefreshAsync(string rejectedToken, CancellationToken cancellationToken)
    {
        var refreshed = rejectedToken == tokens[Refreshes] && Refreshes + 1 < tokens.Length;
        if (refreshed)
        {
            Interlocked.Increment(ref _current);
        }

        return ValueTask.FromResult(refreshed);
    }
}
