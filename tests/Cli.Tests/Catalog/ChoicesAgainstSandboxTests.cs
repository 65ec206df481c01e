using System.Text.Json.Nodes;
using Connector.Operations.Definitions;
using Connector.Operations.Invoking;
using Connector.Operations.Tests.Support;
using Connector.Runtime.Auth;
using Connector.Runtime.Http;
using Connector.Runtime.Http.RateLimiting;
using Connector.Sandbox;

namespace Connector.Cli.Tests.Catalog;

/// <summary>Dynamic choices resolved through the runtime against the seeded sandbox.</summary>
public sealed class ChoicesAgainstSandboxTests : IAsyncLifetime
{
    private SandboxServer _sandbox = null!;
    private ConnectorClients _clients = null!;
    private OperationInvoker _invoker = null!;
    private ConnectionContext _location = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync(new SandboxOptions { Catalog = ShippedCatalog.Instance });
        _clients = new ConnectorClients(new InvokerOptions
        {
            MaxRetries = 0,
            RateLimiter = new RateLimiterOptions { Enabled = false },
        });
        _invoker = new OperationInvoker(ShippedCatalog.Instance, _clients);
        var token = await _sandbox.CreatePrivateTokenAsync();
        _location = new ConnectionContext
        {
            Name = "location",
            Auth = new StaticTokenSource(token.Token),
            BaseUrl = _sandbox.BaseUrl,
            LocationId = token.LocationId,
            CompanyId = token.CompanyId,
            TokenType = TokenType.Location,
        };
    }

    public async Task DisposeAsync()
    {
        _clients.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task PipelineStage_OfTheSeededPipeline_AreItsStagesInOrder()
    {
        var resolved = await _invoker.ResolveAsync(
            "opportunities.update",
            "pipelineStageId",
            new JsonObject { ["pipelineId"] = WellKnownIds.Pipeline },
            _location);

        Assert.Null(resolved.Reason);
        Assert.Equal(["New lead", "Contacted", "Proposal sent", "Enrolled"], resolved.Choices.Select(c => c.Label));
    }

    [Fact]
    public async Task PipelineStage_OfAnUnknownPipeline_IsNoneWithTheReason()
    {
        var resolved = await _invoker.ResolveAsync(
            "opportunities.create",
            "pipelineStageId",
            new JsonObject { ["pipelineId"] = "nonexistent" },
            _location);

        Assert.Empty(resolved.Choices);
        Assert.Equal("opportunities.pipelines.list lists no pipelines with id 'nonexistent'", resolved.Reason);
    }

    [Theory]
    [InlineData("contacts.create", "Pincode")]
    [InlineData("contacts.update", "Pincode")]
    public async Task CustomFieldIds_OfContacts_AreTheLocationsContactFields(string key, string label)
    {
        var resolved = await _invoker.ResolveAsync(key, "customFields.id", [], _location);

        var choice = Assert.Single(resolved.Choices);
        Assert.Equal(label, choice.Label);
        Assert.Equal(WellKnownIds.CustomField, choice.Value.GetValue<string>());
    }

    [Fact]
    public async Task CustomFieldIds_OfOpportunities_LeaveOutTheContactFields()
    {
        var resolved = await _invoker.ResolveAsync("opportunities.create", "customFields.id", [], _location);

        Assert.Empty(resolved.Choices);
    }
}
