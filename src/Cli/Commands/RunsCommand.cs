using System.CommandLine;
using System.Text.Json.Nodes;
using Connector.Recipes.Storage;

namespace Connector.Cli.Commands;

/// <summary><c>connector runs list|show|replay</c>: run history.</summary>
internal static class RunsCommand
{
    public static Command Create() => new("runs", "List, show and replay recipe runs.")
    {
        List(),
        Show(),
        Replay(),
    };

    private static Command List()
    {
        var recipe = new Option<string?>("--recipe") { Description = "Only runs of this recipe." };
        var status = new Option<string?>("--status")
        {
            Description = "Only runs with this status (queued, running, succeeded, failed, stopped, paused).",
        };
        status.AcceptOnlyFromAmong("queued", "running", "succeeded", "failed", "stopped", "paused");
        var limit = new Option<int>("--limit")
        {
            Description = "At most this many, newest first.",
            DefaultValueFactory = _ => 50,
        };
        var json = CommonOptions.Json();
        var command = new Command("list", "List runs, newest first.") { recipe, status, limit, json };
        command.SetAction(async parse =>
        {
            using var state = LocalState.Open();
            var store = new RunStore(state.Store);
            var filter = parse.GetValue(status) is { } s
                ? Enum.Parse<RunStatus>(s, ignoreCase: true)
                : (RunStatus?)null;
            var runs = store.List(parse.GetValue(recipe), filter, parse.GetValue(limit));
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonText.Format(new JsonArray([.. runs.Select(r => Summary(r))])));
                return 0;
            }

            foreach (var run in runs)
            {
                await output.WriteLineAsync(
                    $"{run.Id}  {run.Recipe,-24} {run.Status.ToString().ToLowerInvariant(),-9} "
                    + $"{run.CreatedAt:u}  {run.Error}");
            }

            await output.WriteLineAsync($"{runs.Count} run(s)");
            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("ID");
        var command = new Command(
            "show",
            "Show a run: its trigger item and each step's input, output, status, duration and error.")
        {
            id,
        };
        command.SetAction(async parse =>
        {
            using var state = LocalState.Open();
            var run = new RunStore(state.Store).Find(parse.GetValue(id)!)
                ?? throw new CommandException($"no run '{parse.GetValue(id)}'");
            var detail = Summary(run);
            detail["trigger"] = run.Trigger?.DeepClone();
            detail["steps"] = new JsonArray([.. run.Steps.Select(s => new JsonObject
            {
                ["step"] = s.Step,
                ["status"] = s.Status.ToString().ToLowerInvariant(),
                ["attempts"] = s.Attempts,
                ["durationMs"] = s.DurationMs,
                ["input"] = s.Input?.DeepClone(),
                ["output"] = s.Output?.DeepClone(),
                ["error"] = s.Error,
            })]);
            await parse.InvocationConfiguration.Output.WriteLineAsync(JsonText.Format(detail));
            return 0;
        });
        return command;
    }

    private static Command Replay()
    {
        var id = new Argument<string?>("ID") { Description = "The run to replay.", Arity = ArgumentArity.ZeroOrOne };
        var allFailed = new Option<bool>("--all-failed")
        {
            Description = "Replay every failed run (of --recipe, if given).",
        };
        var recipeName = new Option<string?>("--recipe")
        {
            Description = "With --all-failed: only this recipe's runs.",
        };
        var folder = RunCommand.RecipesFolder();
        var definitions = CommonOptions.Definitions();
        var command = new Command(
            "replay",
            "Run failed runs again from their failed step, with the recipe as it is now.")
        {
            id, allFailed, recipeName, folder, definitions,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(id) is null == !result.GetValue(allFailed))
            {
                result.AddError("Give a run ID, or --all-failed.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var session = new RecipeSession(parse.GetValue(definitions));
            var originals = parse.GetValue(id) is { } runId
                ? [session.Store.Find(runId) ?? throw new CommandException($"no run '{runId}'")]
                : session.Store.List(parse.GetValue(recipeName), RunStatus.Failed, int.MaxValue).Reverse().ToList();
            var recipes = new Dictionary<string, Recipes.Definitions.RecipeDefinition>(StringComparer.Ordinal);
            var failed = 0;
            await ProgressReporter.RunAsync(
                parse.InvocationConfiguration.Output,
                "Replaying",
                originals,
                async original =>
                {
                    if (!recipes.TryGetValue(original.Recipe, out var recipe))
                    {
                        recipe = recipes[original.Recipe] =
                            session.LoadRecipe(original.Recipe, parse.GetValue(folder)!);
                    }

                    var replay = await session.Engine.ReplayAsync(recipe, original.Id, cancellationToken);
                    failed += replay.Status == RunStatus.Succeeded ? 0 : 1;
                    var error = replay.Error is null ? "" : ": " + replay.Error;
                    return $"{replay.Id}: {replay.Status.ToString().ToLowerInvariant()} "
                        + $"(replay of {original.Id}){error}";
                });
            return failed == 0 ? 0 : 2;
        });
        return command;
    }

    private static JsonObject Summary(RunRecord run) => new()
    {
        ["id"] = run.Id,
        ["recipe"] = run.Recipe,
        ["status"] = run.Status.ToString().ToLowerInvariant(),
        ["itemKey"] = run.ItemKey,
        ["error"] = run.Error,
        ["replayOf"] = run.ReplayOf,
        ["createdAt"] = run.CreatedAt.ToString("O"),
        ["finishedAt"] = run.FinishedAt?.ToString("O"),
    };
}
