namespace Connector.Runtime.Storage;

/// <summary>
/// The schema of the embedded store, as numbered migrations. Append; never edit one that shipped.
/// </summary>
internal static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "connections", """
            CREATE TABLE connections (
                name            TEXT PRIMARY KEY,
                connector       TEXT NOT NULL,
                kind            TEXT NOT NULL,
                status          TEXT NOT NULL,
                base_url        TEXT,
                user_type       TEXT,
                company_id      TEXT,
                location_id     TEXT,
                location_ids    TEXT,
                user_id         TEXT,
                scopes          TEXT,
                client_id       TEXT,
                client_secret   BLOB,
                access_token    BLOB,
                refresh_token   BLOB,
                expires_at      TEXT,
                white_label     INTEGER NOT NULL DEFAULT 0,
                generation      INTEGER NOT NULL DEFAULT 0,
                created_at      TEXT NOT NULL,
                updated_at      TEXT NOT NULL
            );
            CREATE TABLE location_tokens (
                connection      TEXT NOT NULL REFERENCES connections(name) ON DELETE CASCADE,
                location_id     TEXT NOT NULL,
                access_token    BLOB NOT NULL,
                refresh_token   BLOB,
                scopes          TEXT,
                expires_at      TEXT NOT NULL,
                PRIMARY KEY (connection, location_id)
            );
            """),
    ];
}
