using Connector.Operations.Catalog;
using Connector.Recipes.Running;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using Quartz.Logging;

namespace Connector.Recipes.Hosting;

/// <summary>
/// The long-running host: a Generic Host that schedules every enabled recipe with Quartz.NET and stops
/// gracefully: polls in progress finish their runs, for up to the 30 s shutdown timeout.
/// </summary>
/// <remarks>
/// Quartz keeps its schedule in memory: recipe state and run history live in our own store, and the
/// schedule is derived from the recipe files at start. Several hosts sharing one PostgreSQL will switch
/// this to Quartz's clustered ADO.NET job store; nothing else here changes for that.
/// Known shortcoming: a poll with more runs than fit in the shutdown timeout is cut off wherever it
/// stands when the process exits; the next start reconciles or resumes its unfinished run (the same
/// path as after a crash). Stopping between two steps needs the run executor to take a stop signal
/// apart from its cancellation token; this remark goes when it does.
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
        var host = builder.Build();

        // Quartz logs through one static logger factory, kept from the first host of the process; a host
        // built after that one was disposed would fail to start on the disposed factory.
        LogContext.SetCurrentLogProvider(host.Services.GetRequiredService<ILoggerFactory>());
        return host;
    }
}
