using Connector.Recipes.Storage;

namespace Connector.Recipes.Tests;

/// <summary>The TrainerCentral and GHL recipes of recipes/trainercentral, end to end against both sandboxes.</summary>
public sealed class TrainerCentralRecipeTests : IAsyncLifetime
{
    private TwoSidedWorld _world = null!;

    public async Task InitializeAsync() => _world = await TwoSidedWorld.StartAsync();

    [Fact]
    public async Task InitialSync_EveryLearnerBecomesOneContact_AndNothingComesBack()
    {
        var toGhl = TwoSidedWorld.Recipe("learners-to-ghl.yaml");
        var toTc = TwoSidedWorld.Recipe("ghl-contacts-to-tc.yaml");
        var learners = await _world.LearnersAsync();
        var contactsBefore = await _world.ContactsAsync();
        await _world.Engine.PollAndRunAsync(toTc);

        var first = await _world.Engine.PollAndRunAsync(toGhl);
        var back = await _world.Engine.PollAndRunAsync(toTc);
        var again = await _world.Engine.PollAndRunAsync(toGhl);

        Assert.Equal(learners.Count, first.Succeeded);
        var contacts = await _world.ContactsAsync();
        Assert.Equal(contactsBefore.Count + learners.Count, contacts.Count);
        foreach (var learner in learners)
        {
            Assert.Single(contacts, c => string.Equals(c["email"]?.GetValue<string>(), learner["email"]!.GetValue<string>(),
                StringComparison.OrdinalIgnoreCase));
        }

        Assert.Equal(learners.Count, back.Fired);
        Assert.Equal(learners.Count, back.Stopped);
        Assert.Equal(learners.Count, (await _world.LearnersAsync()).Count);
        Assert.Equal(0, again.Fired);
    }

    [Fact]
    public async Task NewGhlContactWithACourseTag_IsInvitedAndEnrolled_AndTheInviteDoesNotEchoBack()
    {
        var toGhl = TwoSidedWorld.Recipe("learners-to-ghl.yaml");
        var toTc = TwoSidedWorld.Recipe("ghl-contacts-to-tc.yaml");
        await _world.Engine.PollAndRunAsync(toTc);
        await _world.Engine.PollAndRunAsync(toGhl);
        await _world.Engine.PollAndRunAsync(toTc);
        var contactsBefore = (await _world.ContactsAsync()).Count;

        await _world.CreateContactAsync("Noor.Haddad@Example.com ", "Noor", "course-spring");
        var invited = await _world.Engine.PollAndRunAsync(toTc);
        var echo = await _world.Engine.PollAndRunAsync(toGhl);

        Assert.Equal(RunStatus.Succeeded, Assert.Single(invited.Runs).Status);
        var learner = Assert.Single(await _world.LearnersAsync(), l => l["email"]!.GetValue<string>() == "noor.haddad@example.com");
        Assert.Equal("invited", learner["status"]!.GetValue<string>());
        var enrolment = _world.Store.Find(invited.Runs[0].Run.Id)!.Steps.Single(s => s.Step == "enrolled");
        Assert.Equal(StepStatus.Succeeded, enrolment.Status);
        Assert.Equal(1, echo.Fired);
        Assert.Equal(1, echo.Stopped);
        Assert.Equal(contactsBefore + 1, (await _world.ContactsAsync()).Count);
    }

    [Fact]
    public async Task GhlDuplicatesAndEmailCase_NeverMakeASecondLearner()
    {
        var toGhl = TwoSidedWorld.Recipe("learners-to-ghl.yaml");
        var toTc = TwoSidedWorld.Recipe("ghl-contacts-to-tc.yaml");
        await _world.Engine.PollAndRunAsync(toTc);
        await _world.Engine.PollAndRunAsync(toGhl);
        var learners = (await _world.LearnersAsync()).Count;
        var existing = (await _world.LearnersAsync())[0]["email"]!.GetValue<string>();

        await _world.CreateContactAsync(" " + existing.ToUpperInvariant(), "Shouting");
        await _world.CreateContactAsync("sam.lee@example.com", "Sam");
        await _world.CreateContactAsync("SAM.LEE@example.com", "Sam again");
        await _world.Engine.PollAndRunAsync(toTc);

        var after = await _world.LearnersAsync();
        Assert.Equal(learners + 1, after.Count);
        Assert.Single(after, l => l["email"]!.GetValue<string>() == "sam.lee@example.com");
    }

    [Fact]
    public async Task ChangedLearner_UpdatesItsContact_TrainerCentralWinsTheName()
    {
        var toGhl = TwoSidedWorld.Recipe("learners-to-ghl.yaml");
        await _world.Engine.PollAndRunAsync(toGhl);
        var email = (await _world.LearnersAsync())[0]["email"]!.GetValue<string>();

        await _world.Sandbox.TrainerCentral.ChangeLearnerAsync(email, firstName: "Renamed");
        var changed = await _world.Engine.PollAndRunAsync(toGhl);

        Assert.Equal(1, changed.Succeeded);
        var contact = Assert.Single(await _world.ContactsAsync(), c => c["email"]?.GetValue<string>() == email);
        Assert.Equal("Renamed", contact["firstName"]!.GetValue<string>());
    }

    [Fact]
    public async Task ProgressMilestones_EachBecomeOneNote_NeverTwice()
    {
        var toGhl = TwoSidedWorld.Recipe("learners-to-ghl.yaml");
        var notes = TwoSidedWorld.Recipe("progress-notes.yaml");
        await _world.Engine.PollAndRunAsync(toGhl);
        const string course = "2160000000000012001";
        var learner = await _world.Sandbox.TrainerCentral.AddLearnerAsync("mila.novak@example.com", "Mila", "Novak");
        await _world.Sandbox.TrainerCentral.EnrolAsync("mila.novak@example.com", course);
        await _world.Engine.PollAndRunAsync(toGhl);
        var contact = (await _world.ContactsAsync()).Single(c => c["email"]?.GetValue<string>() == "mila.novak@example.com");
        var contactId = contact["id"]!.GetValue<string>();

        await _world.Engine.PollAndRunAsync(notes);
        await _world.Sandbox.TrainerCentral.AdvanceProgressAsync("mila.novak@example.com", course, 30);
        await _world.Engine.PollAndRunAsync(notes);
        await _world.Engine.PollAndRunAsync(notes);
        await _world.Sandbox.TrainerCentral.AdvanceProgressAsync("mila.novak@example.com", course, 40);
        await _world.Engine.PollAndRunAsync(notes);
        await _world.Sandbox.TrainerCentral.AdvanceProgressAsync("mila.novak@example.com", course, 100);
        await _world.Engine.PollAndRunAsync(notes);

        var written = await _world.NotesAsync(contactId);
        Assert.NotNull(learner);
        Assert.Single(written, n => n.Contains("reached 25%", StringComparison.Ordinal));
        Assert.Single(written, n => n.Contains("reached 100%", StringComparison.Ordinal));
        Assert.Equal(2, written.Count(n => n.StartsWith("TrainerCentral:", StringComparison.Ordinal)));
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();
}
