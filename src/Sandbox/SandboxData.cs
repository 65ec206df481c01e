using System.Globalization;
using Connector.Operations.Catalog;
using Connector.Operations.Loading;
using Connector.Sandbox.Auth;
using Connector.Sandbox.Hosting;
using Connector.Sandbox.Seeding;
using Connector.Sandbox.Storage;

namespace Connector.Sandbox;

/// <summary>
/// A sandbox's state without serving it: what <c>connector sandbox token</c> uses to add a credential to a
/// data folder, running sandbox or not. A <see cref="SandboxServer"/> holds one too.
/// </summary>
public sealed class SandboxData : IAsyncDisposable
{
    private const string SeedKey = "seed";

    private readonly SandboxStore _store;

    private SandboxData(SandboxStore store, OperationCatalog catalog, TimeProvider time)
    {
        _store = store;
        Catalog = catalog;
        KnownScopes = catalog.Connectors.SelectMany(c => c.Scopes)
            .Concat(catalog.Operations.SelectMany(o => o.Scopes))
            .ToHashSet(StringComparer.Ordinal);
        State = new SandboxState(store, time, catalog, new TokenService(store, time));
    }

    /// <summary>The operations the sandbox answers.</summary>
    public OperationCatalog Catalog { get; }

    /// <summary>Every scope the catalog names: what a token gets when no scopes are asked for.</summary>
    public IReadOnlySet<string> KnownScopes { get; }

    /// <summary>The seed number the data was made with; null while it has never been seeded.</summary>
    public int? Seed =>
        _store.GetMeta(SeedKey) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    internal SandboxState State { get; }

    /// <summary>
    /// Opens the data of <see cref="SandboxOptions.DataFolder"/> (in memory when null) and loads the catalog;
    /// seeds nothing. Throws <see cref="InvalidOperationException"/> when the definitions have problems.
    /// </summary>
    public static Task<SandboxData> OpenAsync(SandboxOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        var catalog = options.Catalog ?? LoadCatalog(options.DefinitionsFolder ?? DefinitionsFolder.Locate());
        return Task.FromResult(new SandboxData(SandboxStore.Open(options.DataFolder), catalog, options.TimeProvider));
    }

    /// <summary>
    /// Mints a private integration token (<c>pit-</c>...) for a location (default
    /// <see cref="WellKnownIds.Location"/>), with the scopes named (default: every scope the catalog knows).
    /// </summary>
    /// <exception cref="ArgumentException">An unknown scope, or a location the sandbox does not have.</exception>
    public Task<SandboxToken> CreatePrivateTokenAsync(
        string? locationId = null,
        IEnumerable<string>? scopes = null,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var location = locationId ?? WellKnownIds.Location;
        var company = State.CompanyOf(location)
            ?? (Seed is null && location == WellKnownIds.Location
                ? WellKnownIds.Company
                : throw new ArgumentException($"No location '{location}' in this sandbox.", nameof(locationId)));
        var token = State.Tokens.CreatePrivate(false, company, location, CheckScopes(scopes));
        return Task.FromResult(Describe(token));
    }

    /// <summary>Mints an agency (company) private integration token, for agency-only operations.</summary>
    /// <exception cref="ArgumentException">An unknown scope.</exception>
    public Task<SandboxToken> CreateCompanyTokenAsync(
        string? companyId = null,
        IEnumerable<string>? scopes = null,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var token = State.Tokens.CreatePrivate(true, companyId ?? WellKnownIds.Company, null, CheckScopes(scopes));
        return Task.FromResult(Describe(token));
    }

    /// <summary>Registers an OAuth client (marketplace app); ids and secrets are generated when not given.</summary>
    public Task<SandboxOAuthClient> RegisterOAuthClientAsync(
        string? clientId = null,
        string? clientSecret = null,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var client = new SandboxOAuthClient(clientId ?? $"{Ids.New()}-sandbox", clientSecret ?? Ids.Secret(""));
        _store.SaveClient(client.ClientId, client.ClientSecret);
        return Task.FromResult(client);
    }

    public ValueTask DisposeAsync()
    {
        _store.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Seeds the data when it never was; returns the seed number in force.</summary>
    internal int EnsureSeeded(int seed)
    {
        if (Seed is { } existing)
        {
            return existing;
        }

        Reseed(seed);
        return seed;
    }

    /// <summary>Replaces every object with freshly seeded ones; credentials stay.</summary>
    internal void Reseed(int seed)
    {
        _store.DeleteAllDocuments();
        _store.PutMany(new SandboxSeeder(seed).Build());
        _store.SetMeta(SeedKey, seed.ToString(CultureInfo.InvariantCulture));
    }

    private static OperationCatalog LoadCatalog(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException(
                $"No definitions folder at '{folder}' "
                + $"(set {DefinitionsFolder.Variable} or SandboxOptions.DefinitionsFolder).");
        }

        var result = DefinitionLoader.Load(folder);
        return result.IsValid
            ? result.Catalog
            : throw new InvalidOperationException(
                $"{result.Problems.Count} problem(s) in the definitions at '{folder}', "
                + $"the first: {result.Problems[0]}");
    }

    private HashSet<string> CheckScopes(IEnumerable<string>? scopes)
    {
        if (scopes is null)
        {
            return [.. KnownScopes];
        }

        var chosen = scopes.ToHashSet(StringComparer.Ordinal);
        var unknown = chosen.Where(s => !KnownScopes.Contains(s)).Order(StringComparer.Ordinal).ToList();
        return unknown.Count == 0
            ? chosen
            : throw new ArgumentException(
                $"Unknown scope(s): {string.Join(", ", unknown)}. "
                + $"Known: {string.Join(" ", KnownScopes.Order(StringComparer.Ordinal))}",
                nameof(scopes));
    }

    private static SandboxToken Describe(TokenRecord token) =>
        new(token.Value, token.LocationId, token.CompanyId, [.. token.Scopes.Order(StringComparer.Ordinal)]);
}
