using Connector.Operations.Catalog;
using Connector.Sandbox.Auth;
using Connector.Sandbox.Storage;

namespace Connector.Sandbox.Hosting;

/// <summary>What the handlers of a running sandbox share: its store, clock, catalog and credentials.</summary>
internal sealed class SandboxState(
    SandboxStore store,
    TimeProvider time,
    OperationCatalog catalog,
    TokenService tokens)
{
    public SandboxStore Store { get; } = store;

    public TimeProvider Time { get; } = time;

    public OperationCatalog Catalog { get; } = catalog;

    public TokenService Tokens { get; } = tokens;

    public long NowMilliseconds => Time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The company a location belongs to; null for an unknown location.</summary>
    public string? CompanyOf(string locationId) =>
        Store.Get(DocumentTypes.Location, locationId) is { } location
            ? JsonText.String(location.Parse(), "companyId")
            : null;

    /// <summary>Whether a token may act on a location: its own, or any of its company's for agency tokens.</summary>
    public bool Covers(TokenRecord token, string locationId) =>
        token.IsCompany
            ? string.Equals(CompanyOf(locationId), token.CompanyId, StringComparison.Ordinal)
            : string.Equals(token.LocationId, locationId, StringComparison.Ordinal);
}
