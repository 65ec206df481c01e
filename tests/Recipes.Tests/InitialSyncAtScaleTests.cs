using Connector.Recipes.Storage;

namespace Connector.Recipes.Tests;

/// <summary>
/// The first sync of a large academy, against the sandbox enforcing GHL's real budget (100 requests per 10 s)
/// with the runtime's rate limiter on, as in production. It takes as long as the budget makes it: about 100 s.
/// </summary>
public sealed class InitialSyncAtScaleTests : IAsyncLifetime
{
    private const int Learners = 1_000;

    private TwoSidedWorld _world = null!;

    public async Task InitializeAsync() => _world = await TwoSidedWorld.StartAsync(seed: Learners, vendorLimits: true);

    [Fact]
    public async Task ThousandLearners_EachBecomeOneContact_WithinTheRateLimit_AndNoRequestRefused()
    {
        var toGhl = TwoSidedWorld.Recipe("learners-to-ghl.yaml");
        var learners = await _world.LearnersAsync();
        Assert.True(learners.Count >= Learners);

        var sync = await _world.Engine.PollAndRunAsync(toGhl);
        var again = await _world.Engine.PollAndRunAsync(toGhl);

        Assert.Equal(learners.Count, sync.Fired);
        Assert.Equal(learners.Count, sync.Succeeded);
        Assert.Equal(0, again.Fired);

        // The upsert step retries on failure: one attempt each means not one 429 (nor anything else) was met.
        var retried = sync.Runs
            .SelectMany(r => _world.Store.Find(r.Run.Id)!.Steps)
            .Where(s => s.Step == "contact" && s.Attempts != 1)
            .ToList();
        Assert.Empty(retried);

        var contactsByEmail = (await _world.ContactsAsync())
            .Select(c => c["email"]?.GetValue<string>()?.ToUpperInvariant())
            .OfType<string>()
            .GroupBy(e => e)
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.All(learners, learner =>
            Assert.Equal(1, contactsByEmail.GetValueOrDefault(
                learner["email"]!.GetValue<string>().Trim().ToUpperInvariant())));
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();
}
