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
        new(2, "recipes", """
            CREATE TABLE trigger_states (
                recipe      TEXT PRIMARY KEY,
                operation   TEXT NOT NULL,
                seeded      INTEGER NOT NULL DEFAULT 0,
                polled_at   TEXT,
                updated_at  TEXT NOT NULL
            );
            CREATE TABLE seen_items (
                recipe      TEXT NOT NULL,
                item_key    TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                seen_at     TEXT NOT NULL,
                PRIMARY KEY (recipe, item_key)
            );
            CREATE INDEX seen_items_by_age ON seen_items (recipe, seen_at);
            CREATE TABLE runs (
                id          TEXT PRIMARY KEY,
                recipe      TEXT NOT NULL,
                status      TEXT NOT NULL,
                item_key    TEXT,
                trigger     TEXT NOT NULL,
                error       TEXT,
                replay_of   TEXT,
                created_at  TEXT NOT NULL,
                started_at  TEXT,
                finished_at TEXT,
                sequence    INTEGER NOT NULL
            );
            CREATE INDEX runs_by_recipe ON runs (recipe, sequence);
            CREATE INDEX runs_by_status ON runs (status, sequence);
            CREATE TABLE run_steps (
                run_id      TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                step        TEXT NOT NULL,
                position    INTEGER NOT NULL,
                status      TEXT NOT NULL,
                attempts    INTEGER NOT NULL DEFAULT 0,
                input       TEXT,
                output      TEXT,
                error       TEXT,
                started_at  TEXT,
                finished_at TEXT,
                duration_ms INTEGER,
                PRIMARY KEY (run_id, step)
            );
            """),
        new(3, "connection values", """
            ALTER TABLE connections ADD COLUMN "values" TEXT;
            """),
        new(4, "recipe maps", """
            CREATE TABLE recipe_maps (
                map         TEXT NOT NULL,
                key         TEXT NOT NULL,
                value       TEXT NOT NULL,
                updated_at  TEXT NOT NULL,
                PRIMARY KEY (map, key)
            );
            """),
    ];
}
