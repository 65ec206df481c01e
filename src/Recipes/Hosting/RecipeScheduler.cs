using Connector.Operations.Catalog;
using Connector.Recipes.Definitions;
using Connector.Recipes.Loading;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Connector.Recipes.Hosting;

/// <summary>
/// Schedules a poll job per enabled recipe, each at its own moment of its interval (<see cref="PollSchedule"/>)
/// so that many recipes do not poll in the same second, and reschedules when recipe files change.
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
        while (!stoppingToken.IsCancellationRequested)
        {
            await ReloadAsync(scheduler, stoppingToken).ConfigureAwait(false);
            try
            {
                await _reload.WaitAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(options.ReloadDelay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ReloadAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var result = RecipeLoader.Load(catalog, options.RecipesFolder);
        foreach (var problem in result.Problems)
        {
            LogProblem(logger, problem.ToString());
        }

        var (changed, removed) = registry.Replace(result.Recipes);
        foreach (var name in removed)
        {
            await scheduler.UnscheduleJob(new TriggerKey(name), cancellationToken).ConfigureAwait(false);
            LogUnscheduled(logger, name);
        }

        foreach (var recipe in changed)
        {
            await scheduler.UnscheduleJob(new TriggerKey(recipe.Name), cancellationToken).ConfigureAwait(false);
            if (recipe.Enabled)
            {
                await scheduler.ScheduleJob(Job(recipe), Trigger(recipe), cancellationToken).ConfigureAwait(false);
                LogScheduled(logger, recipe.Name, recipe.Trigger.Interval);
            }
        }
    }

    private ITrigger Trigger(RecipeDefinition recipe)
    {
        var interval = recipe.Trigger.Interval;
        return TriggerBuilder.Create()
            .WithIdentity(recipe.Name)
            .StartAt(PollSchedule.FirstPoll(recipe.Name, interval, time.GetUtcNow(), TimeSpan.FromSeconds(1)))
            .WithSimpleSchedule(s => s
                .WithInterval(interval)
                .RepeatForever()
                .WithMisfireHandlingInstructionNextWithRemainingCount())
            .Build();
    }

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

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "{Recipe}: scheduled every {Interval}")]
    private static partial void LogScheduled(ILogger logger, string recipe, TimeSpan interval);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "{Recipe}: unscheduled (its file is gone)")]
    private static partial void LogUnscheduled(ILogger logger, string recipe);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Error, Message = "Recipe not loaded: {Problem}")]
    private static partial void LogProblem(ILogger logger, string problem);
}
