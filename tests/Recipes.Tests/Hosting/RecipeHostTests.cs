using Connector.Recipes.Storage;

namespace Connector.Recipes.Tests.Hosting;

/// <summary>
/// <c>connector host</c> over a folder of recipe files: what it schedules, what it does when a file
/// changes, how it stops, and what it logs.
/// </summary>
public sealed class RecipeHostTests : IAsyncLifetime
{
    private HostedRecipes _hosted = null!;

    public async Task InitializeAsync() => _hosted = await HostedRecipes.CreateAsync();

    [Fact]
    public async Task EditingOneRecipe_ReschedulesThatOneOnly()
    {
        foreach (var name in new[] { "alpha", "bravo", "charlie" })
        {
            _hosted.Write(name, NoteRecipe(name));
        }

        await _hosted.StartAsync();
        await _hosted.Log.WhenAsync(": scheduled every", count: 3);

        _hosted.Write("bravo", NoteRecipe("bravo", body: "Edited welcome"));
        await _hosted.Log.WhenAsync("bravo: scheduled every", count: 2);
        _hosted.Write("delta", NoteRecipe("delta"));
        await _hosted.Log.WhenAsync("delta: scheduled every");

        Assert.Single(_hosted.Log.With("alpha: scheduled every"));
        Assert.Single(_hosted.Log.With("charlie: scheduled every"));
        Assert.Equal(4, (await _hosted.NextPollsAsync()).Count);
    }

    [Fact]
    public async Task InvalidEdit_KeepsTheLastGoodVersionScheduled_AndLogsTheProblemWithFileAndLine()
    {
        var file = _hosted.Write("alpha", NoteRecipe("alpha"));
        await _hosted.StartAsync();
        await _hosted.Log.WhenAsync("alpha: scheduled every");
        var before = (await _hosted.NextPollsAsync())["alpha"];

        var broken = NoteRecipe("alpha").Replace("interval: 1m", "interval: 99m", StringComparison.Ordinal);
        _hosted.Write("alpha", broken);
        await _hosted.Log.WhenAsync("its last good version stays scheduled");

        // One write may reach the watcher as two changes, and so be reloaded (and reported) twice.
        var line = Array.FindIndex(broken.Split('\n'), l => l.Contains("99m", StringComparison.Ordinal)) + 1;
        Assert.All(_hosted.Log.With("Recipe not loaded"), problem =>
        {
            Assert.StartsWith("Error:", problem, StringComparison.Ordinal);
            Assert.Contains($"{file}:{line}:", problem, StringComparison.Ordinal);
        });
        Assert.Empty(_hosted.Log.With("unscheduled"));
        Assert.Equal(before, (await _hosted.NextPollsAsync())["alpha"]);

        _hosted.Write("alpha", NoteRecipe("alpha", body: "Fixed welcome"));
        await _hosted.Log.WhenAsync("alpha: scheduled every", count: 2);
        var lines = _hosted.Log.All.ToList();
        var lastBroken = lines.FindLastIndex(l => l.Contains("last good version", StringComparison.Ordinal));
        var fixedAt = lines.FindLastIndex(l => l.Contains("alpha: scheduled every", StringComparison.Ordinal));
        Assert.DoesNotContain(
            lines[lastBroken..fixedAt],
            l => l.Contains("Recipe not loaded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeletedRecipeFile_UnschedulesItsRecipe()
    {
        var file = _hosted.Write("alpha", NoteRecipe("alpha"));
        _hosted.Write("bravo", NoteRecipe("bravo"));
        await _hosted.StartAsync();
        await _hosted.Log.WhenAsync(": scheduled every", count: 2);

        File.Delete(file);
        await _hosted.Log.WhenAsync("alpha: unscheduled");

        Assert.Equal(["bravo"], (await _hosted.NextPollsAsync()).Keys);
    }

    [Fact]
    public async Task DisablingARecipeInItsFile_UnschedulesIt()
    {
        _hosted.Write("alpha", NoteRecipe("alpha"));
        _hosted.Write("bravo", NoteRecipe("bravo"));
        await _hosted.StartAsync();
        await _hosted.Log.WhenAsync(": scheduled every", count: 2);

        _hosted.Write("alpha", "enabled: false\n" + NoteRecipe("alpha"));
        await _hosted.Log.WhenAsync("alpha: disabled, not scheduled");

        Assert.Equal(["bravo"], (await _hosted.NextPollsAsync()).Keys);
    }

    [Fact]
    public async Task PollNow_RunsWhatFiredAtStart_AndLogsOneLinePerRunWithItsOutcome()
    {
        var contacts = new[] { "Ada", "Grace", "Edsger" };
        foreach (var name in contacts)
        {
            await _hosted.World.CreateContactAsync(name);
        }

        _hosted.Write("welcome", NoteRecipe("welcome", firstPoll: "{ backfill: 3 }"));
        _hosted.Write("broken", NoteRecipe("broken", firstPoll: "{ backfill: 3 }", contact: "no-such-contact"));
        await _hosted.StartAsync(pollNow: true);
        await _hosted.Log.WhenAsync(": run ", count: 6);

        var succeeded = _hosted.Log.With("welcome: run ");
        var failed = _hosted.Log.With("broken: run ");
        Assert.Equal(3, succeeded.Count);
        Assert.All(succeeded, line => Assert.StartsWith("Information:", line, StringComparison.Ordinal));
        Assert.All(succeeded, line => Assert.Contains(" Succeeded (item ", line, StringComparison.Ordinal));
        Assert.Equal(3, failed.Count);
        Assert.All(failed, line => Assert.StartsWith("Error:", line, StringComparison.Ordinal));
        Assert.All(failed, line => Assert.Contains(" failed: ", line, StringComparison.Ordinal));
        foreach (var run in _hosted.World.Store.List("welcome", RunStatus.Succeeded, 10))
        {
            Assert.Single(_hosted.Log.With($"welcome: run {run.Id} Succeeded (item {run.ItemKey})"));
        }
    }

    [Fact]
    public async Task StopWhileAPollRuns_FinishesItsRuns_AndLeavesNoStepHalfDone()
    {
        var recipe = _hosted.World.Recipe(NoteRecipe("welcome"));
        await _hosted.World.Engine.PollAndRunAsync(recipe);
        var contacts = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            contacts.Add(await _hosted.World.CreateContactAsync($"Stop{i}"));
        }

        _hosted.Write("welcome", NoteRecipe("welcome"));
        await _hosted.StartAsync(pollNow: true);
        await _hosted.Log.WhenAsync("welcome: run ");
        await _hosted.StopAsync();

        var store = _hosted.World.Store;
        Assert.Empty(store.Unfinished("welcome"));
        Assert.Equal(40, store.List("welcome", RunStatus.Succeeded, 100).Count);
        Assert.Equal(40, _hosted.Log.With("welcome: run ").Count);
        foreach (var contact in contacts)
        {
            Assert.Single(await _hosted.World.NotesAsync(contact));
        }
    }

    [Fact]
    public async Task RecipesOnAOneMinuteInterval_PollAtPlacesSpreadOverTheWholeMinute()
    {
        const int Count = 60;
        for (var i = 0; i < Count; i++)
        {
            _hosted.Write($"recipe-{i}", NoteRecipe($"recipe-{i}"));
        }

        var started = DateTimeOffset.UtcNow;
        await _hosted.StartAsync();
        await _hosted.Log.WhenAsync(": scheduled every", Count);

        var seconds = (await _hosted.NextPollsAsync()).Values
            .Select(at => (at - started).TotalSeconds)
            .Order()
            .ToList();
        Assert.Equal(Count, seconds.Count);
        Assert.All(seconds, s => Assert.InRange(s, 0, 61));
        Assert.True(seconds[^1] - seconds[0] > 45, $"first polls span only {seconds[^1] - seconds[0]:F1} s");
        var busiest = seconds.Max(s => seconds.Count(t => t >= s && t < s + 6));
        Assert.True(busiest <= Count / 4, $"{busiest} of {Count} recipes poll within the same 6 s");
    }

    [Fact]
    public async Task EditedRecipe_KeepsItsPlaceInItsInterval()
    {
        _hosted.Write("alpha", NoteRecipe("alpha"));
        await _hosted.StartAsync();
        await _hosted.Log.WhenAsync("alpha: scheduled every");
        var first = (await _hosted.NextPollsAsync())["alpha"];

        _hosted.Write("alpha", NoteRecipe("alpha", body: "Edited welcome"));
        await _hosted.Log.WhenAsync("alpha: scheduled every", count: 2);
        var second = (await _hosted.NextPollsAsync())["alpha"];

        Assert.Equal(0, (second - first).TotalSeconds % 60, precision: 3);
    }

    public async Task DisposeAsync() => await _hosted.DisposeAsync();

    private static string NoteRecipe(
        string name,
        string body = "Welcome",
        string firstPoll = "seed",
        string contact = "{{trigger.id}}") => $$$"""
        name: {{{name}}}
        connections:
          ghl: sandbox
        trigger:
          operation: contacts.list
          inputs:
            limit: 100
          interval: 1m
          dedupe: id
          firstPoll: {{{firstPoll}}}
        steps:
          - key: note
            action: contacts.notes.create
            inputs:
              contactId: "{{{contact}}}"
              body: "{{{body}}} {{trigger.firstName}}"
        """;
}
