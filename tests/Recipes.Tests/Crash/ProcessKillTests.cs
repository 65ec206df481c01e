using Connector.Recipes.Storage;
using Connector.Sandbox;
using Xunit.Abstractions;

namespace Connector.Recipes.Tests.Crash;

/// <summary>
/// The exactly-once promise of docs/recipes.md, tested the hard way: the built <c>connector host</c>
/// runs the new-contact-note example as a child process and is killed (SIGKILL, no chance to clean up)
/// at random points while contacts keep arriving, then started again; in the end the sandbox's data must
/// hold exactly one note per contact.
/// </summary>
/// <remarks>
/// Each child is <c>connector host --poll-now</c>, as a restart after a crash would run it: it polls at
/// once, runs what fired and what the killed one left unfinished, then waits for its next poll. The kill
/// point is counted in requests rather than milliseconds since start: a child spends about a second
/// starting, and a delay since start would mostly kill a process that has not begun to work. Kill at
/// the Nth request the child sends (N random over the work it has), plus a random 0-20 ms, lands
/// anywhere in a run: in flight, between the vendor's answer and its record, between two runs. A child
/// that goes quiet before its Nth request (its work was less than counted, or it waits out a retry's
/// backoff) is killed there.
/// </remarks>
[Trait("Category", "Crash")]
public sealed class ProcessKillTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const int ContactCount = 200;
    private const int KillCount = 20;
    private const int Batch = ContactCount / KillCount;

    // No request for this long: the child has nothing more to send before its next poll, or is waiting.
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    // How long the last host may take to run what is left.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

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
    public async Task HostKilledAtRandomPoints20Times_While200ContactsArrive_EveryContactGetsExactlyOneNote()
    {
        await RunOnceToTheEndAsync();
        var random = new Random(20_261_201);
        for (var kill = 0; kill < KillCount; kill++)
        {
            await HostAndKillAsync(random);
        }

        await CreateContactsAsync(ContactCount - _contacts.Count);
        await HostUntilEveryContactRanAsync();

        Assert.True(await RunOnceToTheEndAsync(), "a poll after the last host fired again, or left runs unfinished");
        AssertOneSucceededRunPerContact();
        await AssertOneNotePerContactAsync();
        Assert.True(_interrupted.Count > 0, "no kill caught a step in flight, which this test is for");
    }

    /// <summary>Starts a host and kills it at a random point; it must be running then.</summary>
    private async Task HostAndKillAsync(Random random)
    {
        var arriving = Math.Min(Batch, ContactCount - _contacts.Count);
        await CreateContactsAsync(arriving / 2);
        var done = _home.Store.List(CrashHome.RecipeName, RunStatus.Succeeded, ContactCount).Count;
        var work = _contacts.Count - done;
        var killAt = random.Next(1, work + 2);
        var failFirst = random.Next(4) == 0;
        var jitter = TimeSpan.FromMilliseconds(random.Next(0, 20));
        var sent = _requests.Count;
        using var child = _home.Host();

        await Task.WhenAny(_requests.WhenCountAsync(sent + 1), child.Exited);
        var during = CreateContactsAsync(arriving - (arriving / 2));
        await Task.WhenAny(_requests.WhenCountAsync(sent + killAt), _requests.WhenQuietAsync(Quiet), child.Exited);
        if (failFirst)
        {
            await FailNextRequestAsync(child, sent + killAt + 1, during);
        }

        // A real pause, not fake time: this is the moment the process dies, measured against real work.
        await Task.Delay(jitter);
        var killed = await child.KillAsync();
        _world.Sandbox.Faults.Clear();
        await during;

        Assert.True(killed, $"the host ended by itself:\n{child.Output}");
        var reached = _requests.Count - sent;
        output.WriteLine($"killed at request {Math.Min(reached, killAt)} of about {work + 1} "
            + $"{(reached < killAt ? "(quiet, waiting) " : "")}"
            + $"(+{jitter.TotalMilliseconds} ms){(failFirst ? ", after a 500" : "")}");
        NoteStepsInFlight();
    }

    // The child's next request fails with a 500 that it does not retry when it is a create: the step
    // fails and waits out the recipe's backoff before trying again, and the kill finds it there.
    private async Task FailNextRequestAsync(ConnectorProcess child, int request, Task creating)
    {
        await creating;
        _world.Sandbox.Faults.Inject(SandboxFault.InternalServerError);
        await Task.WhenAny(_requests.WhenCountAsync(request), _requests.WhenQuietAsync(Quiet), child.Exited);
    }

    /// <summary>
    /// Runs <c>connector run RECIPE --once</c> to its end; true when its poll fired nothing and no run is
    /// unfinished.
    /// </summary>
    private async Task<bool> RunOnceToTheEndAsync()
    {
        using var child = _home.RunOnce();
        await child.Exited;

        Assert.True(child.ExitCode == 0, child.Output);
        output.WriteLine(child.Output.Trim());
        return child.Output.Contains(": 0 fired", StringComparison.Ordinal)
            && _home.Store.Unfinished(CrashHome.RecipeName).Count == 0;
    }

    /// <summary>Starts a host and lets it work until every contact has a succeeded run; then kills it, idle.</summary>
    private async Task HostUntilEveryContactRanAsync()
    {
        using var child = _home.Host();
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (!EveryContactRan() && DateTimeOffset.UtcNow < deadline && !child.Exited.IsCompleted)
        {
            await _requests.WhenQuietAsync(Quiet);
        }

        await child.KillAsync();
        output.WriteLine(child.Output.Trim());
        Assert.True(EveryContactRan(), $"the last host left contacts without a succeeded run:\n{child.Output}");
    }

    private bool EveryContactRan() =>
        _home.Store.List(CrashHome.RecipeName, RunStatus.Succeeded, 10 * ContactCount).Count >= ContactCount
        && _home.Store.Unfinished(CrashHome.RecipeName).Count == 0;

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
