using System.Globalization;
using System.Text.Json.Nodes;
using Connector.Operations.Catalog;
using Connector.Operations.Definitions;
using Connector.Operations.Invoking;
using Connector.Runtime.Auth;
using Connector.Runtime.Http.RateLimiting;
using Connector.Sandbox;

namespace Connector.Bench;

/// <summary>
/// Sub-accounts made in the sandbox the way an agency makes them (locations.create with an agency token),
/// each with a private integration token and a few contacts, so that a poll reads a page of items.
/// </summary>
internal static class SandboxLocations
{
    public static async Task<IReadOnlyList<SandboxToken>> CreateAsync(
        SandboxServer sandbox,
        OperationCatalog catalog,
        int count,
        int contactsEach)
    {
        // Setting up is not measured, and must not wait on budgets.
        using var clients = new ConnectorClients(
            new InvokerOptions { RateLimiter = new RateLimiterOptions { Enabled = false } });
        var invoker = new OperationInvoker(catalog, clients);
        var agency = await sandbox.CreateCompanyTokenAsync();
        var asAgency = new ConnectionContext
        {
            Auth = new StaticTokenSource(agency.Token),
            BaseUrl = sandbox.BaseUrl,
            CompanyId = agency.CompanyId,
            TokenType = TokenType.Company,
        };
        var tokens = new List<SandboxToken>();
        for (var i = 0; i < count; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"Bench Clinic {i + 1}");
            var created = await invoker.InvokeAsync("locations.create", new JsonObject { ["name"] = name }, asAgency);
            var token = await sandbox.CreatePrivateTokenAsync(created.Output!["id"]!.GetValue<string>());
            await AddContactsAsync(invoker, sandbox, token, contactsEach);
            tokens.Add(token);
        }

        return tokens;
    }

    private static async Task AddContactsAsync(
        OperationInvoker invoker,
        SandboxServer sandbox,
        SandboxToken token,
        int count)
    {
        var connection = new ConnectionContext
        {
            Auth = new StaticTokenSource(token.Token),
            BaseUrl = sandbox.BaseUrl,
            LocationId = token.LocationId,
            TokenType = TokenType.Location,
        };
        for (var i = 0; i < count; i++)
        {
            var inputs = new JsonObject
            {
                ["firstName"] = "Learner",
                ["lastName"] = string.Create(CultureInfo.InvariantCulture, $"No{i + 1}"),
                ["email"] = string.Create(CultureInfo.InvariantCulture, $"learner{i + 1}@{token.LocationId}.example"),
            };
            await invoker.InvokeAsync("contacts.create", inputs, connection);
        }
    }
}
