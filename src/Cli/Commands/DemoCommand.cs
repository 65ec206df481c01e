using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Connector.Operations.Catalog;
using Connector.Operations.Definitions;
using Connector.Operations.Invoking;
using Connector.Operations.Loading;
using Connector.Recipes.Definitions;
using Connector.Recipes.Loading;
using Connector.Recipes.Running;
using Connector.Recipes.Storage;
using Connector.Runtime.Auth;
using Connector.Runtime.Storage;
using Connector.Sandbox;

namespace Connector.Cli.Commands;

/// <summary>
/// <c>connector demo</c>: the built-in sandbox in this process, a token for it, a few invocations, and
/// the example recipes run for a few poll cycles with changes in between. Touches nothing outside.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var cycles = new Option<int>("--cycles") { Description = "Poll cycles to run.", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed")
        {
            Description = "Contacts the sandbox starts with.",
            DefaultValueFactory = _ => 20,
        };
        var definitions = CommonOptions.Definitions();
        var command = new Command(
            "demo", "Run the example recipes against the built-in sandbox and show what they did.")
        {
            cycles, seed, definitions,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var watch = Stopwatch.StartNew();
            var catalog = CatalogSource.Load(parse.GetValue(definitions));
            await using var sandbox = await SandboxServer.StartAsync(
                new SandboxOptions { Catalog = catalog, Seed = parse.GetValue(seed) }, cancellationToken);
            var token = await sandbox.CreatePrivateTokenAsync(cancellationToken: cancellationToken);
            await output.WriteLineAsync($"GHL sandbox at {sandbox.BaseUrl} "
                + $"(location {token.LocationId}, token {Secrets.Mask(token.Token)})");

            using var clients = new ConnectorClients(new InvokerOptions());
            var invoker = new OperationInvoker(catalog, clients);
            var connection = new ConnectionContext
            {
                Name = "sandbox",
                Auth = new StaticTokenSource(token.Token),
                BaseUrl = sandbox.BaseUrl,
                LocationId = token.LocationId,
                TokenType = TokenType.Location,
            };
            await ShowInvocationsAsync(invoker, connection, output, cancellationToken);

            var academyToken = await sandbox.TrainerCentral.CreateTokenAsync(cancellationToken: cancellationToken);
            var academy = new ConnectionContext
            {
                Name = "academy",
                Auth = new StaticTokenSource(academyToken.AccessToken),
                BaseUrl = sandbox.BaseUrl,
                Values = new Dictionary<string, string> { ["orgId"] = sandbox.TrainerCentral.OrgId },
            };
            await output.WriteLineAsync(
                $"TrainerCentral sandbox at the same address (org {sandbox.TrainerCentral.OrgId})");

            using var database = SqliteStore.InMemory();
            var store = new RunStore(database);
            var engine = new RecipeEngine(invoker, store, (_, connector) => connector == "ghl" ? connection : academy);
            var recipes = LoadRecipes(catalog);
            var tally = recipes.ToDictionary(r => r.Name, _ => new Tally());
            var world = new World(invoker, connection, academy);
            var before = await world.CountAsync(cancellationToken);
            await output.WriteLineAsync();
            await output.WriteLineAsync($"Recipes: {string.Join(", ", recipes.Select(r => r.Name))}");
            var seeded = await PollAllAsync(engine, recipes, tally, cancellationToken);
            await output.WriteLineAsync($"  first poll: existing contacts remembered; {seeded} run(s) "
                + "(the initial learner sync, idle learners)");
            for (var cycle = 1; cycle <= parse.GetValue(cycles); cycle++)
            {
                var change = await MakeChangesAsync(invoker, connection, cycle, cancellationToken);
                var learning = await MakeAcademyChangesAsync(sandbox, cycle, cancellationToken);
                var fired = await PollAllAsync(engine, recipes, tally, cancellationToken);
                await output.WriteLineAsync(
                    $"  cycle {cycle}: GHL {change}; TrainerCentral {learning}; {fired} run(s)");
            }

            var after = await world.CountAsync(cancellationToken);
            await output.WriteLineAsync();
            await WriteTableAsync(output, recipes, tally, store);
            await output.WriteLineAsync();
            await output.WriteLineAsync($"GHL contacts {before.Contacts} -> {after.Contacts}; "
                + $"TrainerCentral learners {before.Learners} -> {after.Learners}; "
                + $"notes on synced contacts {after.Notes}");
            await output.WriteLineAsync($"Done in {watch.Elapsed.TotalSeconds:0.0} s. "
                + "Next: `connector sandbox`, `connector host`, docs/recipes.md.");
            return 0;
        });
        return command;
    }

    private static async Task ShowInvocationsAsync(
        OperationInvoker invoker,
        ConnectionContext connection,
        TextWriter output,
        CancellationToken cancellationToken)
    {
        var created = await invoker.InvokeAsync("contacts.create", new JsonObject
        {
            ["firstName"] = "Rosan",
            ["lastName"] = "Deo",
            ["email"] = "rosan.deo@example.com",
            ["tags"] = new JsonArray("demo"),
        }, connection, cancellationToken);
        var id = created.Output!["id"]!.GetValue<string>();
        await output.WriteLineAsync($"invoke contacts.create   -> contact {id}");
        var found = await invoker.InvokeAsync(
            "contacts.get", new JsonObject { ["contactId"] = id }, connection, cancellationToken);
        await output.WriteLineAsync($"invoke contacts.get      -> {found.Output!["firstName"]} "
            + $"{found.Output["lastName"]} <{found.Output["email"]}>");
        var page = await invoker.InvokeAsync(
            "contacts.list", new JsonObject { ["limit"] = 5 }, connection, cancellationToken);
        await output.WriteLineAsync(
            $"invoke contacts.list     -> {page.Output!["meta"]?["total"]} contacts in the location");
    }

    // Each cycle: two new contacts (one a VIP, the first tagged for a live workshop), and an edit of an earlier one.
    private static async Task<string> MakeChangesAsync(
        OperationInvoker invoker,
        ConnectionContext connection,
        int cycle,
        CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        foreach (var (name, tags) in
            new[] { ($"Guest{cycle}", new[] { "workshop-teardown" }), ($"Vip{cycle}", new[] { "vip" }) })
        {
            var inputs = new JsonObject
            {
                ["firstName"] = name,
                ["email"] = $"{name.ToLowerInvariant()}@example.com",
                ["tags"] = new JsonArray([.. tags.Select(t => JsonValue.Create(t))]),
            };
            var result = await invoker.InvokeAsync("contacts.create", inputs, connection, cancellationToken);
            ids.Add(result.Output!["id"]!.GetValue<string>());
        }

        await Task.Delay(TimeSpan.FromMilliseconds(1100), cancellationToken);
        await invoker.InvokeAsync(
            "contacts.update", new JsonObject { ["contactId"] = ids[0], ["lastName"] = $"Edited{cycle}" },
            connection, cancellationToken);
        return "2 contacts created (1 VIP, 1 for the workshop), 1 edited";
    }

    // Each cycle: a learner signs up and progresses; then an idle learner comes back (cycle 2), and the
    // live workshop the GHL contacts registered for is rescheduled (cycle 2) and cancelled (cycle 3).
    private static async Task<string> MakeAcademyChangesAsync(
        SandboxServer sandbox,
        int cycle,
        CancellationToken cancellationToken)
    {
        const string course = "2160000000000012001";
        const string workshop = "2160000000000051001";
        var email = $"learner{cycle}@example.com";
        await sandbox.TrainerCentral.AddLearnerAsync(email, $"Learner{cycle}", "Demo", cancellationToken);
        await sandbox.TrainerCentral.EnrolAsync(email, course, cancellationToken);
        await sandbox.TrainerCentral.AdvanceProgressAsync(email, course, 25 * cycle, cancellationToken);
        var done = $"1 learner signed up and reached {25 * cycle}%";
        switch (cycle)
        {
            case 2:
                await sandbox.TrainerCentral.AdvanceProgressAsync("ava.chen@zylker.com", course, 60, cancellationToken);
                var start = new DateTimeOffset(2027, 1, 15, 16, 0, 0, TimeSpan.Zero);
                await sandbox.TrainerCentral.RescheduleWorkshopAsync(
                    workshop, start, start.AddHours(1), cancellationToken);
                return done + ", an idle learner came back, the workshop moved a day";
            case 3:
                await sandbox.TrainerCentral.CancelWorkshopAsync(workshop, cancellationToken);
                return done + ", the workshop was cancelled";
            default:
                return done;
        }
    }

    private static async Task<int> PollAllAsync(
        RecipeEngine engine,
        IReadOnlyList<RecipeDefinition> recipes,
        Dictionary<string, Tally> tally,
        CancellationToken cancellationToken)
    {
        var fired = 0;
        foreach (var recipe in recipes)
        {
            var summary = await engine.PollAndRunAsync(recipe, cancellationToken);
            tally[recipe.Name].Add(summary);
            fired += summary.Fired;
        }

        return fired;
    }

    private static IReadOnlyList<RecipeDefinition> LoadRecipes(OperationCatalog catalog)
    {
        var root = Path.Combine(Path.GetDirectoryName(DefinitionsFolder.Locate())!, "recipes");
        var result = RecipeLoader.Load(catalog, Path.Combine(root, "examples"), Path.Combine(root, "trainercentral"));
        return result.IsValid
            ? result.Recipes
            : throw new CommandException($"the example recipes have problems: {result.Problems[0]}");
    }

    private static async Task WriteTableAsync(
        TextWriter output,
        IReadOnlyList<RecipeDefinition> recipes,
        Dictionary<string, Tally> tally,
        RunStore store)
    {
        var width = recipes.Max(r => r.Name.Length);
        await output.WriteLineAsync($"{"RECIPE".PadRight(width)}  RUNS  FAILED  WHAT IT DID");
        foreach (var recipe in recipes)
        {
            var counts = tally[recipe.Name];
            var effects = Effects.Of(recipe, store);
            await output.WriteLineAsync(
                $"{recipe.Name.PadRight(width)}  {counts.Fired,4}  {counts.Failed,6}  "
                + $"{(effects.Length > 0 ? effects : "nothing to do")}");
        }

        await output.WriteLineAsync(
            "(a run that did nothing was stopped by a filter as meant: "
            + "a contact the sync already knows, a milestone noted)");
    }

    /// <summary>Counts of what the recipes touch on both sides.</summary>
    private sealed class World(OperationInvoker invoker, ConnectionContext ghl, ConnectionContext academy)
    {
        public async Task<(int Contacts, int Learners, int Notes)> CountAsync(CancellationToken cancellationToken)
        {
            var contacts = await invoker.ReadItemsAsync(
                    "contacts.list", new JsonObject { ["limit"] = 100 }, ghl, cancellationToken)
                .ToListAsync(cancellationToken);
            var learners = await invoker.ReadItemsAsync("trainercentral.learners.new", [], academy, cancellationToken)
                .ToListAsync(cancellationToken);
            var notes = 0;
            foreach (var contact in contacts.Where(
                c => c?["tags"]?.AsArray().Any(t => t?.GetValue<string>() == "trainercentral") == true))
            {
                var listed = await invoker.InvokeAsync(
                    "contacts.notes.list", new JsonObject { ["contactId"] = contact!["id"]!.DeepClone() },
                    ghl, cancellationToken);
                notes += listed.Output?["notes"]?.AsArray().Count ?? 0;
            }

            return (contacts.Count, learners.Count, notes);
        }
    }

    private sealed class Tally
    {
        public int Fired { get; private set; }

        public int Failed { get; private set; }

        public void Add(PollSummary summary)
        {
            Fired += summary.Fired;
            Failed += summary.Failed;
        }
    }
}
