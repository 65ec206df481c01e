using Connector.Recipes.Storage;
using Connector.Sandbox;
using Xunit.Abstractions;

namespace Connector.Recipes.Tests.Crash;

/// <summary>
/// The exactly-once promise of docs/recipes.md, tested the hard way: the built <c>connector</c> runs
/// the new-contact-note example as a child process and is killed (SIGKILL, no chance to clean up) at
/// random points while contacts keep arriving, then started again; in the end the sandbox's data must
/// hold exactly one note per contact.
/// </summary>
/// <remarks>
/// Each child is <c>connector run RECIPE --once</c>: one poll, then every unfinished run. It is the
/// same engine, store and state that <c>connector host</c> drives on a schedule, so killing it is a
/// crash test of the host without a test-only way to shorten the host's one-minute interval. The kill
/// point is counted in requests rather than milliseconds since start: a child spends about a second
/// starting, and a delay since start would mostly kill a process that has not begun to work. Kill at
/// the Nth request the child sends (N random over the work it has), plus a random 0-20 ms, lands
/// anywhere in a run: in flight, between the vendor's answer and its record, between two runs.
/// </remarks>
[Trait("Category", "Crash")]
public sealed class ProcessKillTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const int ContactCount = 200;
    private const int KillCount = 20;
    private const int Batch = ContactCount / KillCount;

    // A kill that comes after the child finished by itself does not count; it is tried again.
    private const int MaxAttempts = 4 * KillCount;

    // Only the child's requests move the kill point; the test's own contact creations do not.
    private readonly SandboxRequestLog _requests = new((method, path) =>
        (method, path) is not ("POST", "/contacts/"));
    private readonly List<string> _contacts = [];
    private readonly HashSet<string> _interrupted = [];
    private readonly HashSet<string> _waitingToRetry = [];
    private SandboxWorld _world = null!;
    private CrashHome _home = null!;

    public async Task InitializeAsync()
    {
        _world = await SandboxWorld.StartAsync(_requests);
        _home = await CrashHome.CreateAsync(_world.Sandbox);
    }

    [Fact]
    public async Task KilledAtRandomPoints20Times_While200ContactsArrive_EveryContactGetsExactlyOneNote()
    {
        await RunToTheEndAsync();
        var random = new Random(20_261_201);
        var kills = 0;
        for (var attempt = 0; kills < KillCount && attempt < MaxAttempts; attempt++)
        {
            kills += await RunAndKillAsync(random) ? 1 : 0;
        }

        await CreateContactsAsync(ContactCount - _contacts.Count);
        var settled = false;
        for (var run = 0; run < 3 && !settled; run++)
        {
            settled = await RunToTheEndAsync();
        }

        Assert.True(settled, "runs still unfinished, or contacts still firing, after three runs to the end");
        Assert.Equal(KillCount, kills);
        AssertOneSucceededRunPerContact();
        await AssertOneNotePerContactAsync();
        Assert.True(_interrupted.Count > 0, "no kill caught a step in flight, which this test is for");
    }

    /// <summary>Starts a child and kills it at a random point; true when the kill found it running.</summary>
    private async Task<bool> RunAndKillAsync(Random random)
    {
        var arriving = Math.Min(Batch, ContactCount - _contacts.Count);
        await CreateContactsAsync(arriving / 2);
        var done = _home.Store.List(CrashHome.RecipeName, RunStatus.Succeeded, ContactCount).Count;
        var work = _contacts.Count - done;
        var killAt = random.Next(1, work + 2);
        var failFirst = random.Next(4) == 0;
        var jitter = TimeSpan.FromMilliseconds(random.Next(0, 20));
        var sent = _requests.Count;
        using var child = _home.RunOnce();

        await Task.WhenAny(_requests.WhenCountAsync(sent + 1), child.Exited);
        var during = CreateContactsAsync(arriving - (arriving / 2));
        await Task.WhenAny(_requests.WhenCountAsync(sent + killAt), child.Exited);
        if (failFirst)
        {
            await FailNextRequestAsync(child, sent + killAt + 1, during);
        }

        // A real pause, not fake time: this is the moment the process dies, measured against real work.
        await Task.Delay(jitter);
        var killed = await child.KillAsync();
        _world.Sandbox.Faults.Clear();
        await during;

        Assert.True(killed || child.ExitCode == 0, child.Output);
        output.WriteLine($"{(killed ? "killed" : "exited")} at request {killAt} of about {work + 1} "
            + $"(+{jitter.TotalMilliseconds} ms){(failFirst ? ", after a 500" : "")}");
        NoteStepsInFlight();
        return killed;
    }

    // The child's next request fails with a 500 that it does not retry when it is a create: the step
    // fails and waits out the recipe's backoff before trying again, and the kill finds it there.
    private async Task FailNextRequestAsync(ConnectorProcess child, int request, Task creating)
    {
        await creating;
        _world.Sandbox.Faults.Inject(SandboxFault.InternalServerError);
        await Task.WhenAny(_requests.WhenCountAsync(request), child.Exited);
    }

    /// <summary>Runs a child to its end; true when its poll fired nothing and no run is unfinished.</summary>
    private async Task<bool> RunToTheEndAsync()
    {
        using var child = _home.RunOnce();
        await child.Exited;

        Assert.True(child.ExitCode == 0, child.Output);
        output.WriteLine(child.Output.Trim());
        return child.Output.Contains(": 0 fired", StringComparison.Ordinal)
            && _home.Store.Unfinished(CrashHome.RecipeName).Count == 0;
    }

    // A run left with a step started and not finished is one the kill caught mid-step: its resumption
    // must reconcile (the note was created) or send again (it was not), never both. One left with a
    // failed step was caught waiting to try it again: its resumption must try again, not skip it.
    private void NoteStepsInFlight()
    {
        foreach (var run in _home.Store.Unfinished(CrashHome.RecipeName))
        {
            var steps = _home.Store.Steps(run.Id);
            if (steps.Any(s => s.Status == StepStatus.Started))
            {
                _interrupted.Add(run.Id);
            }
            else if (steps.Any(s => s.Status == StepStatus.Failed))
            {
                _waitingToRetry.Add(run.Id);
            }
        }
    }

    private async Task CreateContactsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _contacts.Add(await _world.CreateContactAsync($"Crash{_contacts.Count}"));
        }
    }

    private void AssertOneSucceededRunPerContact()
    {
        var runs = _home.Store.List(CrashHome.RecipeName, limit: 10 * ContactCount);
        var resent = _interrupted.Count(id => _home.Store.Steps(id).Single().Attempts > 1);
        output.WriteLine($"{runs.Count} runs; {_interrupted.Count} caught mid-step by a kill "
            + $"({_interrupted.Count - resent} found by reconcile, {resent} sent again), "
            + $"{_waitingToRetry.Count} caught waiting to retry a failed step");

        Assert.All(runs, run => Assert.Equal(RunStatus.Succeeded, run.Status));
        Assert.Empty(_contacts.Except(runs.Select(r => r.ItemKey!)));
        Assert.Empty(runs.GroupBy(r => r.ItemKey).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Equal(ContactCount, runs.Count);
    }

    private async Task AssertOneNotePerContactAsync()
    {
        var runs = _home.Store.List(CrashHome.RecipeName, limit: 10 * ContactCount)
            .ToDictionary(r => r.ItemKey!);
        var wrong = new List<string>();
        foreach (var contact in _contacts)
        {
            var notes = await _world.NotesAsync(contact);
            var body = notes.Count == 1 ? notes[0]["body"]!.GetValue<string>() : "";
            if (!body.Contains(runs[contact].Id, StringComparison.Ordinal))
            {
                wrong.Add($"{contact}: {notes.Count} note(s)");
            }
        }

        Assert.Empty(wrong);
    }

    public async Task DisposeAsync()
    {
        _home.Dispose();
        await _world.DisposeAsync();
    }

    public void Dispose() => _requests.Dispose();
}
