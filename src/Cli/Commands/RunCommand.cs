using System.CommandLine;
using System.Text.Json.Nodes;
using Connector.Recipes.Definitions;
using Connector.Recipes.Running;
using Connector.Runtime.Auth;
using Connector.Runtime.Http;

namespace Connector.Cli.Commands;

/// <summary><c>connector run RECIPE</c>: poll a recipe and run what it fires.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var recipe = new Argument<string>("RECIPE")
        {
            Description = "A recipe file, or the name of a recipe in --recipes.",
        };
        var once = new Option<bool>("--once") { Description = "Poll once, run what fired, print a summary and exit." };
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Show what would fire and what each step would send; send nothing that writes.",
        };
        var reset = new Option<bool>("--reset")
        {
            Description = "Forget the recipe's trigger state first (what it has seen): "
                + "the next poll is a first poll again.",
        };
        var folder = RecipesFolder();
        var definitions = CommonOptions.Definitions();
        var command = new Command("run", "Poll a recipe and run what its trigger fires (until Ctrl-C, or --once).")
        {
            recipe, once, dryRun, reset, folder, definitions,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var session = new RecipeSession(parse.GetValue(definitions));
            var definition = session.LoadRecipe(parse.GetValue(recipe)!, parse.GetValue(folder)!);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(reset))
            {
                session.Store.ResetTrigger(definition.Name);
                await output.WriteLineAsync(
                    $"{definition.Name}: trigger state cleared; the next poll is a first poll "
                    + $"({definition.Trigger.FirstPoll.Mode.ToString().ToLowerInvariant()})");
            }

            try
            {
                if (parse.GetValue(dryRun))
                {
                    await DryRunAsync(session, definition, output, cancellationToken);
                    return 0;
                }

                do
                {
                    var summary = ProgressReporter.IsInteractive(output)
                        ? await PollAndRunShowingProgressAsync(session, definition, output, cancellationToken)
                        : await session.Engine.PollAndRunAsync(definition, cancellationToken);
                    await output.WriteLineAsync(summary.ToString());
                    foreach (var (run, status) in summary.Runs
                        .Where(r => r.Status != Recipes.Storage.RunStatus.Succeeded))
                    {
                        await output.WriteLineAsync(
                            $"  {run.Id}: {status.ToString().ToLowerInvariant()} "
                            + $"{session.Store.Find(run.Id)?.Error}");
                    }

                    if (parse.GetValue(once))
                    {
                        return summary.Failed > 0 ? 2 : 0;
                    }

                    await Task.Delay(definition.Trigger.Interval, cancellationToken);
                }
                while (true);
            }
            catch (Exception failure) when (failure is OperationException or ReauthorizationRequiredException)
            {
                throw new CommandException(failure.Message, 1, failure);
            }
        });
        return command;
    }

    // In a terminal, a poll that fired many runs (a backfill, a first sync) shows a bar while they run.
    private static async Task<PollSummary> PollAndRunShowingProgressAsync(
        RecipeSession session,
        RecipeDefinition recipe,
        TextWriter output,
        CancellationToken cancellationToken)
    {
        var fired = await session.Engine.PollAsync(recipe, cancellationToken);
        var pending = session.Store.Unfinished(recipe.Name);
        var runs = new List<(Recipes.Storage.RunRecord, Recipes.Storage.RunStatus)>();
        await ProgressReporter.RunAsync(output, $"{recipe.Name}: running", pending, async run =>
        {
            var status = await session.Engine.RunAsync(recipe, run, cancellationToken);
            runs.Add((run, status));
            return $"{run.Id}: {status.ToString().ToLowerInvariant()}";
        });
        return new PollSummary(recipe.Name, fired.Count, runs);
    }

    internal static Option<string> RecipesFolder() => new("--recipes")
    {
        Description = "Folder of recipe files (default: recipes).",
        DefaultValueFactory = _ => "recipes",
    };

    private static async Task DryRunAsync(
        RecipeSession session,
        RecipeDefinition recipe,
        TextWriter output,
        CancellationToken cancellationToken)
    {
        var items = await session.Engine.PreviewPollAsync(recipe, cancellationToken);
        var firing = items.Where(i => i.Fires).ToList();
        await output.WriteLineAsync($"{recipe.Name}: the trigger would fire {firing.Count} item(s)"
            + (firing.Count < items.Count
                ? $" and remember {items.Count - firing.Count} without firing (first poll)"
                : ""));
        foreach (var item in firing)
        {
            await output.WriteLineAsync($"- item {item.Key}");
            var plan = await session.Engine.PlanAsync(recipe, item.Item, cancellationToken);
            foreach (var step in plan)
            {
                await output.WriteLineAsync($"    {step.Key}: {step.Description}");
                if (step.Request is JsonObject request)
                {
                    await output.WriteLineAsync(
                        "      " + JsonText.Format(request).Replace("\n", "\n      ", StringComparison.Ordinal));
                }
            }
        }
    }
}
