using Connector.Operations.Tests.Support;
using Connector.Recipes.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using Quartz.Impl.Matchers;

namespace Connector.Recipes.Tests.Hosting;

/// <summary>When the host (the one <c>connector host</c> runs, with Quartz) schedules recipes' polls.</summary>
public sealed class RecipeSchedulerTests : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly string _folder = Directory.CreateTempSubdirectory("connector-schedule-").FullName;
    private SandboxWorld _world = null!;

    public async Task InitializeAsync() => _world = await SandboxWorld.StartAsync();

    [Fact]
    public async Task ManyRecipes_PollSpreadOverTheWholeInterval_EachWithinAnIntervalOfTheStart()
    {
        WriteRecipes(600);

        var started = DateTimeOffset.UtcNow;
        var polls = await NextPollsAsync(600);
        var read = DateTimeOffset.UtcNow;

        // Six slices of ten seconds: about a hundred recipes poll in each, none crowded, none empty.
        var perSlice = polls.Values
            .GroupBy(next => next.UtcTicks % Interval.Ticks / TimeSpan.FromSeconds(10).Ticks)
            .ToDictionary(slice => slice.Key, slice => slice.Count());
        Assert.Equal(6, perSlice.Count);
        Assert.All(perSlice.Values, count => Assert.InRange(count, 60, 140));
        Assert.All(polls.Values, next => Assert.InRange(next, started, read + Interval + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task RestartedHost_PollsEachRecipeAtTheSameMomentOfItsInterval()
    {
        WriteRecipes(20);

        var before = await NextPollsAsync(20);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var after = await NextPollsAsync(20);

        // A restart neither delays a recipe's polls nor brings them closer together than its interval.
        Assert.All(before, recipe =>
        {
            var shift = (after[recipe.Key] - recipe.Value).Ticks % Interval.Ticks;
            Assert.InRange(shift, 0, TimeSpan.FromMilliseconds(1).Ticks);
        });
    }

    /// <summary>Starts a host on the recipes folder, reads when each recipe polls next, and stops it.</summary>
    private async Task<IReadOnlyDictionary<string, DateTimeOffset>> NextPollsAsync(int recipes)
    {
        var options = new RecipeHostOptions { RecipesFolder = _folder };
        using var host = RecipeHostBuilder.Build(options, ShippedCatalog.Instance, _world.Engine);
        await host.StartAsync();
        try
        {
            var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
            var keys = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup());
            while (keys.Count < recipes && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(50);
                keys = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup());
            }

            Assert.Equal(recipes, keys.Count);
            var next = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            foreach (var key in keys)
            {
                var trigger = await scheduler.GetTrigger(key);
                next[key.Name] = trigger!.GetNextFireTimeUtc()!.Value;
            }

            return next;
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private void WriteRecipes(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            File.WriteAllText(Path.Combine(_folder, $"poll-{i:000}.yaml"), $$$"""
                name: poll-{{{i:000}}}
                trigger:
                  operation: contacts.list
                  interval: 1m
                steps:
                  - key: note
                    action: contacts.notes.create
                    inputs:
                      contactId: "{{trigger.id}}"
                      body: "Hello {{trigger.firstName}}"
                """);
        }
    }

    public async Task DisposeAsync()
    {
        await _world.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
