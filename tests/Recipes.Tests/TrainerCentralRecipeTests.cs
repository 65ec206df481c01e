using System.Globalization;
using System.Text.Json.Nodes;
using Connector.Recipes.Storage;

namespace Connector.Recipes.Tests;

/// <summary>The TrainerCentral and GHL recipes of recipes/trainercentral, end to end against both sandboxes.</summary>
public sealed class TrainerCentralRecipeTests : IAsyncLifetime
{
    private const string Course = "2160000000000012001";
    private const string TeardownWorkshop = "2160000000000051001";

    private static readonly DateTimeOffset Teardown = new(2027, 1, 14, 16, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Start = new(2027, 3, 2, 17, 0, 0, TimeSpan.Zero);

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
            Assert.Single(contacts, c => string.Equals(
                c["email"]?.GetValue<string>(),
                learner["email"]!.GetValue<string>(),
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
        var learner = Assert.Single(
            await _world.LearnersAsync(), l => l["email"]!.GetValue<string>() == "noor.haddad@example.com");
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
    public async Task EnrolmentMilestonesAndCompletion_EachBecomeOneNote_NeverTwice()
    {
        var toGhl = TwoSidedWorld.Recipe("learners-to-ghl.yaml");
        var notes = TwoSidedWorld.Recipe("progress-notes.yaml");
        await _world.Engine.PollAndRunAsync(toGhl);
        await _world.Sandbox.TrainerCentral.AddLearnerAsync("mila.novak@example.com", "Mila", "Novak");
        await _world.Sandbox.TrainerCentral.EnrolAsync("mila.novak@example.com", Course);
        await _world.Engine.PollAndRunAsync(toGhl);
        var contactId = await _world.ContactIdAsync("mila.novak@example.com");

        await _world.Engine.PollAndRunAsync(notes);
        var enrolled = await _world.NotesAsync(contactId);
        await _world.Sandbox.TrainerCentral.AdvanceProgressAsync("mila.novak@example.com", Course, 30);
        await _world.Engine.PollAndRunAsync(notes);
        await _world.Engine.PollAndRunAsync(notes);
        await _world.Sandbox.TrainerCentral.AdvanceProgressAsync("mila.novak@example.com", Course, 40);
        await _world.Engine.PollAndRunAsync(notes);
        await _world.Sandbox.TrainerCentral.AdvanceProgressAsync("mila.novak@example.com", Course, 100);
        var jump = await _world.Engine.PollAndRunAsync(notes);
        await _world.Engine.PollAndRunAsync(notes);

        Assert.Equal(["TrainerCentral: Mila Novak enrolled in course " + Course + "."], enrolled);
        var written = await _world.NotesAsync(contactId);
        Assert.Equal(6, written.Count);
        foreach (var milestone in
            new[] { "enrolled in", "reached 25%", "reached 50%", "reached 75%", "reached 100%", "completed" })
        {
            Assert.Single(written, n => n.Contains(milestone, StringComparison.Ordinal));
        }

        // One run for the jump from 40 to 100 %, one note for each milestone it passed.
        var run = Assert.Single(jump.Runs);
        Assert.Equal(4, _world.Store.Find(run.Run.Id)!.Steps.Single(s => s.Step == "notes").Output!.AsArray().Count);
    }

    [Fact]
    public async Task IdleLearner_GetsOneFollowUpTask_CompletedWhenTheyComeBack()
    {
        var toGhl = TwoSidedWorld.Recipe("learners-to-ghl.yaml");
        var idle = TwoSidedWorld.Recipe("idle-follow-up.yaml");
        await _world.Sandbox.TrainerCentral.AddLearnerAsync("fresh.start@example.com", "Fresh", "Start");
        await _world.Sandbox.TrainerCentral.EnrolAsync("fresh.start@example.com", Course);
        await _world.Engine.PollAndRunAsync(toGhl);
        var ava = await _world.ContactIdAsync("ava.chen@zylker.com");
        var liam = await _world.ContactIdAsync("liam.okafor@zylker.com");
        var fresh = await _world.ContactIdAsync("fresh.start@example.com");

        // Ava and Liam last signed in months ago; the new learner enrolled today.
        await _world.Engine.PollAndRunAsync(idle);
        await _world.Engine.PollAndRunAsync(idle);
        var avaTask = Assert.Single(await _world.TasksAsync(ava));
        Assert.False(avaTask["completed"]!.GetValue<bool>());
        Assert.Contains("Ava Chen", avaTask["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(await _world.TasksAsync(liam));

        await _world.Sandbox.TrainerCentral.AdvanceProgressAsync("ava.chen@zylker.com", Course, 60);
        var back = await _world.Engine.PollAndRunAsync(idle);
        var again = await _world.Engine.PollAndRunAsync(idle);

        Assert.Equal(RunStatus.Succeeded, Assert.Single(back.Runs).Status);
        Assert.True(Assert.Single(await _world.TasksAsync(ava))["completed"]!.GetValue<bool>());
        Assert.False(Assert.Single(await _world.TasksAsync(liam))["completed"]!.GetValue<bool>());
        Assert.Equal(0, again.Fired);
        Assert.Empty(await _world.TasksAsync(fresh));
    }

    [Fact]
    public async Task WorkshopRegistration_GetsAnAppointment_MovedTwiceWithTheWorkshop_RemovedWhenCancelled()
    {
        var register = TwoSidedWorld.Recipe("workshop-registrations.yaml");
        var mirror = TwoSidedWorld.Recipe("workshop-appointments.yaml");
        await _world.Engine.PollAndRunAsync(register);
        await _world.Engine.PollAndRunAsync(mirror);
        var workshop = await _world.Sandbox.TrainerCentral.ScheduleWorkshopAsync("Spring Kick-off",
            Start, Start.AddHours(1), "Europe/Berlin", Course);
        await _world.Engine.PollAndRunAsync(mirror);
        var noor = await _world.CreateContactAsync("noor.haddad@example.com", "Noor", "workshop-teardown");
        var sam = await _world.CreateContactAsync("sam.lee@example.com", "Sam", "workshop-teardown");

        var registered = await _world.Engine.PollAndRunAsync(register);
        await _world.Engine.PollAndRunAsync(register);

        Assert.Equal(2, registered.Succeeded);
        var registrants = await _world.Sandbox.TrainerCentral.WorkshopRegistrantsAsync(TeardownWorkshop);
        Assert.Contains("noor.haddad@example.com", registrants);
        Assert.Contains("sam.lee@example.com", registrants);
        var booked = Assert.Single(await _world.AppointmentsAsync(noor));
        Assert.Equal(Teardown, StartOf(booked));
        Assert.Contains(
            "/meeting/" + TeardownWorkshop, booked["address"]!.GetValue<string>(), StringComparison.Ordinal);

        // Rescheduled twice, then cancelled; a workshop nobody registered for through GHL moves nothing.
        await _world.Sandbox.TrainerCentral.RescheduleWorkshopAsync(
            TeardownWorkshop, Teardown.AddDays(1), Teardown.AddDays(1).AddHours(1));
        await _world.Sandbox.TrainerCentral.RescheduleWorkshopAsync(
            workshop, Start.AddDays(2), Start.AddDays(2).AddHours(1));
        var first = await _world.Engine.PollAndRunAsync(mirror);
        Assert.Equal(Teardown.AddDays(1), StartOf(Assert.Single(await _world.AppointmentsAsync(noor))));
        await _world.Sandbox.TrainerCentral.RescheduleWorkshopAsync(
            TeardownWorkshop, Teardown.AddDays(3), Teardown.AddDays(3).AddHours(2));
        await _world.Engine.PollAndRunAsync(mirror);
        var unchanged = await _world.Engine.PollAndRunAsync(mirror);

        Assert.Equal(2, first.Fired);
        Assert.Equal(1, first.Succeeded);
        Assert.Equal(0, unchanged.Fired);
        var moved = Assert.Single(await _world.AppointmentsAsync(sam));
        Assert.Equal(Teardown.AddDays(3), StartOf(moved));
        Assert.Equal(Teardown.AddDays(3).AddHours(2), DateTimeOffset.Parse(moved["endTime"]!.GetValue<string>(),
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));

        await _world.Sandbox.TrainerCentral.CancelWorkshopAsync(TeardownWorkshop);
        var cancelled = await _world.Engine.PollAndRunAsync(mirror);
        var after = await _world.Engine.PollAndRunAsync(mirror);

        Assert.Equal(RunStatus.Succeeded, Assert.Single(cancelled.Runs).Status);
        Assert.Empty(await _world.AppointmentsAsync(noor));
        Assert.Empty(await _world.AppointmentsAsync(sam));
        Assert.Equal(0, after.Fired);
    }

    [Fact]
    public async Task LearnerWhoseEmailChangesCase_KeepsTheirOneContact_AndOneLearner()
    {
        var toGhl = TwoSidedWorld.Recipe("learners-to-ghl.yaml");
        var toTc = TwoSidedWorld.Recipe("ghl-contacts-to-tc.yaml");
        await _world.Engine.PollAndRunAsync(toTc);
        await _world.Engine.PollAndRunAsync(toGhl);
        await _world.Engine.PollAndRunAsync(toTc);
        var (contacts, learners) = ((await _world.ContactsAsync()).Count, (await _world.LearnersAsync()).Count);

        await _world.Sandbox.TrainerCentral.ChangeLearnerAsync(
            "liam.okafor@zylker.com", newEmail: "Liam.Okafor@Zylker.COM");
        var changed = await _world.Engine.PollAndRunAsync(toGhl);
        await _world.Engine.PollAndRunAsync(toTc);
        var again = await _world.Engine.PollAndRunAsync(toGhl);

        Assert.Equal(1, changed.Fired);
        Assert.Equal(0, changed.Failed);
        Assert.Equal(0, again.Fired);
        var all = await _world.ContactsAsync();
        Assert.Equal(contacts, all.Count);
        Assert.Single(all, c => string.Equals(c["email"]?.GetValue<string>(), "liam.okafor@zylker.com",
            StringComparison.OrdinalIgnoreCase));
        Assert.Equal(learners, (await _world.LearnersAsync()).Count);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private static DateTimeOffset StartOf(JsonObject appointment) => DateTimeOffset.Parse(
        appointment["startTime"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
