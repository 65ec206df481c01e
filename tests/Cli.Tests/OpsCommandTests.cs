using System.Text.Json.Nodes;

namespace Connector.Cli.Tests;

public sealed class OpsCommandTests
{
    [Fact]
    public async Task OpsList_ContactsCategory_ListsThirtyOperations()
    {
        var run = await CliRun.ExecuteAsync("ops", "list", "--category", "Contacts");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("contacts.create", run.Output);
        Assert.EndsWith("30 operation(s)", run.Output.TrimEnd());
    }

    [Fact]
    public async Task OpsList_Json_GivesKeyKindCategoryAndTitleOfEach()
    {
        var run = await CliRun.ExecuteAsync("ops", "list", "--json");

        var all = JsonNode.Parse(run.Output)!.AsArray();
        var operations = all
            .Where(o => !o!["key"]!.GetValue<string>().StartsWith("trainercentral.", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(16, all.Count - operations.Count);
        Assert.Equal(126, operations.Count);
        Assert.Equal(55, operations.Count(o => o!["kind"]!.GetValue<string>() == "trigger"));
        Assert.Equal(71, operations.Count(o => o!["kind"]!.GetValue<string>() == "action"));
        Assert.Equal(14, operations.Select(o => o!["category"]!.GetValue<string>()).Distinct().Count());
        Assert.All(all, o => Assert.False(string.IsNullOrEmpty(o!["title"]?.GetValue<string>())));
    }

    [Fact]
    public async Task OpsList_GhlConnector_Reports126Operations55Triggers71ActionsIn14Categories()
    {
        var run = await CliRun.ExecuteAsync("ops", "list", "--connector", "ghl", "--json");

        var operations = JsonNode.Parse(run.Output)!.AsArray();
        Assert.Equal(126, operations.Count);
        Assert.Equal(55, operations.Count(o => o!["kind"]!.GetValue<string>() == "trigger"));
        Assert.Equal(71, operations.Count(o => o!["kind"]!.GetValue<string>() == "action"));
        Assert.Equal(14, operations.Select(o => o!["category"]!.GetValue<string>()).Distinct().Count());
        Assert.All(operations, o => Assert.Equal("ghl", o!["connector"]!.GetValue<string>()));
    }

    [Fact]
    public async Task OpsList_KindFilter_ListsOnlyThatKind()
    {
        var run = await CliRun.ExecuteAsync("ops", "list", "--kind", "trigger", "--category", "contacts", "--json");

        var operations = JsonNode.Parse(run.Output)!.AsArray();
        Assert.Equal(10, operations.Count);
    }

    [Fact]
    public async Task OpsDescribe_Json_ShowsFieldsScopesRequestAndSample()
    {
        var run = await CliRun.ExecuteAsync("ops", "describe", "contacts.create", "--json");

        Assert.Equal(0, run.ExitCode);
        var description = JsonNode.Parse(run.Output)!;
        Assert.Equal("POST", description["method"]!.GetValue<string>());
        Assert.Equal("/contacts/", description["path"]!.GetValue<string>());
        Assert.Equal("contacts.write", description["scopes"]![0]!.GetValue<string>());
        Assert.Contains(description["fields"]!.AsArray(), f => f!["key"]!.GetValue<string>() == "email");
        Assert.NotNull(description["sample"]!["id"]);
    }

    [Fact]
    public async Task OpsDescribe_Text_ShowsTheRequestLine()
    {
        var run = await CliRun.ExecuteAsync("ops", "describe", "contacts.tasks.create");

        Assert.Contains("Request:  POST /contacts/{contactId}/tasks", run.Output);
    }

    [Fact]
    public async Task OpsDescribe_UnknownKey_FailsWithOneLineThatSuggestsKeys()
    {
        var run = await CliRun.ExecuteAsync("ops", "describe", "contacts.crate");

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.Contains("No operation 'contacts.crate'", line);
        Assert.Contains("contacts.create", line);
    }

    [Fact]
    public async Task OpsDescribe_Text_SaysTheStagesFollowTheChosenPipeline()
    {
        var run = await CliRun.ExecuteAsync("ops", "describe", "opportunities.search");

        Assert.Contains("choices from opportunities.pipelines.list for the chosen pipeline_id", run.Output);
    }

    [Theory]
    [InlineData("--category", "Nope", "Contacts")]
    [InlineData("--kind", "actions", "trigger")]
    [InlineData("--connector", "zapier", "ghl")]
    public async Task OpsList_UnknownFilterValue_FailsWithOneLineListingTheKnownValues(
        string option,
        string value,
        string known)
    {
        var run = await CliRun.ExecuteAsync("ops", "list", option, value);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.Contains($"unknown {option} '{value}'", line);
        Assert.Contains(known, line);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("ops")]
    [InlineData("ops", "list")]
    [InlineData("ops", "describe")]
    [InlineData("validate")]
    [InlineData("invoke")]
    public async Task Help_EveryVerb_PrintsUsageAndSucceeds(params string[] verb)
    {
        var run = await CliRun.ExecuteAsync([.. verb, "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Output);
    }
}
