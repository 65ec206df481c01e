using Connector.Operations.Catalog;
using Connector.Recipes.Definitions;
using Connector.Recipes.Loading;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Connector.Recipes.Hosting;

/// <summary>
/// Schedules a poll job per enabled recipe, each at its own place in its interval (see
/// <see cref="PollSpread"/>), and reschedules the recipes whose files change.
/// </summary>
internal sealed partial class RecipeScheduler(
    ISchedulerFactory schedulers,
    RecipeRegistry registry,
    OperationCatalog catalog,
    RecipeHostOptions options,
    TimeProvider time,
    ILogger<RecipeScheduler> logger) : BackgroundService
{
    private readonly SemaphoreSlim _reload = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var scheduler = await schedulers.GetScheduler(stoppingToken).ConfigureAwait(false);
        using var watcher = Watch();
        var changed = await ReloadAsync(scheduler, stoppingToken).ConfigureAwait(false);
        if (options.PollNow)
        {
            await PollNowAsync(scheduler, changed, stoppingToken).ConfigureAwait(false);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _reload.WaitAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(options.ReloadDelay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await ReloadAsync(scheduler, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>Loads the recipe files again and reschedules what changed; returns the recipes changed.</summary>
    private async Task<IReadOnlyList<RecipeDefinition>> ReloadAsync(
        IScheduler scheduler,
        CancellationToken cancellationToken)
    {
        var result = RecipeLoader.Load(catalog, options.RecipesFolder);
        foreach (var problem in result.Problems)
        {
            LogProblem(logger, problem.ToString());
        }

        var changes = registry.Replace(result.Recipes, result.Problems.Select(p => p.Location.File).ToHashSet());
        foreach (var recipe in changes.Kept)
        {
            LogKept(logger, recipe.Name, recipe.Source.File);
        }

        foreach (var name in changes.Removed)
        {
            await scheduler.DeleteJob(new JobKey(name), cancellationToken).ConfigureAwait(false);
            LogUnscheduled(logger, name);
        }

        foreach (var recipe in changes.Changed)
        {
            await ScheduleAsync(scheduler, recipe, cancellationToken).ConfigureAwait(false);
        }

        return changes.Changed;
    }

    private async Task ScheduleAsync(IScheduler scheduler, RecipeDefinition recipe, CancellationToken cancellationToken)
    {
        if (!recipe.Enabled)
        {
            await scheduler.DeleteJob(new JobKey(recipe.Name), cancellationToken).ConfigureAwait(false);
            LogDisabled(logger, recipe.Name);
            return;
        }

        var trigger = Trigger(recipe);
        await scheduler.ScheduleJob(Job(recipe), [trigger], replace: true, cancellationToken).ConfigureAwait(false);
        LogScheduled(logger, recipe.Name, recipe.Trigger.Interval, trigger.StartTimeUtc);
    }

    private static async Task PollNowAsync(
        IScheduler scheduler,
        IEnumerable<RecipeDefinition> recipes,
        CancellationToken cancellationToken)
    {
        foreach (var recipe in recipes.Where(r => r.Enabled))
        {
            await scheduler.TriggerJob(new JobKey(recipe.Name), cancellationToken).ConfigureAwait(false);
        }
    }

    private ITrigger Trigger(RecipeDefinition recipe) => TriggerBuilder.Create()
        .WithIdentity(recipe.Name)
        .StartAt(PollSpread.Next(recipe.Name, recipe.Trigger.Interval, time.GetUtcNow()))
        .WithSimpleSchedule(s => s
            .WithInterval(recipe.Trigger.Interval)
            .RepeatForever()
            .WithMisfireHandlingInstructionNextWithRemainingCount())
        .Build();

    private static IJobDetail Job(RecipeDefinition recipe) => JobBuilder.Create<PollJob>()
        .WithIdentity(recipe.Name)
        .UsingJobData(PollJob.RecipeKey, recipe.Name)
        .Build();

    private FileSystemWatcher? Watch()
    {
        if (!Directory.Exists(options.RecipesFolder))
        {
            return null;
        }

        var watcher = new FileSystemWatcher(options.RecipesFolder, "*.yaml") { IncludeSubdirectories = true };
        FileSystemEventHandler changed = (_, _) => Signal();
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (_, _) => Signal();
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private void Signal()
    {
        if (_reload.CurrentCount == 0)
        {
            try
            {
                _reload.Release();
            }
            catch (SemaphoreFullException)
            {
                // A reload is already pending; it will see this change too.
            }
        }
    }

    public override void Dispose()
    {
        _reload.Dispose();
        base.Dispose();
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information,
        Message = "{Recipe}: scheduled every {Interval}, next poll at {Next:u}")]
    private static partial void LogScheduled(ILogger logger, string recipe, TimeSpan interval, DateTimeOffset next);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information,
        Message = "{Recipe}: unscheduled (no recipe file holds it any more)")]
    private static partial void LogUnscheduled(ILogger logger, string recipe);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Error, Message = "Recipe not loaded: {Problem}")]
    private static partial void LogProblem(ILogger logger, string problem);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning,
        Message = "{Recipe}: {File} has problems (above); its last good version stays scheduled")]
    private static partial void LogKept(ILogger logger, string recipe, string file);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Information, Message = "{Recipe}: disabled, not scheduled")]
    private static partial void LogDisabled(ILogger logger, string recipe);
}
