using System.Security.Cryptography;
using System.Text;
using Connector.Runtime.Connections;
using Connector.Runtime.Security;
using Connector.Runtime.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Connector.Runtime.Tests.Storage;

public sealed class ConnectionStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("connector-home-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
    private readonly string _accessToken = "at-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private readonly string _refreshToken = "rt-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private readonly string _clientSecret = "cs-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private ConnectorHome Home => new(_folder);

    [Fact]
    public void Open_NewHome_CreatesTheDatabaseAtTheLatestSchemaVersion()
    {
        using var store = SqliteStore.Open(Home);

        Assert.True(File.Exists(Home.DatabasePath));
        Assert.Equal(4, store.SchemaVersion);
    }

    [Fact]
    public void Open_ExistingDatabase_KeepsItsDataAndMigratesNothingTwice()
    {
        using (var store = SqliteStore.Open(Home))
        {
            Connections(store).Add(OAuthConnection("crm"));
        }

        using var reopened = SqliteStore.Open(Home);

        Assert.Equal(4, reopened.SchemaVersion);
        Assert.Equal(_refreshToken, Connections(reopened).Get("crm").RefreshToken);
    }

    [Fact]
    public void Add_OAuthConnection_StoresNoSecretInClear()
    {
        using (var store = SqliteStore.Open(Home))
        {
            Connections(store).Add(OAuthConnection("crm"));
        }

        var bytes = Directory.EnumerateFiles(_folder).SelectMany(File.ReadAllBytes).ToArray();
        var text = Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain(_accessToken, text);
        Assert.DoesNotContain(_refreshToken, text);
        Assert.DoesNotContain(_clientSecret, text);
    }

    [Fact]
    public void Get_RoundTripsEveryField()
    {
        using var store = SqliteStore.Open(Home);
        var connections = Connections(store);
        connections.Add(OAuthConnection("crm"));

        var stored = connections.Get("crm");

        Assert.Equal(ConnectionKind.OAuth2, stored.Kind);
        Assert.Equal("Location", stored.UserType);
        Assert.Equal(["contacts.readonly", "contacts.write"], stored.Scopes);
        Assert.Equal(_clientSecret, stored.ClientSecret);
        Assert.Equal(_time.GetUtcNow().AddHours(24), stored.ExpiresAt);
        Assert.Equal(1, stored.Generation);
    }

    [Fact]
    public void Add_SameNameTwice_IsRefusedWithAClearMessage()
    {
        using var store = SqliteStore.Open(Home);
        var connections = Connections(store);
        connections.Add(OAuthConnection("crm"));

        var error = Assert.Throws<InvalidOperationException>(() => connections.Add(OAuthConnection("crm")));

        Assert.Contains("'crm' exists already", error.Message);
    }

    [Fact]
    public void TrySaveTokens_StaleGeneration_LosesTheRaceAndKeepsTheWinnersPair()
    {
        using var store = SqliteStore.Open(Home);
        var connections = Connections(store);
        connections.Add(OAuthConnection("crm"));
        var seen = connections.Get("crm").Generation;
        var winner = new TokenSet("at-winner", "rt-winner", _time.GetUtcNow().AddDays(1));

        Assert.True(connections.TrySaveTokens("crm", seen, winner));
        Assert.False(connections.TrySaveTokens("crm", seen, new TokenSet("at-loser", "rt-loser", _time.GetUtcNow())));

        var stored = connections.Get("crm");
        Assert.Equal("rt-winner", stored.RefreshToken);
        Assert.Equal(seen + 1, stored.Generation);
    }

    [Fact]
    public void TryMarkNeedsReauthorization_CurrentGeneration_ChangesTheStatus()
    {
        using var store = SqliteStore.Open(Home);
        var connections = Connections(store);
        connections.Add(OAuthConnection("crm"));

        Assert.True(connections.TryMarkNeedsReauthorization("crm", connections.Get("crm").Generation));

        Assert.Equal(ConnectionStatus.NeedsReauthorization, connections.Get("crm").Status);
    }

    [Fact]
    public void TryMarkNeedsReauthorization_AfterAnotherWritersNewPair_LeavesTheConnectionActive()
    {
        using var store = SqliteStore.Open(Home);
        var connections = Connections(store);
        connections.Add(OAuthConnection("crm"));
        var seen = connections.Get("crm").Generation;
        Assert.True(connections.TrySaveTokens(
            "crm", seen, new TokenSet("at-rotated", "rt-rotated", _time.GetUtcNow().AddDays(1))));

        Assert.False(connections.TryMarkNeedsReauthorization("crm", seen));

        var stored = connections.Get("crm");
        Assert.Equal(ConnectionStatus.Active, stored.Status);
        Assert.Equal("rt-rotated", stored.RefreshToken);
    }

    [Fact]
    public void Remove_DeletesTheConnectionAndItsLocationTokens()
    {
        using var store = SqliteStore.Open(Home);
        var connections = Connections(store);
        connections.Add(OAuthConnection("agency"));
        connections.SaveLocationToken("agency", "loc-1", new TokenSet("lt", null, _time.GetUtcNow().AddHours(1)));

        Assert.True(connections.Remove("agency"));

        Assert.Null(connections.Find("agency"));
        Assert.Null(connections.FindLocationToken("agency", "loc-1"));
    }

    [Fact]
    public void ToString_NeverShowsSecrets()
    {
        var text = OAuthConnection("crm").ToString() + new TokenSet(_accessToken, _refreshToken, _time.GetUtcNow());

        Assert.DoesNotContain(_accessToken, text);
        Assert.DoesNotContain(_refreshToken, text);
    }

    [Fact]
    public void SecretBox_KeyFile_IsCreatedOwnerOnlyAndReusedOnTheNextOpen()
    {
        var first = SecretBox.ForHome(Home);
        var sealedSecret = first.Seal("hello");

        var second = SecretBox.ForHome(Home);

        Assert.Equal("hello", second.Open(sealedSecret));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Home.KeyPath));
        }
    }

    [Fact]
    public void SecretBox_OtherKey_CannotOpenASealedSecret()
    {
        var sealedSecret = new SecretBox(RandomNumberGenerator.GetBytes(32)).Seal("hello");

        Assert.ThrowsAny<CryptographicException>(
            () => new SecretBox(RandomNumberGenerator.GetBytes(32)).Open(sealedSecret));
    }

    private ConnectionStore Connections(SqliteStore store) => new(store, SecretBox.ForHome(Home), _time);

    private StoredConnection OAuthConnection(string name) => new()
    {
        Name = name,
        Connector = "ghl",
        Kind = ConnectionKind.OAuth2,
        UserType = "Location",
        LocationId = "loc-1",
        Scopes = ["contacts.readonly", "contacts.write"],
        ClientId = "client-1",
        ClientSecret = _clientSecret,
        AccessToken = _accessToken,
        RefreshToken = _refreshToken,
        ExpiresAt = _time.GetUtcNow().AddHours(24),
    };

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
