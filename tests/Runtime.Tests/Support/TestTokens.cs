namespace Connector.Runtime.Tests.Support;

/// <summary>Tokens made up per test: nothing secret is committed, and each is easy to search for.</summary>
internal static class TestTokens
{
    public static string New(string prefix = "pit") => $"{prefix}-{Guid.NewGuid():N}";
}
