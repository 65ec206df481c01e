using Connector.Operations.Catalog;
using Connector.Recipes.Running;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Connector.Recipes.Hosting;

/// <summary>
/// The long-running host: a Generic Host that schedules every enabled recipe with Quartz.NET and stops
/// gracefully (a poll in progress finishes its current step; the rest resumes on the next start).
/// </summary>
/// <remarks>
/// Quartz keeps its schedule in memory: recipe state and run history live in our own store, and the
/// schedule is derived from the recipe files at start. Several hosts sharing one PostgreSQL will switch
/// this to Quartz's clustered ADO.NET job store; nothing else here changes for that.
/// </remarks>
public static class RecipeHostBuilder
{
    public static IHost Build(
        RecipeHostOptions options,
        OperationCatalog catalog,
        RecipeEngine engine,
        Action<ILoggingBuilder>? logging = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton(engine);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RecipeRegistry>();
        builder.Services.AddQuartz(quartz =>
        {
            quartz.SchedulerName = "connector";
            quartz.UseInMemoryStore();
            quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = options.MaxConcurrentPolls);
        });
        builder.Services.AddQuartzHostedService(quartz => quartz.WaitForJobsToComplete = true);
        builder.Services.AddHostedService<RecipeScheduler>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));
        var built = builder.Build();

        // Quartz logs through one provider for the whole process, which still holds the loggers of a host built
        // before (disposed since, after a restart in the same process) until this one's scheduler starts.
        Quartz.Logging.LogContext.SetCurrentLogProvider(built.Services.GetRequiredService<ILoggerFactory>());
        return built;
    }
}
