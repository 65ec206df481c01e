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

    [Theory]
    [InlineData("pIpE-sales", "sTaG-lead", "sTaG-won")]
    [InlineData("pIpE-courses", "sTaG-enrolled", "sTaG-finished")]
    public async Task OpsChoices_PipelineStage_OffersTheStagesOfTheChosenPipeline(
        string pipeline,
        string first,
        string second)
    {
        await using var server = TwoPipelines();

        var run = await CliRun.ExecuteAsync("ops", "choices", "opportunities.create", "pipelineStageId", "--json",
            "--input", $$"""{"pipelineId":"{{pipeline}}"}""",
            "--base-url", server.BaseUrl.ToString(), "--token", Token, "--location-id", "loc-7");

        Assert.True(run.ExitCode == 0, run.Error);
        var choices = JsonNode.Parse(run.Output)!.AsArray();
        Assert.Equal([first, second], choices.Select(c => c!["value"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("opportunities.create", "pipelineStageId", "pipelineId")]
    [InlineData("opportunities.update", "pipelineStageId", "pipelineId")]
    [InlineData("opportunities.upsert", "pipelineStageId", "pipelineId")]
    [InlineData("opportunities.search", "pipeline_stage_id", "pipeline_id")]
    public async Task OpsChoices_StagesOfAnUnknownPipeline_AreNoneWithAMessageNamingIt(
        string key,
        string field,
        string pipelineInput)
    {
        await using var server = TwoPipelines();

        var run = await CliRun.ExecuteAsync("ops", "choices", key, field,
            "--input", $$"""{"{{pipelineInput}}":"nonexistent"}""",
            "--base-url", server.BaseUrl.ToString(), "--token", Token, "--location-id", "loc-7");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Output);
        var line = Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.Contains("lists no pipelines with id 'nonexistent'", line);
    }

    [Fact]
    public async Task OpsChoices_PipelineStageWithoutAPipeline_AsksForThePipelineFirst()
    {
        await using var server = TwoPipelines();

        var run = await CliRun.ExecuteAsync("ops", "choices", "opportunities.create", "pipelineStageId",
            "--base-url", server.BaseUrl.ToString(), "--token", Token, "--location-id", "loc-7");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the choices depend on 'pipelineId': choose it first", run.Error);
    }

    [Theory]
    [InlineData("contacts.create", "customFields.id", "contact")]
    [InlineData("contacts.update", "customFields.id", "contact")]
    [InlineData("contacts.upsert", "customFields", "contact")]
    [InlineData("opportunities.create", "customFields.id", "opportunity")]
    [InlineData("opportunities.update", "customFields", "opportunity")]
    public async Task OpsChoices_CustomFieldIds_AreTheLocationsCustomFieldsOfThatRecordType(
        string key,
        string field,
        string model)
    {
        await using var server = new LoopbackServer(request => ServerReply.Json(200, new JsonObject
        {
            ["customFields"] = new JsonArray(
                new JsonObject { ["id"] = "cf-1", ["name"] = "Pincode", ["model"] = model },
                new JsonObject { ["id"] = "cf-2", ["name"] = "Course", ["model"] = model }),
        }));

        var run = await CliRun.ExecuteAsync("ops", "choices", key, field, "--json",
            "--base-url", server.BaseUrl.ToString(), "--token", Token, "--location-id", "loc-7");

        Assert.True(run.ExitCode == 0, run.Error);
        var choices = JsonNode.Parse(run.Output)!.AsArray();
        Assert.Equal(["cf-1", "cf-2"], choices.Select(c => c!["value"]!.GetValue<string>()));
        Assert.Equal("Course", choices[1]!["label"]!.GetValue<string>());
        var request = Assert.Single(server.Requests);
        Assert.Equal("/locations/loc-7/customFields", request.Path);
        Assert.Equal(model, request.QueryParameters["model"].Single());
    }

    [Fact]
    public async Task OpsExport_CustomFieldsInput_NamesTheListingForEachItemsId()
    {
        var run = await CliRun.ExecuteAsync("ops", "export");

        var operations = JsonNode.Parse(run.Output)!["operations"]!.AsArray();
        foreach (var key in new[] { "contacts.create", "contacts.update", "contacts.upsert", "opportunities.create" })
        {
            var op = operations.Single(o => o!["key"]!.GetValue<string>() == key);
            var field = op!["fields"]!.AsArray().Single(f => f!["key"]!.GetValue<string>() == "customFields");
            Assert.Equal("custom_fields.list", field!["choicesFrom"]!["operation"]!.GetValue<string>());
            Assert.Equal("id", field["choicesFrom"]!["itemField"]!.GetValue<string>());
        }
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

    private static LoopbackServer TwoPipelines() => new(request => ServerReply.Json(200, new JsonObject
    {
        ["pipelines"] = new JsonArray(
            Pipeline("pIpE-sales", "Sales", ("sTaG-lead", "New lead"), ("sTaG-won", "Won")),
            Pipeline("pIpE-courses", "Courses", ("sTaG-enrolled", "Enrolled"), ("sTaG-finished", "Finished"))),
    }));

    private static JsonObject Pipeline(string id, string name, params (string Id, string Name)[] stages) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["stages"] = new JsonArray([.. stages.Select(s => new JsonObject { ["id"] = s.Id, ["name"] = s.Name })]),
    };
}
