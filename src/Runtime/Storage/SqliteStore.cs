using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Connector.Runtime.Storage;

/// <summary>
/// The embedded database: one SQLite file in the home folder (or memory, for tests), its schema
/// brought up to date on open. Safe to share; every operation opens its own pooled connection.
/// </summary>
public sealed class SqliteStore : IDisposable
{
    private readonly string _connectionString;
    private readonly SqliteConnection? _keepAlive;

    private SqliteStore(string connectionString, SqliteConnection? keepAlive)
    {
        _connectionString = connectionString;
        _keepAlive = keepAlive;
    }

    /// <summary>Opens (creating when missing) the database of <paramref name="home"/> and migrates it.</summary>
    public static SqliteStore Open(ConnectorHome home)
    {
        home.EnsureExists();
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = home.DatabasePath,
            Pooling = true,
            DefaultTimeout = 30,
        };
        var store = new SqliteStore(builder.ToString(), null);
        store.Migrate();
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(home.DatabasePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return store;
    }

    /// <summary>A private in-memory database that lives as long as the store.</summary>
    public static SqliteStore InMemory()
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = $"connector-{Guid.NewGuid():N}",
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
        };
        var keepAlive = new SqliteConnection(builder.ToString());
        keepAlive.Open();
        var store = new SqliteStore(builder.ToString(), keepAlive);
        store.Migrate();
        return store;
    }

    /// <summary>The schema version the database is at.</summary>
    public int SchemaVersion
    {
        get
        {
            using var connection = OpenConnection();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private void Migrate()
    {
        using var connection = OpenConnection();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    INTEGER PRIMARY KEY,
                    name       TEXT NOT NULL,
                    applied_at TEXT NOT NULL
                );
                """;
            setup.ExecuteNonQuery();
        }

        foreach (var migration in Migrations.All.OrderBy(m => m.Version))
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using var check = connection.CreateCommand();
            check.Transaction = transaction;
            check.CommandText = "SELECT COUNT(*) FROM schema_migrations WHERE version = $version";
            check.Parameters.AddWithValue("$version", migration.Version);
            if (Convert.ToInt32(check.ExecuteScalar(), CultureInfo.InvariantCulture) > 0)
            {
                continue;
            }

            using var apply = connection.CreateCommand();
            apply.Transaction = transaction;
            apply.CommandText = migration.Sql + """

                ;INSERT INTO schema_migrations (version, name, applied_at) VALUES ($version, $name, $at);
                """;
            apply.Parameters.AddWithValue("$version", migration.Version);
            apply.Parameters.AddWithValue("$name", migration.Name);
            apply.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            apply.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    public void Dispose() => _keepAlive?.Dispose();
}
