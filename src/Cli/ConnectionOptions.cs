using System.CommandLine;
using Connector.Operations.Catalog;
using Connector.Operations.Connections;
using Connector.Operations.Definitions;
using Connector.Operations.Invoking;
using Connector.Runtime.Auth;

namespace Connector.Cli;

/// <summary>The options that say whom a command acts as: token, address, location, company.</summary>
internal sealed class ConnectionOptions
{
    public Option<Uri?> BaseUrl { get; } = Commands.CommonOptions.BaseUrl();

    public Option<string?> Token { get; } = new("--token")
    {
        Description = "Access token (default: the <CONNECTOR>_TOKEN variable, for example GHL_TOKEN).",
    };

    public Option<string?> LocationId { get; } = new("--location-id")
    {
        Description = "The token's location (sub-account): the default of locationId inputs.",
    };

    public Option<string?> CompanyId { get; } = new("--company-id")
    {
        Description = "The token's company (agency): the default of companyId inputs.",
    };

    public Option<string?> TokenType { get; } = CreateTokenType();

    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = "A stored connection (see `connector connections`) instead of --token.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Connection);
        command.Options.Add(BaseUrl);
        command.Options.Add(Token);
        command.Options.Add(LocationId);
        command.Options.Add(CompanyId);
        command.Options.Add(TokenType);
    }

    /// <summary>The connection the options name: a stored one, or a token given on the command line.</summary>
    public ResolvedConnection Open(ParseResult parse, OperationCatalog catalog, ConnectorDefinition connector)
    {
        if (parse.GetValue(Connection) is not { } name)
        {
            return new ResolvedConnection(Read(parse, connector), null);
        }

        var state = LocalState.Open();
        var http = new HttpClient();
        var resolver = new ConnectionResolver(catalog, state.Connections, http);
        try
        {
            var context = resolver.Resolve(name, parse.GetValue(LocationId));
            context = parse.GetValue(BaseUrl) is { } baseUrl ? context with { BaseUrl = baseUrl } : context;
            return new ResolvedConnection(context, () =>
            {
                resolver.Dispose();
                http.Dispose();
                state.Dispose();
            });
        }
        catch (Exception error) when (error is KeyNotFoundException or ReauthorizationRequiredException)
        {
            resolver.Dispose();
            http.Dispose();
            state.Dispose();
            throw new CommandException(error.Message, 1, error);
        }
    }

    public ConnectionContext Read(ParseResult parse, ConnectorDefinition connector) => new()
    {
        Name = "command line",
        Auth = new StaticTokenSource(ResolveToken(connector, parse.GetValue(Token))),
        BaseUrl = parse.GetValue(BaseUrl),
        LocationId = parse.GetValue(LocationId),
        CompanyId = parse.GetValue(CompanyId),
        TokenType = parse.GetValue(TokenType) switch
        {
            "location" => Operations.Definitions.TokenType.Location,
            "company" => Operations.Definitions.TokenType.Company,
            _ => null,
        },
    };

    private static Option<string?> CreateTokenType()
    {
        var option = new Option<string?>("--token-type")
        {
            Description = "Whose token it is; operations for the other kind are refused before sending.",
        };
        option.AcceptOnlyFromAmong("location", "company");
        return option;
    }

    private static string ResolveToken(ConnectorDefinition connector, string? given)
    {
        var variable = $"{connector.Key.ToUpperInvariant()}_TOKEN";
        return given ?? Environment.GetEnvironmentVariable(variable)
            ?? throw new CommandException($"no token: give --token or set {variable}");
    }
}
