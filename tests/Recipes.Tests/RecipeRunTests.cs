using System.Text.Json.Nodes;
using Connector.Recipes.Storage;

namespace Connector.Recipes.Tests;

public sealed class RecipeRunTests : IAsyncLifetime
{
    private const string WelcomeNote = """
        name: welcome-note
        trigger:
          operation: contacts.list
          inputs: { limit: 100 }
          dedupe: id
        steps:
          - key: note
            action: contacts.notes.create
            inputs:
              contactId: "{{trigger.id}}"
              body: "Welcome {{trigger.firstName}} ({{run.id}})"
            reconcile:
              operation: contacts.notes.list
              inputs: { contactId: "{{trigger.id}}" }
              match: "item.body.includes(run.id)"
        """;

    private SandboxWorld _world = null!;

    public async Task InitializeAsync() => _world = await SandboxWorld.StartAsync();

    [Fact]
    public async Task FirstPollSeeds_ThenOnlyNewContactsFire_EachOnce()
    {
        var recipe = _world.Recipe(WelcomeNote);
        var seeded = await _world.Engine.PollAndRunAsync(recipe);

        var ada = await _world.CreateContactAsync("Ada");
        var grace = await _world.CreateContactAsync("Grace");
        var second = await _world.Engine.PollAndRunAsync(recipe);
        var third = await _world.Engine.PollAndRunAsync(recipe);

        Assert.Equal(0, seeded.Fired);
        Assert.Equal(2, second.Fired);
        Assert.Equal(2, second.Succeeded);
        Assert.Equal(0, third.Fired);
        Assert.Single(await _world.NotesAsync(ada));
        Assert.Contains("Welcome Grace", (await _world.NotesAsync(grace)).Single()["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task ManyContactsBetweenTwoPolls_AllFireOnce_OldestFirst()
    {
        var recipe = _world.Recipe("""
            name: bulk
            trigger:
              operation: contacts.list
              inputs: { limit: 100 }
              dedupe: id
            steps:
              - key: echo
                code: "return { id: trigger.id };"
            """);
        await _world.Engine.PollAndRunAsync(recipe);
        var created = new List<string>();
        for (var i = 0; i < 250; i++)
        {
            created.Add(await _world.CreateContactAsync($"Bulk{i}"));
        }

        var summary = await _world.Engine.PollAndRunAsync(recipe);
        var again = await _world.Engine.PollAndRunAsync(recipe);

        Assert.Equal(250, summary.Fired);
        Assert.Equal(created, summary.Runs.Select(r => r.Run.ItemKey));
        Assert.Equal(0, again.Fired);
    }

    [Fact]
    public async Task ContactsSharingOneTimestamp_AcrossAPageBoundary_AllFire()
    {
        var recipe = _world.Recipe(WelcomeNote.Replace("limit: 100", "limit: 2", StringComparison.Ordinal));
        await _world.Engine.PollAndRunAsync(recipe);
        var inputs = Enumerable.Range(0, 5)
            .Select(i => new JsonObject { ["firstName"] = $"Same{i}", ["email"] = $"same{i}@example.com" });
        foreach (var contact in inputs)
        {
            await _world.Invoker.InvokeAsync("contacts.create", contact, _world.Connection);
        }

        var summary = await _world.Engine.PollAndRunAsync(recipe);

        Assert.Equal(5, summary.Fired);
        Assert.Equal(5, summary.Succeeded);
    }

    [Fact]
    public async Task ChangeDedupe_AnUpdatedContactFiresAgain_AnUnchangedOneDoesNot()
    {
        var recipe = _world.Recipe("""
            name: contact-changes
            trigger:
              operation: contacts.list
              dedupe: change
            steps:
              - key: seen
                code: "return { name: trigger.firstName };"
            """);
        var ada = await _world.CreateContactAsync("Ada");
        await _world.CreateContactAsync("Grace");
        await _world.Engine.PollAndRunAsync(recipe);

        _world.Clock.Advance(TimeSpan.FromMinutes(1));
        await _world.Invoker.InvokeAsync(
            "contacts.update", new JsonObject { ["contactId"] = ada, ["lastName"] = "Lovelace" }, _world.Connection);
        var changed = await _world.Engine.PollAndRunAsync(recipe);
        var quiet = await _world.Engine.PollAndRunAsync(recipe);

        var run = Assert.Single(changed.Runs);
        Assert.Equal(ada, run.Run.ItemKey);
        Assert.Equal(0, quiet.Fired);
    }

    [Fact]
    public async Task FailingStep_FailsItsRun_TheOthersGoOn_AndReplayResumesAtTheFailedStep()
    {
        const string yaml = """
            name: picky
            trigger:
              operation: contacts.list
              dedupe: id
            steps:
              - key: note
                action: contacts.notes.create
                inputs:
                  contactId: "{{trigger.id}}"
                  body: "Hello {{trigger.firstName}}"
              - key: check
                code: |
                  if (trigger.firstName === 'Bad') { throw new Error('no bad contacts'); }
                  return { ok: true };
            """;
        var recipe = _world.Recipe(yaml);
        await _world.Engine.PollAndRunAsync(recipe);
        var good = await _world.CreateContactAsync("Good");
        var bad = await _world.CreateContactAsync("Bad");

        var summary = await _world.Engine.PollAndRunAsync(recipe);

        Assert.Equal(1, summary.Succeeded);
        Assert.Equal(1, summary.Failed);
        var failed = _world.Store.List(recipe.Name, RunStatus.Failed).Single();
        Assert.Equal(bad, failed.ItemKey);
        Assert.Contains("step 'check'", failed.Error);
        Assert.Contains("no bad contacts", failed.Error);
        Assert.Single(await _world.NotesAsync(good));

        var fixedRecipe = _world.Recipe(yaml.Replace(
            "throw new Error('no bad contacts');", "return { ok: 'forgiven' };", StringComparison.Ordinal));
        var replay = await _world.Engine.ReplayAsync(fixedRecipe, failed.Id);

        Assert.Equal(RunStatus.Succeeded, replay.Status);
        Assert.Equal(failed.Id, replay.ReplayOf);
        Assert.Single(await _world.NotesAsync(bad));
        Assert.Equal("forgiven", replay.Steps.Single(s => s.Step == "check").Output!["ok"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunInterruptedMidCreate_IsReconciled_NotCreatedTwice()
    {
        var recipe = _world.Recipe(WelcomeNote);
        await _world.Engine.PollAndRunAsync(recipe);
        var ada = await _world.CreateContactAsync("Ada");
        var run = Assert.Single(await _world.Engine.PollAsync(recipe));

        // The process sent the create and died before recording its result.
        _world.Store.StartStep(run.Id, "note", 0, new JsonObject());
        await _world.Invoker.InvokeAsync("contacts.notes.create",
            new JsonObject { ["contactId"] = ada, ["body"] = $"Welcome Ada ({run.Id})" }, _world.Connection);
        var resumed = await _world.Engine.RunPendingAsync(recipe);

        Assert.Equal(RunStatus.Succeeded, Assert.Single(resumed).Status);
        Assert.Single(await _world.NotesAsync(ada));
    }

    [Fact]
    public async Task RunInterruptedBeforeTheCreateArrived_CreatesItOnce()
    {
        var recipe = _world.Recipe(WelcomeNote);
        await _world.Engine.PollAndRunAsync(recipe);
        var ada = await _world.CreateContactAsync("Ada");
        var run = Assert.Single(await _world.Engine.PollAsync(recipe));
        _world.Store.StartStep(run.Id, "note", 0, new JsonObject());

        var resumed = await _world.Engine.RunPendingAsync(recipe);

        Assert.Equal(RunStatus.Succeeded, Assert.Single(resumed).Status);
        Assert.Single(await _world.NotesAsync(ada));
    }

    [Fact]
    public async Task DryRun_ShowsWhatWouldBeSent_AndChangesNothing()
    {
        var recipe = _world.Recipe(WelcomeNote.Replace(
            "dedupe: id", "dedupe: id\n  firstPoll: { backfill: 1 }", StringComparison.Ordinal));
        var ada = await _world.CreateContactAsync("Ada");

        var items = await _world.Engine.PreviewPollAsync(recipe);
        var firing = Assert.Single(items, i => i.Fires);
        var plan = await _world.Engine.PlanAsync(recipe, firing.Item);

        Assert.Equal(ada, firing.Key);
        var step = Assert.Single(plan);
        Assert.Equal("POST", step.Request!["method"]!.GetValue<string>());
        Assert.Equal($"/contacts/{ada}/notes", step.Request["path"]!.GetValue<string>());
        Assert.Empty(await _world.NotesAsync(ada));
        Assert.False(_world.Store.IsSeeded(recipe.Name));
    }

    [Fact]
    public async Task RunHistory_KeepsTriggerItemAndEachStepsInputAndOutput()
    {
        var recipe = _world.Recipe(WelcomeNote);
        await _world.Engine.PollAndRunAsync(recipe);
        await _world.CreateContactAsync("Ada");

        var run = Assert.Single((await _world.Engine.PollAndRunAsync(recipe)).Runs).Run;
        var stored = _world.Store.Find(run.Id)!;

        Assert.Equal("Ada", stored.Trigger!["firstName"]!.GetValue<string>());
        var step = Assert.Single(stored.Steps);
        Assert.Equal(StepStatus.Succeeded, step.Status);
        Assert.StartsWith("Welcome Ada", step.Input!["body"]!.GetValue<string>());
        Assert.NotNull(step.Output!["id"]);
        Assert.NotNull(step.DurationMs);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();
}
