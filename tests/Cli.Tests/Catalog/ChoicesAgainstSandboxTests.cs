using System.Text.Json.Nodes;
using Connector.Operations.Invoking;
using Connector.Sandbox;

namespace Connector.Cli.Tests.Catalog;

/// <summary>Dynamic choices resolved through the runtime against the seeded sandbox.</summary>
public sealed class ChoicesAgainstSandboxTests : IAsyncLifetime
{
    private SandboxCatalog _world = null!;

    public async Task InitializeAsync() => _world = await SandboxCatalog.StartAsync(unlimited: false);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task PipelineStage_OfTheSeededPipeline_AreItsStagesInOrder()
    {
        var resolved = await _world.Invoker.ResolveAsync(
            "opportunities.update",
            "pipelineStageId",
            new JsonObject { ["pipelineId"] = WellKnownIds.Pipeline },
            _world.Location);

        Assert.Null(resolved.Reason);
        Assert.Equal(["New lead", "Contacted", "Proposal sent", "Enrolled"], resolved.Choices.Select(c => c.Label));
    }

    [Fact]
    public async Task PipelineStage_OfAnUnknownPipeline_IsNoneWithTheReason()
    {
        var resolved = await _world.Invoker.ResolveAsync(
            "opportunities.create",
            "pipelineStageId",
            new JsonObject { ["pipelineId"] = "nonexistent" },
            _world.Location);

        Assert.Empty(resolved.Choices);
        Assert.Equal("opportunities.pipelines.list lists no pipelines with id 'nonexistent'", resolved.Reason);
    }

    [Theory]
    [InlineData("contacts.create", "Pincode")]
    [InlineData("contacts.update", "Pincode")]
    public async Task CustomFieldIds_OfContacts_AreTheLocationsContactFields(string key, string label)
    {
        var resolved = await _world.Invoker.ResolveAsync(key, "customFields.id", [], _world.Location);

        var choice = Assert.Single(resolved.Choices);
        Assert.Equal(label, choice.Label);
        Assert.Equal(WellKnownIds.CustomField, choice.Value.GetValue<string>());
    }

    [Fact]
    public async Task CustomFieldIds_OfOpportunities_LeaveOutTheContactFields()
    {
        var resolved = await _world.Invoker.ResolveAsync(
            "opportunities.create", "customFields.id", [], _world.Location);

        Assert.Empty(resolved.Choices);
    }
}
