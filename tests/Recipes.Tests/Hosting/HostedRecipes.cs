using Connector.Operations.Tests.Support;
using Connector.Recipes.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using Quartz.Impl.Matchers;

namespace Connector.Recipes.Tests.Hosting;

/// <summary>
/// <c>connector host</c> as the CLI builds it, over a temporary recipes folder, against a sandbox on
/// 127.0.0.1; what it logs is kept in <see cref="Log"/>.
/// </summary>
internal sealed class HostedRecipes : IAsyncDisposable
{
    private readonly string _folder;
    private IHost? _host;
    private bool _stopped;

    private HostedRecipes(SandboxWorld world, string folder)
    {
        World = world;
        _folder = folder;
    }

    public SandboxWorld World { get; }

    public LogLines Log { get; } = new();

    public static async Task<HostedRecipes> CreateAsync() => new(
        await SandboxWorld.StartAsync(),
        Directory.CreateTempSubdirectory("connector-host-").FullName);

    /// <summary>Writes (or overwrites) the recipe file <c>NAME.yaml</c>; returns its path.</summary>
    public string Write(string name, string yaml)
    {
        var file = Path.Combine(_folder, $"{name}.yaml");
        File.WriteAllText(file, yaml);
        return file;
    }

    public async Task StartAsync(bool pollNow = false)
    {
        var options = new RecipeHostOptions
        {
            RecipesFolder = _folder,
            PollNow = pollNow,
            ReloadDelay = TimeSpan.FromMilliseconds(100),
        };
        _host = RecipeHostBuilder.Build(options, ShippedCatalog.Instance, World.Engine, logging => logging
            .AddProvider(Log)
            .SetMinimumLevel(LogLevel.Information));
        await _host.StartAsync();
    }

    public async Task StopAsync()
    {
        await _host!.StopAsync();
        _stopped = true;
    }

    /// <summary>When each scheduled recipe polls next, by recipe name.</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> NextPollsAsync()
    {
        var scheduler = await _host!.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var next = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup()))
        {
            if (await scheduler.GetTrigger(key) is { } trigger && trigger.GetNextFireTimeUtc() is { } at)
            {
                next[key.Name] = at;
            }
        }

        return next;
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            if (!_stopped)
            {
                await _host.StopAsync();
            }

            _host.Dispose();
        }

        await World.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
