using System.Globalization;
using Connector.Runtime.Security;
using Connector.Runtime.Storage;
using Microsoft.Data.Sqlite;

namespace Connector.Runtime.Connections;

/// <summary>
/// Connections in the embedded database, their secrets encrypted. Token changes are compare-and-swap
/// on <see cref="StoredConnection.Generation"/>, each in one transaction, so that a refreshed pair is
/// stored whole before anyone uses it and two refreshers cannot overwrite each other.
/// </summary>
public sealed class ConnectionStore(SqliteStore store, SecretBox secrets, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public void Add(StoredConnection connection)
    {
        using var db = store.OpenConnection();
        using var command = db.CreateCommand();
        command.CommandText = """
            INSERT INTO connections (name, connector, kind, status, base_url, user_type, company_id, location_id,
                location_ids, user_id, scopes, client_id, client_secret, access_token, refresh_token, expires_at,
                white_label, "values", generation, created_at, updated_at)
            VALUES ($name, $connector, $kind, $status, $base_url, $user_type, $company_id, $location_id,
                $location_ids, $user_id, $scopes, $client_id, $client_secret, $access_token, $refresh_token,
                $expires_at, $white_label, $values, 1, $now, $now)
            """;
        var now = Text(_time.GetUtcNow());
        command.Parameters.AddWithValue("$name", connection.Name);
        command.Parameters.AddWithValue("$connector", connection.Connector);
        command.Parameters.AddWithValue("$kind", connection.Kind.ToString());
        command.Parameters.AddWithValue("$status", connection.Status.ToString());
        command.Parameters.AddWithValue("$base_url", (object?)connection.BaseUrl?.ToString() ?? DBNull.Value);
        command.Parameters.AddWithValue("$user_type", (object?)connection.UserType ?? DBNull.Value);
        command.Parameters.AddWithValue("$company_id", (object?)connection.CompanyId ?? DBNull.Value);
        command.Parameters.AddWithValue("$location_id", (object?)connection.LocationId ?? DBNull.Value);
        command.Parameters.AddWithValue("$location_ids", string.Join(' ', connection.LocationIds));
        command.Parameters.AddWithValue("$user_id", (object?)connection.UserId ?? DBNull.Value);
        command.Parameters.AddWithValue("$scopes", string.Join(' ', connection.Scopes));
        command.Parameters.AddWithValue("$client_id", (object?)connection.ClientId ?? DBNull.Value);
        command.Parameters.AddWithValue("$client_secret", Seal(connection.ClientSecret));
        command.Parameters.AddWithValue("$access_token", Seal(connection.AccessToken));
        command.Parameters.AddWithValue("$refresh_token", Seal(connection.RefreshToken));
        command.Parameters.AddWithValue(
            "$expires_at",
            connection.ExpiresAt is { } expires ? Text(expires) : DBNull.Value);
        command.Parameters.AddWithValue("$white_label", connection.WhiteLabel ? 1 : 0);
        command.Parameters.AddWithValue("$values", System.Text.Json.JsonSerializer.Serialize(connection.Values));
        command.Parameters.AddWithValue("$now", now);
        try
        {
            command.ExecuteNonQuery();
        }
        catch (SqliteException error) when (error.SqliteErrorCode == 19)
        {
            throw new InvalidOperationException(
                $"A connection named '{connection.Name}' exists already; remove it first.",
                error);
        }
    }

    public StoredConnection? Find(string name)
    {
        using var db = store.OpenConnection();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT * FROM connections WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    /// <exception cref="KeyNotFoundException">No connection of that name.</exception>
    public StoredConnection Get(string name) =>
        Find(name)
        ?? throw new KeyNotFoundException($"No connection named '{name}' (see `connector connections list`).");

    public IReadOnlyList<StoredConnection> List()
    {
        using var db = store.OpenConnection();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT * FROM connections ORDER BY name";
        using var reader = command.ExecuteReader();
        var connections = new List<StoredConnection>();
        while (reader.Read())
        {
            connections.Add(Read(reader));
        }

        return connections;
    }

    public bool Remove(string name)
    {
        using var db = store.OpenConnection();
        using var command = db.CreateCommand();
        command.CommandText = "DELETE FROM connections WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        return command.ExecuteNonQuery() > 0;
    }

    /// <summary>
    /// Stores a new token pair if the connection is still at <paramref name="generation"/>; returns
    /// false when another writer got there first (re-read it and use theirs).
    /// </summary>
    public bool TrySaveTokens(string name, long generation, TokenSet tokens)
    {
        using var db = store.OpenConnection();
        using var transaction = db.BeginTransaction(deferred: false);
        using var command = db.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE connections
            SET access_token = $access, refresh_token = $refresh, expires_at = $expires, status = 'Active',
                generation = generation + 1, updated_at = $now
            WHERE name = $name AND generation = $generation
            """;
        command.Parameters.AddWithValue("$access", Seal(tokens.AccessToken));
        command.Parameters.AddWithValue("$refresh", Seal(tokens.RefreshToken));
        command.Parameters.AddWithValue("$expires", Text(tokens.ExpiresAt));
        command.Parameters.AddWithValue("$now", Text(_time.GetUtcNow()));
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$generation", generation);
        var saved = command.ExecuteNonQuery() == 1;
        transaction.Commit();
        return saved;
    }

    /// <summary>
    /// Marks the connection as needing a new sign-in if it is still at <paramref name="generation"/>; its
    /// tokens are kept for the record but no longer used. Returns false when another writer changed the
    /// connection first: a refresher elsewhere may have stored a good pair, which a stale mark must not hide.
    /// </summary>
    public bool TryMarkNeedsReauthorization(string name, long generation)
    {
        using var db = store.OpenConnection();
        using var command = db.CreateCommand();
        command.CommandText = """
            UPDATE connections SET status = 'NeedsReauthorization', generation = generation + 1, updated_at = $now
            WHERE name = $name AND generation = $generation
            """;
        command.Parameters.AddWithValue("$now", Text(_time.GetUtcNow()));
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$generation", generation);
        return command.ExecuteNonQuery() == 1;
    }

    public TokenSet? FindLocationToken(string name, string locationId)
    {
        using var db = store.OpenConnection();
        using var command = db.CreateCommand();
        command.CommandText = """
            SELECT access_token, refresh_token, expires_at FROM location_tokens
            WHERE connection = $name AND location_id = $location
            """;
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$location", locationId);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new TokenSet(Unseal(reader, 0)!, Unseal(reader, 1), ParseTime(reader.GetString(2)))
            : null;
    }

    public void SaveLocationToken(string name, string locationId, TokenSet tokens)
    {
        using var db = store.OpenConnection();
        using var command = db.CreateCommand();
        command.CommandText = """
            INSERT INTO location_tokens (connection, location_id, access_token, refresh_token, expires_at)
            VALUES ($name, $location, $access, $refresh, $expires)
            ON CONFLICT (connection, location_id) DO UPDATE
            SET access_token = excluded.access_token, refresh_token = excluded.refresh_token,
                expires_at = excluded.expires_at
            """;
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$location", locationId);
        command.Parameters.AddWithValue("$access", Seal(tokens.AccessToken));
        command.Parameters.AddWithValue("$refresh", Seal(tokens.RefreshToken));
        command.Parameters.AddWithValue("$expires", Text(tokens.ExpiresAt));
        command.ExecuteNonQuery();
    }

    private StoredConnection Read(SqliteDataReader reader) => new()
    {
        Name = reader.GetString(reader.GetOrdinal("name")),
        Connector = reader.GetString(reader.GetOrdinal("connector")),
        Kind = Enum.Parse<ConnectionKind>(reader.GetString(reader.GetOrdinal("kind"))),
        Status = Enum.Parse<ConnectionStatus>(reader.GetString(reader.GetOrdinal("status"))),
        BaseUrl = OptionalText(reader, "base_url") is { } url ? new Uri(url) : null,
        UserType = OptionalText(reader, "user_type"),
        CompanyId = OptionalText(reader, "company_id"),
        LocationId = OptionalText(reader, "location_id"),
        LocationIds = Words(OptionalText(reader, "location_ids")),
        UserId = OptionalText(reader, "user_id"),
        Values = OptionalText(reader, "values") is { } values
            ? System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(values) ?? []
            : new Dictionary<string, string>(),
        Scopes = Words(OptionalText(reader, "scopes")),
        ClientId = OptionalText(reader, "client_id"),
        ClientSecret = Unseal(reader, reader.GetOrdinal("client_secret")),
        AccessToken = Unseal(reader, reader.GetOrdinal("access_token")),
        RefreshToken = Unseal(reader, reader.GetOrdinal("refresh_token")),
        ExpiresAt = OptionalText(reader, "expires_at") is { } expires ? ParseTime(expires) : null,
        WhiteLabel = reader.GetInt64(reader.GetOrdinal("white_label")) != 0,
        Generation = reader.GetInt64(reader.GetOrdinal("generation")),
        CreatedAt = ParseTime(reader.GetString(reader.GetOrdinal("created_at"))),
        UpdatedAt = ParseTime(reader.GetString(reader.GetOrdinal("updated_at"))),
    };

    private object Seal(string? secret) => secret is null ? DBNull.Value : secrets.Seal(secret);

    private string? Unseal(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : secrets.Open((byte[])reader.GetValue(ordinal));

    private static string? OptionalText(SqliteDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    private static string[] Words(string? text) => text?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

    private static string Text(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
