using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Operations.Definitions;
using Connector.Operations.Tests.Support;
using Connector.Runtime.Http;
using Connector.Runtime.Json;
using Connector.Sandbox.TrainerCentral;

namespace Connector.Operations.Tests.TrainerCentral;

/// <summary>Every TrainerCentral operation, invoked with its example through the invoker against the sandbox.</summary>
public sealed class TrainerCentralOperationsTests(AcademySandbox academy)
    : IClassFixture<AcademySandbox>, IAsyncLifetime
{
    public static TheoryData<string> Keys => [.. Operations.Select(o => o.Key)];

    public static TheoryData<string> ScopedKeys => [.. Operations.Where(o => o.Scopes.Count > 0).Select(o => o.Key)];

    private static IEnumerable<OperationDefinition> Operations =>
        ShippedCatalog.Instance.Operations.Where(o => o.Connector.Key == "trainercentral");

    public Task InitializeAsync() => academy.Server.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task InvokeAsync_Example_AnswersWithEveryFieldOfTheSample(string key)
    {
        var op = ShippedCatalog.Instance.Get(key);

        var result = await academy.InvokeAsync(key, (JsonObject)op.Example.DeepClone());

        Assert.Equal(200, result.StatusCode);
        var (sample, answer) = op.Trigger is { } trigger
            ? (First(JsonPath.Get(op.Output.Sample, trigger.Items)), First(JsonPath.Get(result.Output, trigger.Items)))
            : (First(op.Output.Sample), First(result.Output));
        Assert.True(answer is JsonObject, $"{key}: no item in {result.Output?.ToJsonString()}");
        var missing = ((JsonObject)sample!).Select(p => p.Key).Where(n => !answer!.AsObject().ContainsKey(n)).ToList();
        Assert.True(missing.Count == 0, $"{key}: no {string.Join(", ", missing)} in {answer!.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task InvokeAsync_WithOnlyTheDeclaredScopes_IsAnswered(string key)
    {
        var op = ShippedCatalog.Instance.Get(key);
        var connection = await academy.ConnectAsync(op.Scopes);

        var result = await academy.InvokeAsync(key, (JsonObject)op.Example.DeepClone(), connection);

        Assert.Equal(200, result.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ScopedKeys))]
    public async Task InvokeAsync_WithoutTheDeclaredScopes_IsRefusedWithTheVendorsMessage(string key)
    {
        var op = ShippedCatalog.Instance.Get(key);
        var connection = await academy.ConnectAsync(TrainerCentralScopes.All.Except(op.Scopes));

        var error = await Assert.ThrowsAsync<ApiException>(
            () => academy.InvokeAsync(key, (JsonObject)op.Example.DeepClone(), connection));

        Assert.Equal(401, error.StatusCode);
        Assert.Contains(op.Scopes[0], Assert.Single(error.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PortalsList_GivesTheOrgIdTheConnectionKeeps()
    {
        var result = await academy.InvokeAsync("trainercentral.portals.list", []);

        var portal = Assert.Single(result.Output!["portals"]!.AsArray());
        Assert.Equal(academy.Server.TrainerCentral.OrgId, portal!["id"]!.GetValue<string>());
        Assert.Equal(JsonValueKind.String, portal["isDefault"]!.GetValueKind());
    }

    [Fact]
    public async Task ReadItemsAsync_NewLearners_ReadsEveryPageUntilTheShortOne()
    {
        var learners = await academy.ReadItemsAsync("trainercentral.learners.new", []);

        Assert.Equal(AcademySandbox.Learners, learners.Select(l => l["id"]!.GetValue<string>()).Distinct().Count());
        Assert.All(learners, l => Assert.Equal(JsonValueKind.String, l["time"]!.GetValueKind()));
    }

    [Fact]
    public async Task ReadItemsAsync_CompletedEnrolments_ListsALearnerOnceTheyReach100()
    {
        const string Completed = "trainercentral.enrolments.completed";
        var inputs = new JsonObject { ["courseId"] = TrainerCentralIds.Course, ["limit"] = 100 };
        var before = await academy.ReadItemsAsync(Completed, (JsonObject)inputs.DeepClone());

        await academy.Server.TrainerCentral.AdvanceProgressAsync(
            TrainerCentralIds.SecondLearnerEmail, TrainerCentralIds.Course, 100);
        var after = await academy.ReadItemsAsync(Completed, (JsonObject)inputs.DeepClone());

        var liam = "2160000000000041003";
        Assert.DoesNotContain(before, m => m["courseMembersId"]!.GetValue<string>() == liam);
        Assert.Contains(after, m => m["courseMembersId"]!.GetValue<string>() == liam);
        Assert.All(after, m => Assert.Equal("100", m["completionPercentage"]!.ToJsonString()));
    }

    [Fact]
    public async Task LearnersFind_UnknownEmail_GivesNoOutput()
    {
        var inputs = new JsonObject { ["email"] = "nobody@zylker.com" };

        var result = await academy.InvokeAsync("trainercentral.learners.find", inputs);

        Assert.Null(result.Output);
    }

    [Fact]
    public async Task WorkshopsCreate_SendsItsDatesInMillisecondsAndTheWorkshopIsListed()
    {
        var op = ShippedCatalog.Instance.Get("trainercentral.workshops.create");

        var created = await academy.InvokeAsync(op.Key, (JsonObject)op.Example.DeepClone());
        var talks = await academy.ReadItemsAsync("trainercentral.workshops.changed", []);

        var sessionId = created.Output!["sessionId"]!.GetValue<string>();
        var talk = Assert.Single(talks, t => t["sessionId"]!.GetValue<string>() == sessionId);
        Assert.Equal("1801756800000", talk["scheduledTime"]!.GetValue<string>());
        Assert.Equal("1801760400000", talk["scheduledEndTime"]!.GetValue<string>());
    }

    [Fact]
    public async Task InviteToCourse_SendsTheExpiryInMilliseconds()
    {
        var op = ShippedCatalog.Instance.Get("trainercentral.learners.invite_to_course");

        var result = await academy.InvokeAsync(op.Key, (JsonObject)op.Example.DeepClone());

        Assert.Equal("1814313600000", result.Output!["expiryTime"]!.GetValue<string>());
    }

    private static JsonNode? First(JsonNode? node) => node is JsonArray array ? array.FirstOrDefault() : node;
}
