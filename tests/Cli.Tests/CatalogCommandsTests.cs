using System.Text.Json.Nodes;
using Connector.Operations.Tests.Support;
using Json.Schema;

namespace Connector.Cli.Tests;

public sealed class CatalogCommandsTests
{
    private static readonly string Token = "pit-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task OpsTable_DocsOperationsMd_IsUpToDate()
    {
        var run = await CliRun.ExecuteAsync(
            "ops", "table", "--check", Path.Combine(Repository.Root, "docs", "operations.md"));

        Assert.True(run.ExitCode == 0, run.Error);
    }

    [Fact]
    public async Task OpsTable_Check_FailsOnAStaleFile()
    {
        var stale = Path.GetTempFileName();
        await File.WriteAllTextAsync(stale, "# Operations\n");

        var run = await CliRun.ExecuteAsync("ops", "table", "--check", stale);

        File.Delete(stale);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is out of date", run.Error);
    }

    [Fact]
    public async Task OpsExport_MatchesItsSchemaAndHoldsEveryOperation()
    {
        var run = await CliRun.ExecuteAsync("ops", "export");

        var document = JsonNode.Parse(run.Output);
        var schema = JsonSchema.FromFile(Path.Combine(Repository.Definitions, "schema", "catalog.schema.json"));
        var result = schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", result.Details.Where(d => d.HasErrors)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(10)));
        Assert.Equal(126 + 16, document!["operations"]!.AsArray().Count);
        var appointment = document["operations"]!.AsArray()
            .Single(o => o!["key"]!.GetValue<string>() == "calendars.appointments.create");
        var calendar = appointment!["fields"]!.AsArray().Single(f => f!["key"]!.GetValue<string>() == "calendarId");
        Assert.Equal("calendars.list", calendar!["choicesFrom"]!["operation"]!.GetValue<string>());
    }

    [Fact]
    public async Task OpsChoices_DynamicField_ListsValueAndLabelFromTheListing()
    {
        await using var server = new LoopbackServer(request => ServerReply.Json(200, new JsonObject
        {
            ["calendars"] = new JsonArray(
                new JsonObject { ["id"] = "cal-1", ["name"] = "Consultations" },
                new JsonObject { ["id"] = "cal-2", ["name"] = "Workshops" }),
        }));

        var run = await CliRun.ExecuteAsync("ops", "choices", "calendars.appointments.create", "calendarId", "--json",
            "--base-url", server.BaseUrl.ToString(), "--token", Token, "--location-id", "loc-7");

        Assert.True(run.ExitCode == 0, run.Error);
        var choices = JsonNode.Parse(run.Output)!.AsArray();
        Assert.Equal(["cal-1", "cal-2"], choices.Select(c => c!["value"]!.GetValue<string>()));
        Assert.Equal("Workshops", choices[1]!["label"]!.GetValue<string>());
        var request = Assert.Single(server.Requests);
        Assert.Equal("/calendars/", request.Path);
        Assert.Equal("loc-7", request.QueryParameters["locationId"].Single());
    }

    [Fact]
    public async Task OpsChoices_StaticChoices_AreListedWithoutARequest()
    {
        var run = await CliRun.ExecuteAsync("ops", "choices", "contacts.create", "gender", "--token", Token);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("male", run.Output);
        Assert.Contains("female", run.Output);
    }

    [Fact]
    public async Task Invoke_AgencyOnlyOperationWithALocationToken_FailsBeforeSending()
    {
        await using var server = new LoopbackServer(_ => ServerReply.Json(200, new JsonObject()));

        var run = await CliRun.ExecuteAsync("invoke", "locations.create", "--example", "--token-type", "location",
            "--base-url", server.BaseUrl.ToString(), "--token", Token);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("locations.create: is agency only", run.Error);
        Assert.Empty(server.Requests);
    }
}
