using System.CommandLine;
using System.Text.Json.Nodes;
using Connector.Operations.Catalog;
using Connector.Operations.Connections;
using Connector.Operations.Definitions;
using Connector.Operations.Invoking;
using Connector.Runtime.Auth;
using Connector.Runtime.Connections;
using Connector.Runtime.Http;

namespace Connector.Cli.Commands;

/// <summary><c>connector connections add|list|show|remove|test</c>: the accounts recipes act as.</summary>
internal static class ConnectionsCommand
{
    public static Command Create() =>
        new("connections", "Add, list, show, test and remove connections to your accounts.")
        {
            Add(),
            List(),
            Show(),
            Remove(),
            Test(),
        };

    private static Command Add()
    {
        var connector = new Argument<string>("CONNECTOR") { Description = "Connector key, for example ghl." };
        var name = new Option<string>("--name")
        {
            Description = "Name to refer to the connection by.",
            Required = true,
        };
        var token = new Option<string?>("--token") { Description = "A private integration token (pit-...)." };
        var clientId = new Option<string?>("--client-id") { Description = "OAuth client id of your app." };
        var clientSecret = new Option<string?>("--client-secret") { Description = "OAuth client secret of your app." };
        var scopes = new Option<string?>("--scopes")
        {
            Description = "Scopes to ask for, space-separated (default: every scope).",
        };
        var whiteLabel = new Option<bool>("--white-label") { Description = "Sign in on the white-label domain." };
        var location = new Option<string?>("--location-id")
        {
            Description = "For a private token: the location it belongs to.",
        };
        var noBrowser = new Option<bool>("--no-browser")
        {
            Description = "Print the sign-in address without opening a browser.",
        };
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds to wait for the sign-in.",
            DefaultValueFactory = _ => 300,
        };
        var baseUrl = CommonOptions.BaseUrl();
        var definitions = CommonOptions.Definitions();
        var command = new Command("add", "Connect an account: a private token, or OAuth 2.0 sign-in in the browser.")
        {
            connector, name, token, clientId, clientSecret, scopes,
            whiteLabel, location, noBrowser, timeout, baseUrl, definitions,
        };
        command.Validators.Add(result =>
        {
            var hasToken = result.GetValue(token) is not null;
            var hasClient = result.GetValue(clientId) is not null && result.GetValue(clientSecret) is not null;
            if (hasToken == hasClient)
            {
                result.AddError("Give either --token, or both --client-id and --client-secret.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var catalog = CatalogSource.Load(parse.GetValue(definitions));
            var definition = catalog.GetConnector(parse.GetValue(connector)!);
            using var state = LocalState.Open();
            var output = parse.InvocationConfiguration.Output;
            StoredConnection stored;
            if (parse.GetValue(token) is { } pit)
            {
                stored = new StoredConnection
                {
                    Name = parse.GetValue(name)!,
                    Connector = definition.Key,
                    Kind = ConnectionKind.PrivateToken,
                    AccessToken = pit,
                    BaseUrl = parse.GetValue(baseUrl),
                    LocationId = parse.GetValue(location),
                    UserType = parse.GetValue(location) is null ? null : "Location",
                };
            }
            else
            {
                using var http = new HttpClient();
                using var resolver = new ConnectionResolver(catalog, state.Connections, http);
                var oauth = resolver.OAuthFor(definition, parse.GetValue(baseUrl));
                var flow = new OAuthSignIn(
                    oauth,
                    output,
                    !parse.GetValue(noBrowser),
                    TimeSpan.FromSeconds(parse.GetValue(timeout)));
                var requested = parse.GetValue(scopes)?.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    ?? [.. definition.Scopes];
                stored = await flow.SignInAsync(
                    parse.GetValue(name)!,
                    definition.Key,
                    parse.GetValue(clientId)!,
                    parse.GetValue(clientSecret)!,
                    requested,
                    parse.GetValue(whiteLabel),
                    parse.GetValue(baseUrl),
                    cancellationToken);
            }

            try
            {
                state.Connections.Add(stored);
            }
            catch (InvalidOperationException exists)
            {
                throw new CommandException(exists.Message);
            }

            await output.WriteLineAsync($"Connection '{stored.Name}' saved ({Describe(stored)}).");
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var json = CommonOptions.Json();
        var command = new Command("list", "List connections, with their status.") { json };
        command.SetAction(async parse =>
        {
            using var state = LocalState.Open();
            var connections = state.Connections.List();
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonText.Format(new JsonArray([.. connections.Select(ToJson)])));
                return 0;
            }

            foreach (var connection in connections)
            {
                await output.WriteLineAsync(
                    $"{connection.Name,-20} {connection.Connector,-8} "
                    + $"{Status(connection),-22} {Describe(connection)}");
            }

            await output.WriteLineAsync($"{connections.Count} connection(s)");
            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var name = new Argument<string>("NAME");
        var command = new Command("show", "Show a connection; secrets are masked.") { name };
        command.SetAction(async parse =>
        {
            using var state = LocalState.Open();
            var connection = Find(state, parse.GetValue(name)!);
            await parse.InvocationConfiguration.Output.WriteLineAsync(JsonText.Format(ToJson(connection)));
            return 0;
        });
        return command;
    }

    private static Command Remove()
    {
        var name = new Argument<string>("NAME");
        var command = new Command("remove", "Forget a connection and its tokens.") { name };
        command.SetAction(async parse =>
        {
            using var state = LocalState.Open();
            if (!state.Connections.Remove(parse.GetValue(name)!))
            {
                throw new CommandException($"no connection named '{parse.GetValue(name)}'");
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync($"Connection '{parse.GetValue(name)}' removed.");
            return 0;
        });
        return command;
    }

    private static Command Test()
    {
        var name = new Argument<string>("NAME");
        var definitions = CommonOptions.Definitions();
        var command = new Command(
            "test",
            "Call a cheap operation with the connection, and list what its scopes do not cover.")
        {
            name, definitions,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var catalog = CatalogSource.Load(parse.GetValue(definitions));
            using var state = LocalState.Open();
            var stored = Find(state, parse.GetValue(name)!);
            using var http = new HttpClient();
            using var resolver = new ConnectionResolver(catalog, state.Connections, http);
            using var clients = new ConnectorClients(new InvokerOptions { MaxRetries = 1 });
            var invoker = new OperationInvoker(catalog, clients);
            var output = parse.InvocationConfiguration.Output;
            try
            {
                var context = resolver.Resolve(stored.Name);
                var probe = ProbeFor(catalog, context);
                await invoker.InvokeAsync(probe.Key, ProbeInputs(probe, context), context, cancellationToken);
                await output.WriteLineAsync($"OK: {probe.Key} answered for connection '{stored.Name}'.");
            }
            catch (Exception failure) when (failure is OperationException or ReauthorizationRequiredException)
            {
                throw new CommandException($"connection '{stored.Name}' does not work: {failure.Message}", 1, failure);
            }

            var uncovered = catalog.Operations
                .Where(o => o.Connector.Key == stored.Connector
                    && stored.Scopes.Count > 0
                    && o.Scopes.Any(s => !stored.Scopes.Contains(s)))
                .ToList();
            await output.WriteLineAsync(stored.Scopes.Count == 0
                ? "The vendor did not say which scopes this token has; each operation finds out when it runs."
                : $"{uncovered.Count} operation(s) need scopes the connection lacks:");
            foreach (var op in uncovered)
            {
                await output.WriteLineAsync(
                    $"  {op.Key,-44} needs "
                    + $"{string.Join(", ", op.Scopes.Where(s => !stored.Scopes.Contains(s)))}");
            }

            return 0;
        });
        return command;
    }

    // A read that every location token can make, and one that every agency token can.
    private static OperationDefinition ProbeFor(OperationCatalog catalog, ConnectionContext context) =>
        catalog.Get(context.TokenType == TokenType.Company ? "companies.get" : "locations.get");

    private static JsonObject ProbeInputs(OperationDefinition probe, ConnectionContext context) =>
        probe.Key == "companies.get"
            ? new JsonObject { ["companyId"] = context.CompanyId }
            : new JsonObject { ["locationId"] = context.LocationId };

    private static StoredConnection Find(LocalState state, string name) =>
        state.Connections.Find(name) ?? throw new CommandException($"no connection named '{name}'");

    private static string Status(StoredConnection connection) => connection.Status switch
    {
        ConnectionStatus.NeedsReauthorization => "needs re-authorization",
        _ => "active",
    };

    private static string Describe(StoredConnection connection)
    {
        var who = connection.UserType switch
        {
            "Company" => $"agency {connection.CompanyId}",
            "Location" => $"location {connection.LocationId}",
            _ => connection.LocationId is { } location ? $"location {location}" : "account",
        };
        var kind = connection.Kind == ConnectionKind.OAuth2 ? "OAuth" : "private token";
        var expiry = connection.ExpiresAt is { } expires ? $", token valid until {expires:u}" : "";
        return $"{kind}, {who}{expiry}";
    }

    private static JsonObject ToJson(StoredConnection connection) => new()
    {
        ["name"] = connection.Name,
        ["connector"] = connection.Connector,
        ["kind"] = connection.Kind == ConnectionKind.OAuth2 ? "oauth2" : "privateToken",
        ["status"] = Status(connection),
        ["baseUrl"] = connection.BaseUrl?.ToString(),
        ["userType"] = connection.UserType,
        ["companyId"] = connection.CompanyId,
        ["locationId"] = connection.LocationId,
        ["locationIds"] = new JsonArray([.. connection.LocationIds.Select(l => JsonValue.Create(l))]),
        ["scopes"] = new JsonArray([.. connection.Scopes.Select(s => JsonValue.Create(s))]),
        ["clientId"] = connection.ClientId,
        ["clientSecret"] = connection.ClientSecret is null ? null : Secrets.Mask(connection.ClientSecret),
        ["accessToken"] = Secrets.Mask(connection.AccessToken),
        ["refreshToken"] = connection.RefreshToken is null ? null : Secrets.Mask(connection.RefreshToken),
        ["expiresAt"] = connection.ExpiresAt?.ToString("O"),
        ["updatedAt"] = connection.UpdatedAt.ToString("O"),
    };
}
