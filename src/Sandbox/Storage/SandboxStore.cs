using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Connector.Sandbox.Storage;

/// <summary>
/// The sandbox's state: one SQLite table of JSON documents keyed by (type, id), plus the credentials
/// it issued. SQLite is the record that survives restarts; every document is also held in memory, so
/// reads never wait for the database and only changes are written through.
/// </summary>
internal sealed class SandboxStore : IDisposable
{
    /// <summary>Name of the database file inside a data folder.</summary>
    public const string FileName = "sandbox.db";

    private const int SchemaVersion = 1;

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, StoredDocument>> _documents =
        new(StringComparer.Ordinal);

    private SandboxStore(SqliteConnection connection)
    {
        _connection = connection;
    }

    /// <summary>Opens (creating when needed) the database in a folder, or a private in-memory one.</summary>
    public static SandboxStore Open(string? dataFolder)
    {
        string source;
        if (dataFolder is null)
        {
            source = ":memory:";
        }
        else
        {
            Directory.CreateDirectory(dataFolder);
            source = Path.Combine(dataFolder, FileName);
        }

        // Pooling off: a stopped sandbox lets go of its file at once (tests delete their folders).
        var builder = new SqliteConnectionStringBuilder { DataSource = source, Pooling = false };
        var connection = new SqliteConnection(builder.ConnectionString);
        connection.Open();
        var store = new SandboxStore(connection);
        store.Initialize(fileBacked: dataFolder is not null);
        store.LoadDocuments();
        return store;
    }

    public StoredDocument? Get(string type, string id) =>
        _documents.TryGetValue(type, out var byId) && byId.TryGetValue(id, out var document) ? document : null;

    /// <summary>Every document of a type, in no particular order.</summary>
    public IEnumerable<StoredDocument> List(string type) =>
        _documents.TryGetValue(type, out var byId) ? byId.Select(pair => pair.Value) : [];

    public IEnumerable<StoredDocument> List(string type, string locationId) =>
        List(type).Where(d => string.Equals(d.LocationId, locationId, StringComparison.Ordinal));

    public void Put(StoredDocument document) => PutMany([document]);

    /// <summary>Writes documents in one transaction, then makes them visible.</summary>
    public void PutMany(IReadOnlyCollection<StoredDocument> documents)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT OR REPLACE INTO documents (type, id, location_id, created_at, updated_at, body)
                VALUES ($type, $id, $location, $created, $updated, $body)
                """;
            var type = command.Parameters.Add("$type", SqliteType.Text);
            var id = command.Parameters.Add("$id", SqliteType.Text);
            var location = command.Parameters.Add("$location", SqliteType.Text);
            var created = command.Parameters.Add("$created", SqliteType.Integer);
            var updated = command.Parameters.Add("$updated", SqliteType.Integer);
            var body = command.Parameters.Add("$body", SqliteType.Blob);
            foreach (var document in documents)
            {
                type.Value = document.Type;
                id.Value = document.Id;
                location.Value = (object?)document.LocationId ?? DBNull.Value;
                created.Value = document.CreatedAt;
                updated.Value = document.UpdatedAt;
                body.Value = document.Json;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
            foreach (var document in documents)
            {
                TypeTable(document.Type)[document.Id] = document;
            }
        }
    }

    public bool Delete(string type, string id)
    {
        lock (_gate)
        {
            Execute("DELETE FROM documents WHERE type = $type AND id = $id", ("$type", type), ("$id", id));
            return TypeTable(type).TryRemove(id, out _);
        }
    }

    /// <summary>Removes every document (credentials and OAuth clients stay).</summary>
    public void DeleteAllDocuments()
    {
        lock (_gate)
        {
            Execute("DELETE FROM documents");
            _documents.Clear();
        }
    }

    public TokenRecord? FindToken(string value)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT kind, is_company, company_id, location_id, scopes, client_id, redirect_uri, expires_at, spent
                FROM tokens WHERE value = $value
                """;
            command.Parameters.AddWithValue("$value", value);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadToken(value, reader) : null;
        }
    }

    public void SaveToken(TokenRecord token)
    {
        lock (_gate)
        {
            Execute(
                """
                INSERT OR REPLACE INTO tokens
                    (value, kind, is_company, company_id, location_id, scopes, client_id, redirect_uri,
                     expires_at, spent)
                VALUES ($value, $kind, $company, $companyId, $locationId, $scopes, $client, $redirect,
                        $expires, $spent)
                """,
                ("$value", token.Value),
                ("$kind", token.Kind.ToString()),
                ("$company", token.IsCompany ? 1 : 0),
                ("$companyId", token.CompanyId),
                ("$locationId", token.LocationId),
                ("$scopes", string.Join(' ', token.Scopes.Order(StringComparer.Ordinal))),
                ("$client", token.ClientId),
                ("$redirect", token.RedirectUri),
                ("$expires", token.ExpiresAt?.ToUnixTimeMilliseconds()),
                ("$spent", token.Spent ? 1 : 0));
        }
    }

    /// <summary>Marks a one-time credential used; false when it already was (or does not exist).</summary>
    public bool TrySpendToken(string value)
    {
        lock (_gate)
        {
            return Execute("UPDATE tokens SET spent = 1 WHERE value = $value AND spent = 0", ("$value", value)) == 1;
        }
    }

    public string? FindClientSecret(string clientId)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT client_secret FROM oauth_clients WHERE client_id = $id";
            command.Parameters.AddWithValue("$id", clientId);
            return command.ExecuteScalar() as string;
        }
    }

    public void SaveClient(string clientId, string clientSecret)
    {
        lock (_gate)
        {
            Execute(
                "INSERT OR REPLACE INTO oauth_clients (client_id, client_secret) VALUES ($id, $secret)",
                ("$id", clientId),
                ("$secret", clientSecret));
        }
    }

    public string? GetMeta(string key)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT value FROM meta WHERE key = $key";
            command.Parameters.AddWithValue("$key", key);
            return command.ExecuteScalar() as string;
        }
    }

    public void SetMeta(string key, string value)
    {
        lock (_gate)
        {
            Execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ($key, $value)",
                ("$key", key),
                ("$value", value));
        }
    }

    public void Dispose() => _connection.Dispose();

    private static TokenRecord ReadToken(string value, SqliteDataReader reader) => new()
    {
        Value = value,
        Kind = Enum.Parse<TokenKind>(reader.GetString(0)),
        IsCompany = reader.GetInt64(1) == 1,
        CompanyId = reader.GetString(2),
        LocationId = reader.IsDBNull(3) ? null : reader.GetString(3),
        Scopes = reader.GetString(4).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .ToHashSet(StringComparer.Ordinal),
        ClientId = reader.IsDBNull(5) ? null : reader.GetString(5),
        RedirectUri = reader.IsDBNull(6) ? null : reader.GetString(6),
        ExpiresAt = reader.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
        Spent = reader.GetInt64(8) == 1,
    };

    private ConcurrentDictionary<string, StoredDocument> TypeTable(string type) =>
        _documents.GetOrAdd(type, _ => new ConcurrentDictionary<string, StoredDocument>(StringComparer.Ordinal));

    private void Initialize(bool fileBacked)
    {
        if (fileBacked)
        {
            // WAL lets `connector sandbox token` add a credential while a sandbox serves the same folder.
            Execute("PRAGMA journal_mode = WAL");
            Execute("PRAGMA synchronous = NORMAL");
        }

        Execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        var isNew = GetMeta("schemaVersion") is null;
        Execute("""
            CREATE TABLE IF NOT EXISTS documents (
                type TEXT NOT NULL, id TEXT NOT NULL, location_id TEXT,
                created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, body BLOB NOT NULL,
                PRIMARY KEY (type, id))
            """);
        Execute("""
            CREATE TABLE IF NOT EXISTS tokens (
                value TEXT PRIMARY KEY, kind TEXT NOT NULL, is_company INTEGER NOT NULL,
                company_id TEXT NOT NULL, location_id TEXT, scopes TEXT NOT NULL, client_id TEXT,
                redirect_uri TEXT, expires_at INTEGER, spent INTEGER NOT NULL)
            """);
        Execute("CREATE TABLE IF NOT EXISTS oauth_clients (client_id TEXT PRIMARY KEY, client_secret TEXT NOT NULL)");
        if (isNew)
        {
            SetMeta("schemaVersion", SchemaVersion.ToString(CultureInfo.InvariantCulture));
        }
    }

    private void LoadDocuments()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT type, id, location_id, created_at, updated_at, body FROM documents";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var document = new StoredDocument(
                reader.GetString(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt64(3),
                reader.GetInt64(4),
                (byte[])reader.GetValue(5));
            TypeTable(document.Type)[document.Id] = document;
        }
    }

    private int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command.ExecuteNonQuery();
    }
}
