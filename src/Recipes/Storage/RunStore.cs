using System.Globalization;
using System.Text.Json.Nodes;
using Connector.Runtime.Storage;
using Microsoft.Data.Sqlite;

namespace Connector.Recipes.Storage;

/// <summary>
/// Trigger state, seen items and run history in the embedded database. Every change that must not be
/// half-done (the seen items and the runs a poll fires; a step's start; its result) is one transaction.
/// </summary>
public sealed class RunStore(SqliteStore store, TimeProvider? time = null)
{
    /// <summary>How many seen items a recipe remembers; the oldest are forgotten first.</summary>
    public const int SeenLimit = 50_000;

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public bool IsSeeded(string recipe)
    {
        using var db = store.OpenConnection();
        return Scalar<long>(
            db,
            "SELECT COALESCE(MAX(seeded), 0) FROM trigger_states WHERE recipe = $recipe",
            ("$recipe", recipe)) == 1;
    }

    /// <summary>The keys of every item remembered for <paramref name="recipe"/>.</summary>
    public IReadOnlyList<string> SeenKeys(string recipe)
    {
        using var db = store.OpenConnection();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT item_key FROM seen_items WHERE recipe = $recipe";
        command.Parameters.AddWithValue("$recipe", recipe);
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    /// <summary>The fingerprints remembered for <paramref name="keys"/>, by key.</summary>
    public IReadOnlyDictionary<string, string> Seen(string recipe, IReadOnlyCollection<string> keys)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        using var db = store.OpenConnection();
        foreach (var chunk in keys.Chunk(500))
        {
            using var command = db.CreateCommand();
            var names = chunk.Select((_, i) => $"$k{i}").ToList();
            command.CommandText = "SELECT item_key, fingerprint FROM seen_items "
                + $"WHERE recipe = $recipe AND item_key IN ({string.Join(',', names)})";
            command.Parameters.AddWithValue("$recipe", recipe);
            for (var i = 0; i < chunk.Length; i++)
            {
                command.Parameters.AddWithValue(names[i], chunk[i]);
            }

            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                seen[reader.GetString(0)] = reader.GetString(1);
            }
        }

        return seen;
    }

    /// <summary>
    /// Remembers what a poll found and queues a run for each item that fires, in one transaction:
    /// a crash leaves either all of it or none, so an item is never lost and never fired twice.
    /// </summary>
    public IReadOnlyList<RunRecord> CommitPoll(string recipe, string operation, IReadOnlyList<PolledItem> items)
    {
        var now = _time.GetUtcNow();
        var runs = new List<RunRecord>();
        using var db = store.OpenConnection();
        using var transaction = db.BeginTransaction(deferred: false);
        var sequence = Scalar<long>(db, "SELECT COALESCE(MAX(sequence), 0) FROM runs", transaction);
        foreach (var item in items)
        {
            if (item.Removed)
            {
                // Forgotten, so that the removal fires once, and an item that comes back is new again.
                Execute(db, transaction, "DELETE FROM seen_items WHERE recipe = $recipe AND item_key = $key",
                    ("$recipe", recipe), ("$key", item.Key));
            }
            else
            {
                Execute(db, transaction, """
                    INSERT INTO seen_items (recipe, item_key, fingerprint, seen_at)
                    VALUES ($recipe, $key, $fingerprint, $now)
                    ON CONFLICT (recipe, item_key) DO UPDATE
                        SET fingerprint = excluded.fingerprint, seen_at = excluded.seen_at
                    """, ("$recipe", recipe), ("$key", item.Key), ("$fingerprint", item.Fingerprint),
                    ("$now", Text(now)));
            }

            if (!item.Fires)
            {
                continue;
            }

            var run = new RunRecord
            {
                Id = NewRunId(now),
                Recipe = recipe,
                Status = RunStatus.Queued,
                ItemKey = item.Key,
                Trigger = Redaction.Apply(item.Item),
                CreatedAt = now,
            };
            Execute(db, transaction, """
                INSERT INTO runs (id, recipe, status, item_key, trigger, created_at, sequence)
                VALUES ($id, $recipe, 'Queued', $key, $trigger, $now, $sequence)
                """, ("$id", run.Id), ("$recipe", recipe), ("$key", item.Key), ("$trigger", Json(run.Trigger)),
                ("$now", Text(now)), ("$sequence", ++sequence));
            runs.Add(run);
        }

        Execute(db, transaction, """
            INSERT INTO trigger_states (recipe, operation, seeded, polled_at, updated_at)
            VALUES ($recipe, $operation, 1, $now, $now)
            ON CONFLICT (recipe) DO UPDATE SET operation = excluded.operation, seeded = 1,
                polled_at = excluded.polled_at, updated_at = excluded.updated_at
            """, ("$recipe", recipe), ("$operation", operation), ("$now", Text(now)));
        Execute(db, transaction, """
            DELETE FROM seen_items WHERE recipe = $recipe AND item_key IN (
                SELECT item_key FROM seen_items WHERE recipe = $recipe ORDER BY seen_at DESC LIMIT -1 OFFSET $limit)
            """, ("$recipe", recipe), ("$limit", SeenLimit));
        transaction.Commit();
        return runs;
    }

    /// <summary>The value remembered under <paramref name="key"/> of <paramref name="map"/>, or null.</summary>
    public JsonNode? Recall(string map, string key)
    {
        using var db = store.OpenConnection();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT value FROM recipe_maps WHERE map = $map AND key = $key";
        Bind(command, ("$map", map), ("$key", key));
        return ParseJson(command.ExecuteScalar() as string);
    }

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/> of <paramref name="map"/>.</summary>
    public void Remember(string map, string key, JsonNode? value)
    {
        using var db = store.OpenConnection();
        using var command = db.CreateCommand();
        command.CommandText = """
            INSERT INTO recipe_maps (map, key, value, updated_at) VALUES ($map, $key, $value, $now)
            ON CONFLICT (map, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """;
        Bind(
            command,
            ("$map", map),
            ("$key", key),
            ("$value", value?.ToJsonString() ?? "null"),
            ("$now", Text(_time.GetUtcNow())));
        command.ExecuteNonQuery();
    }

    /// <summary>Forgets a recipe's trigger state and seen items: its next poll is a first poll again.</summary>
    public void ResetTrigger(string recipe)
    {
        using var db = store.OpenConnection();
        using var transaction = db.BeginTransaction(deferred: false);
        Execute(db, transaction, "DELETE FROM seen_items WHERE recipe = $recipe", ("$recipe", recipe));
        Execute(db, transaction, "DELETE FROM trigger_states WHERE recipe = $recipe", ("$recipe", recipe));
        transaction.Commit();
    }

    /// <summary>Runs not finished yet (queued, running, paused), oldest first.</summary>
    public IReadOnlyList<RunRecord> Unfinished(string recipe) => Query(
        "WHERE recipe = $recipe AND status IN ('Queued', 'Running', 'Paused') ORDER BY sequence",
        ("$recipe", recipe));

    public IReadOnlyList<RunRecord> List(string? recipe = null, RunStatus? status = null, int limit = 100) => Query(
        "WHERE ($recipe IS NULL OR recipe = $recipe) AND ($status IS NULL OR status = $status) "
        + "ORDER BY sequence DESC LIMIT $limit",
        ("$recipe", recipe),
        ("$status", status?.ToString()),
        ("$limit", limit));

    public RunRecord? Find(string id)
    {
        var run = Query("WHERE id = $id", ("$id", id)).SingleOrDefault();
        return run is null ? null : run with { Steps = Steps(id) };
    }

    public IReadOnlyList<StepRecord> Steps(string runId)
    {
        using var db = store.OpenConnection();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT * FROM run_steps WHERE run_id = $id ORDER BY position";
        command.Parameters.AddWithValue("$id", runId);
        using var reader = command.ExecuteReader();
        var steps = new List<StepRecord>();
        while (reader.Read())
        {
            steps.Add(new StepRecord
            {
                Step = reader.GetString(reader.GetOrdinal("step")),
                Position = reader.GetInt32(reader.GetOrdinal("position")),
                Status = Enum.Parse<StepStatus>(reader.GetString(reader.GetOrdinal("status"))),
                Attempts = reader.GetInt32(reader.GetOrdinal("attempts")),
                Input = ParseJson(Optional(reader, "input")),
                Output = ParseJson(Optional(reader, "output")),
                Error = Optional(reader, "error"),
                StartedAt = Optional(reader, "started_at") is { } started ? ParseTime(started) : null,
                FinishedAt = Optional(reader, "finished_at") is { } finished ? ParseTime(finished) : null,
                DurationMs = reader.IsDBNull(reader.GetOrdinal("duration_ms"))
                    ? null
                    : reader.GetInt64(reader.GetOrdinal("duration_ms")),
            });
        }

        return steps;
    }

    public void MarkRun(string id, RunStatus status, string? error = null)
    {
        using var db = store.OpenConnection();
        var now = Text(_time.GetUtcNow());
        var finished = status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Stopped;
        using var command = db.CreateCommand();
        command.CommandText = """
            UPDATE runs SET status = $status, error = $error,
                started_at = COALESCE(started_at, $now),
                finished_at = CASE WHEN $finished = 1 THEN $now ELSE NULL END
            WHERE id = $id
            """;
        Bind(
            command,
            ("$status", status.ToString()),
            ("$error", error),
            ("$now", now),
            ("$finished", finished ? 1 : 0),
            ("$id", id));
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Records, before a step acts, that it is about to: after a crash this says the step may have acted.
    /// </summary>
    public void StartStep(string runId, string step, int position, JsonNode? input)
    {
        using var db = store.OpenConnection();
        using var command = db.CreateCommand();
        command.CommandText = """
            INSERT INTO run_steps (run_id, step, position, status, attempts, input, started_at)
            VALUES ($id, $step, $position, 'Started', 1, $input, $now)
            ON CONFLICT (run_id, step) DO UPDATE SET status = 'Started', attempts = attempts + 1,
                input = excluded.input, started_at = excluded.started_at, finished_at = NULL, error = NULL
            """;
        Bind(
            command,
            ("$id", runId),
            ("$step", step),
            ("$position", position),
            ("$input", Json(Redaction.Apply(input))),
            ("$now", Text(_time.GetUtcNow())));
        command.ExecuteNonQuery();
    }

    public void FinishStep(
        string runId,
        string step,
        StepStatus status,
        JsonNode? output,
        string? error,
        TimeSpan duration)
    {
        using var db = store.OpenConnection();
        using var command = db.CreateCommand();
        command.CommandText = """
            UPDATE run_steps
            SET status = $status, output = $output, error = $error, finished_at = $now, duration_ms = $ms
            WHERE run_id = $id AND step = $step
            """;
        Bind(
            command,
            ("$status", status.ToString()),
            ("$output", Json(Redaction.Apply(output))),
            ("$error", error),
            ("$now", Text(_time.GetUtcNow())),
            ("$ms", (long)duration.TotalMilliseconds),
            ("$id", runId),
            ("$step", step));
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Records what a step that repeats an action has done so far (one output per element), while it is
    /// still running: after a crash it resumes at the first element not recorded.
    /// </summary>
    public void RecordProgress(string runId, string step, JsonArray outputs)
    {
        using var db = store.OpenConnection();
        using var command = db.CreateCommand();
        command.CommandText = "UPDATE run_steps SET output = $output WHERE run_id = $id AND step = $step";
        Bind(command, ("$output", Json(Redaction.Apply(outputs))), ("$id", runId), ("$step", step));
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// A new queued run with the trigger item of <paramref name="runId"/> and the results of the steps
    /// that succeeded (or were skipped) before the first that did not: running it resumes from the failed
    /// step. What a failed forEach step had done is carried over too, so its elements that succeeded are not
    /// sent again.
    /// </summary>
    public RunRecord Replay(string runId)
    {
        var original = Find(runId) ?? throw new KeyNotFoundException($"No run '{runId}'.");
        var now = _time.GetUtcNow();
        var replay = original with
        {
            Id = NewRunId(now),
            Status = RunStatus.Queued,
            ReplayOf = original.Id,
            Error = null,
            CreatedAt = now,
            StartedAt = null,
            FinishedAt = null,
        };
        using var db = store.OpenConnection();
        using var transaction = db.BeginTransaction(deferred: false);
        var sequence = Scalar<long>(db, "SELECT COALESCE(MAX(sequence), 0) FROM runs", transaction) + 1;
        Execute(db, transaction, """
            INSERT INTO runs (id, recipe, status, item_key, trigger, replay_of, created_at, sequence)
            VALUES ($id, $recipe, 'Queued', $key, $trigger, $of, $now, $sequence)
            """,
            ("$id", replay.Id),
            ("$recipe", replay.Recipe),
            ("$key", replay.ItemKey),
            ("$trigger", Json(replay.Trigger)),
            ("$of", original.Id),
            ("$now", Text(now)),
            ("$sequence", sequence));
        var settled = original.Steps.TakeWhile(s => s.Status is StepStatus.Succeeded or StepStatus.Skipped).ToList();
        var partial = original.Steps.Skip(settled.Count).Take(1)
            .Where(s => s.Status == StepStatus.Failed && s.Output is JsonArray { Count: > 0 })
            .Select(s => s with { Attempts = 0 });
        foreach (var step in settled.Concat(partial))
        {
            Execute(db, transaction, """
                INSERT INTO run_steps (run_id, step, position, status, attempts, input, output,
                    started_at, finished_at, duration_ms)
                VALUES ($id, $step, $position, $status, $attempts, $input, $output, $started, $finished, $ms)
                """,
                ("$id", replay.Id),
                ("$step", step.Step),
                ("$position", step.Position),
                ("$status", step.Status.ToString()),
                ("$attempts", step.Attempts),
                ("$input", Json(step.Input)),
                ("$output", Json(step.Output)),
                ("$started", step.StartedAt is { } s ? Text(s) : null),
                ("$finished", step.FinishedAt is { } f ? Text(f) : null),
                ("$ms", step.DurationMs));
        }

        transaction.Commit();
        return replay with { Steps = Steps(replay.Id) };
    }

    private List<RunRecord> Query(string where, params (string Name, object? Value)[] parameters)
    {
        using var db = store.OpenConnection();
        using var command = db.CreateCommand();
        command.CommandText = $"SELECT * FROM runs {where}";
        Bind(command, parameters);
        using var reader = command.ExecuteReader();
        var runs = new List<RunRecord>();
        while (reader.Read())
        {
            runs.Add(new RunRecord
            {
                Id = reader.GetString(reader.GetOrdinal("id")),
                Recipe = reader.GetString(reader.GetOrdinal("recipe")),
                Status = Enum.Parse<RunStatus>(reader.GetString(reader.GetOrdinal("status"))),
                ItemKey = Optional(reader, "item_key"),
                Trigger = ParseJson(Optional(reader, "trigger")),
                Error = Optional(reader, "error"),
                ReplayOf = Optional(reader, "replay_of"),
                CreatedAt = ParseTime(reader.GetString(reader.GetOrdinal("created_at"))),
                StartedAt = Optional(reader, "started_at") is { } started ? ParseTime(started) : null,
                FinishedAt = Optional(reader, "finished_at") is { } finished ? ParseTime(finished) : null,
            });
        }

        return runs;
    }

    // Sortable by time, unique without coordination.
    private static string NewRunId(DateTimeOffset now) => $"run_{now:yyyyMMddHHmmss}_{Guid.NewGuid():N}"[..32];

    private static void Execute(
        SqliteConnection db,
        SqliteTransaction transaction,
        string sql,
        params (string Name, object? Value)[] parameters)
    {
        using var command = db.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        Bind(command, parameters);
        command.ExecuteNonQuery();
    }

    private static T Scalar<T>(SqliteConnection db, string sql, params (string Name, object? Value)[] parameters) =>
        Scalar<T>(db, sql, null, parameters);

    private static T Scalar<T>(
        SqliteConnection db,
        string sql,
        SqliteTransaction? transaction,
        params (string Name, object? Value)[] parameters)
    {
        using var command = db.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        Bind(command, parameters);
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }

    private static void Bind(SqliteCommand command, params (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }

    private static string? Optional(SqliteDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    private static string? Json(JsonNode? node) => node?.ToJsonString();

    private static JsonNode? ParseJson(string? text) => text is null ? null : JsonNode.Parse(text);

    private static string Text(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
