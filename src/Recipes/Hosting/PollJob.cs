using Connector.Recipes.Running;
using Connector.Recipes.Storage;
using Connector.Runtime.Auth;
using Connector.Runtime.Http;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Connector.Recipes.Hosting;

/// <summary>One poll of one recipe, and the runs it fires. Never two at once for the same recipe.</summary>
[DisallowConcurrentExecution]
internal sealed partial class PollJob(RecipeRegistry registry, RecipeEngine engine, ILogger<PollJob> logger) : IJob
{
    public const string RecipeKey = "recipe";

    public async Task Execute(IJobExecutionContext context)
    {
        var name = context.MergedJobDataMap.GetString(RecipeKey)!;
        if (!registry.TryGet(name, out var recipe) || !recipe.Enabled)
        {
            return;
        }

        try
        {
            var summary = await engine.PollAndRunAsync(recipe, context.CancellationToken).ConfigureAwait(false);
            foreach (var (run, status) in summary.Runs)
            {
                var error = status == RunStatus.Succeeded ? null : engine.Store.Find(run.Id)?.Error;
                if (status == RunStatus.Failed)
                {
                    LogRunFailed(logger, name, run.Id, error);
                }
                else
                {
                    LogRun(logger, name, run.Id, status, run.ItemKey);
                }
            }
        }
        catch (ReauthorizationRequiredException paused)
        {
            LogPaused(logger, name, paused.Message);
        }
        catch (OperationException failure)
        {
            LogPollFailed(logger, name, failure.Message);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The host is stopping; the unfinished run resumes at its unfinished step next time.
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "{Recipe}: run {Run} {Status} (item {Item})")]
    private static partial void LogRun(ILogger logger, string recipe, string run, RunStatus status, string? item);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "{Recipe}: run {Run} failed: {Error}")]
    private static partial void LogRunFailed(ILogger logger, string recipe, string run, string? error);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "{Recipe}: paused: {Reason}")]
    private static partial void LogPaused(ILogger logger, string recipe, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning,
        Message = "{Recipe}: poll failed, trying again at the next interval: {Reason}")]
    private static partial void LogPollFailed(ILogger logger, string recipe, string reason);
}
