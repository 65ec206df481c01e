using System.Text.Json.Nodes;
using Connector.Recipes.Running;
using Connector.Recipes.Storage;

namespace Connector.Recipes.Tests.Crash;

/// <summary>
/// A process killed after a step's failure was recorded, and before the run either tried the step
/// again or failed: the run must resume at that step, not past it as if it had succeeded.
/// </summary>
public sealed class FailedStepResumeTests : IAsyncLifetime
{
    private const string Recipe = """
        name: welcome-note
        trigger:
          operation: contacts.list
          dedupe: id
        steps:
          - key: note
            action: contacts.notes.create
            inputs:
              contactId: "{{trigger.id}}"
              body: "Welcome {{trigger.firstName}} ({{run.id}})"
            onError: { policy: retry, attempts: 3, backoff: 10s }
            reconcile:
              operation: contacts.notes.list
              inputs: { contactId: "{{trigger.id}}" }
              match: "item.body.includes(run.id)"
        """;

    private SandboxWorld _world = null!;
    private RunStore _store = null!;
    private RecipeEngine _engine = null!;

    public async Task InitializeAsync()
    {
        _world = await SandboxWorld.StartAsync();
        _store = new RunStore(_world.Database, _world.Clock);
        _engine = new RecipeEngine(_world.Invoker, _store, (_, _) => _world.Connection, time: _world.Clock);
    }

    [Fact]
    public async Task RunKilledWhileWaitingToRetryAFailedStep_TriesTheStepAgain_AndActsOnce()
    {
        var recipe = _world.Recipe(Recipe);
        var (contact, run) = await FireOneAsync(recipe);
        FailFirstAttempt(run, "503 Service Unavailable");

        var resuming = _engine.RunPendingAsync(recipe);
        _world.Clock.Advance(TimeSpan.FromSeconds(10));
        var resumed = await resuming;

        Assert.Equal(RunStatus.Succeeded, Assert.Single(resumed).Status);
        Assert.Single(await _world.NotesAsync(contact));
        Assert.Equal(2, _store.Find(run.Id)!.Steps.Single().Attempts);
    }

    [Fact]
    public async Task RunKilledAfterItsLastAttemptFailed_EndsFailed_WithoutActing()
    {
        var recipe = _world.Recipe(Recipe.Replace("attempts: 3", "attempts: 1", StringComparison.Ordinal));
        var (contact, run) = await FireOneAsync(recipe);
        FailFirstAttempt(run, "422 the vendor refused the note");

        var resumed = await _engine.RunPendingAsync(recipe);

        Assert.Equal(RunStatus.Failed, Assert.Single(resumed).Status);
        Assert.Contains("422 the vendor refused the note", _store.Find(run.Id)!.Error);
        Assert.Empty(await _world.NotesAsync(contact));
    }

    private async Task<(string Contact, RunRecord Run)> FireOneAsync(Definitions.RecipeDefinition recipe)
    {
        await _engine.PollAndRunAsync(recipe);
        var contact = await _world.CreateContactAsync("Ada");
        return (contact, Assert.Single(await _engine.PollAsync(recipe)));
    }

    // What the store holds when the process died right after recording the step's failed attempt.
    private void FailFirstAttempt(RunRecord run, string error)
    {
        _store.MarkRun(run.Id, RunStatus.Running);
        _store.StartStep(run.Id, "note", 0, new JsonObject());
        _store.FinishStep(run.Id, "note", StepStatus.Failed, null, error, TimeSpan.FromMilliseconds(40));
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();
}
