using System.Text.Json.Nodes;
using Connector.Recipes.Storage;

namespace Connector.Recipes.Tests;

/// <summary>Steps that run on a condition (when), actions repeated over a list (forEach), and removals.</summary>
public sealed class StepControlTests : IAsyncLifetime
{
    private const string NotePerTag = """
        name: note-per-tag
        trigger:
          operation: contacts.list
          inputs: { limit: 100 }
          dedupe: id
        steps:
          - key: notes
            action: contacts.notes.create
            forEach: "trigger.tags || []"
            inputs:
              contactId: "{{trigger.id}}"
              body: "Tagged {{each}} ({{run.id}})"
            reconcile:
              operation: contacts.notes.list
              inputs: { contactId: "{{trigger.id}}" }
              match: "item.body === 'Tagged ' + each + ' (' + run.id + ')'"
          - key: count
            code: "return { notes: steps.notes.length };"
        """;

    private SandboxWorld _world = null!;

    public async Task InitializeAsync() => _world = await SandboxWorld.StartAsync();

    [Fact]
    public async Task ForEach_RunsTheActionOncePerElement_AndLaterStepsSeeEveryResult()
    {
        var recipe = _world.Recipe(NotePerTag);
        await _world.Engine.PollAndRunAsync(recipe);
        var ada = await _world.CreateContactAsync("Ada", "spring", "vip", "webinar");
        var plain = await _world.CreateContactAsync("Plain");

        var summary = await _world.Engine.PollAndRunAsync(recipe);

        Assert.Equal(2, summary.Succeeded);
        var bodies = (await _world.NotesAsync(ada)).Select(n => n["body"]!.GetValue<string>()).ToList();
        Assert.Equal(3, bodies.Count);
        Assert.All(["spring", "vip", "webinar"], tag =>
            Assert.Single(bodies, b => b.StartsWith($"Tagged {tag} ", StringComparison.Ordinal)));
        Assert.Empty(await _world.NotesAsync(plain));
        var run = summary.Runs.Single(r => r.Run.Trigger!["id"]!.GetValue<string>() == ada).Run;
        Assert.Equal(3, _world.Store.Find(run.Id)!.Steps
            .Single(s => s.Step == "count").Output!["notes"]!.GetValue<int>());
    }

    [Fact]
    public async Task ForEach_InterruptedMidway_ResumesAtTheElementInFlight_AndSendsNoElementTwice()
    {
        var recipe = _world.Recipe(NotePerTag);
        await _world.Engine.PollAndRunAsync(recipe);
        var ada = await _world.CreateContactAsync("Ada", "one", "two", "three");
        var run = Assert.Single(await _world.Engine.PollAsync(recipe));

        // The process recorded the first note, sent the second, and died before recording it.
        _world.Store.StartStep(run.Id, "notes", 0, new JsonArray());
        var first = await NoteAsync(ada, $"Tagged one ({run.Id})");
        _world.Store.RecordProgress(run.Id, "notes", [first]);
        await NoteAsync(ada, $"Tagged two ({run.Id})");
        var resumed = await _world.Engine.RunPendingAsync(recipe);

        Assert.Equal(RunStatus.Succeeded, Assert.Single(resumed).Status);
        var bodies = (await _world.NotesAsync(ada)).Select(n => n["body"]!.GetValue<string>()).ToList();
        Assert.Equal(3, bodies.Count);
        Assert.Equal(3, bodies.Distinct().Count());
    }

    [Fact]
    public async Task ForEach_WithContinue_AFailingElementDoesNotStopTheOthers_AndTheStepSaysWhichFailed()
    {
        var recipe = _world.Recipe("""
            name: note-on-each
            trigger: { operation: contacts.list, inputs: { limit: 100 }, dedupe: id }
            steps:
              - key: notes
                action: contacts.notes.create
                forEach: "[trigger.id, 'no-such-contact-000001', trigger.id]"
                inputs: { contactId: "{{each}}", body: "Hello" }
                onError: continue
              - key: after
                code: "return { ran: true };"
            """);
        await _world.Engine.PollAndRunAsync(recipe);
        var ada = await _world.CreateContactAsync("Ada");

        var summary = await _world.Engine.PollAndRunAsync(recipe);

        Assert.Equal(RunStatus.Succeeded, Assert.Single(summary.Runs).Status);
        Assert.Equal(2, (await _world.NotesAsync(ada)).Count);
        var step = _world.Store.Find(summary.Runs[0].Run.Id)!.Steps.Single(s => s.Step == "notes");
        Assert.Equal(StepStatus.Failed, step.Status);
        Assert.StartsWith("element 1:", step.Error, StringComparison.Ordinal);
        Assert.NotNull(step.Output![1]!["error"]);
    }

    [Fact]
    public async Task When_FalseSkipsTheStep_AndTheRunGoesOn()
    {
        var recipe = _world.Recipe("""
            name: vip-note
            trigger: { operation: contacts.list, inputs: { limit: 100 }, dedupe: id }
            steps:
              - key: note
                action: contacts.notes.create
                when: "(trigger.tags || []).includes('vip')"
                inputs: { contactId: "{{trigger.id}}", body: "VIP" }
              - key: after
                code: "return { noted: steps.note !== null };"
            """);
        await _world.Engine.PollAndRunAsync(recipe);
        var vip = await _world.CreateContactAsync("Vera", "vip");
        var plain = await _world.CreateContactAsync("Paul");

        var summary = await _world.Engine.PollAndRunAsync(recipe);

        Assert.Equal(2, summary.Succeeded);
        Assert.Single(await _world.NotesAsync(vip));
        Assert.Empty(await _world.NotesAsync(plain));
        var skipped = summary.Runs.Single(r => r.Run.Trigger!["id"]!.GetValue<string>() == plain).Run;
        var steps = _world.Store.Find(skipped.Id)!.Steps;
        Assert.Equal(StepStatus.Skipped, steps.Single(s => s.Step == "note").Status);
        Assert.False(steps.Single(s => s.Step == "after").Output!["noted"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Removals_AnItemGoneFromTheListing_FiresOnce()
    {
        var recipe = _world.Recipe("""
            name: contact-gone
            trigger: { operation: contacts.list, inputs: { limit: 100 }, dedupe: change, removals: true }
            steps:
              - key: gone
                filter: "trigger.removed === true"
            """);
        var ada = await _world.CreateContactAsync("Ada");
        await _world.CreateContactAsync("Bob");
        await _world.Engine.PollAndRunAsync(recipe);

        await _world.Invoker.InvokeAsync("contacts.delete", new JsonObject { ["contactId"] = ada }, _world.Connection);
        var removed = await _world.Engine.PollAndRunAsync(recipe);
        var again = await _world.Engine.PollAndRunAsync(recipe);

        var run = Assert.Single(removed.Runs);
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(ada, run.Run.Trigger!["id"]!.GetValue<string>());
        Assert.Equal(0, again.Fired);
    }

    [Fact]
    public void Removals_WithoutChangeDedupe_IsRefusedWithItsLine()
    {
        var file = Path.Combine(Path.GetTempPath(), $"recipe-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, """
            name: contact-gone
            trigger:
              operation: contacts.list
              dedupe: id
              removals: true
            steps:
              - key: note
                action: contacts.notes.create
                inputs: { contactId: "{{each.id}}", body: "x" }
            """);
        try
        {
            var problems = Loading.RecipeLoader.Load(Operations.Tests.Support.ShippedCatalog.Instance, file).Problems;

            Assert.Contains(problems, p => p.Location.Line == 5
                && p.Message.Contains("dedupe: change", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Location.Line == 9
                && p.Message.Contains("forEach", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task DryRun_OfAForEachStep_SaysHowManyRequestsItWouldSend_AndSendsNone()
    {
        var recipe = _world.Recipe(NotePerTag.Replace("dedupe: id", "dedupe: id\n  firstPoll: { backfill: 1 }",
            StringComparison.Ordinal));
        var ada = await _world.CreateContactAsync("Ada", "spring", "vip");

        var item = Assert.Single(await _world.Engine.PreviewPollAsync(recipe), i => i.Fires);
        var plan = await _world.Engine.PlanAsync(recipe, item.Item);

        Assert.Contains("2 time(s)", plan[0].Description, StringComparison.Ordinal);
        Assert.Equal($"/contacts/{ada}/notes", plan[0].Request!["path"]!.GetValue<string>());
        Assert.Contains("\"notes\":2", plan[1].Description, StringComparison.Ordinal);
        Assert.Empty(await _world.NotesAsync(ada));
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task<JsonNode> NoteAsync(string contactId, string body)
    {
        var inputs = new JsonObject { ["contactId"] = contactId, ["body"] = body };
        return (await _world.Invoker.InvokeAsync("contacts.notes.create", inputs, _world.Connection))
            .Output!.DeepClone();
    }
}
