using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Operations.Definitions;
using Connector.Operations.Invoking;
using Connector.Runtime.Auth;
using Connector.Runtime.Http;

namespace Connector.Cli.Commands;

/// <summary><c>connector invoke KEY</c>: runs one operation and prints its output.</summary>
internal static class InvokeCommand
{
    public static Command Create()
    {
        var key = new Argument<string>("KEY") { Description = "Operation key, for example contacts.create." };
        var input = new Option<string?>("--input")
        {
            Description = "Inputs as a JSON object, or @FILE to read them from a file.",
        };
        var example = new Option<bool>("--example") { Description = "Use the operation's example inputs." };
        var connectionOptions = new ConnectionOptions();
        var allPages = new Option<bool>("--all-pages")
        {
            Description = "Triggers: read every page and print the items.",
        };
        var definitions = CommonOptions.Definitions();
        var command = new Command("invoke", "Run one operation and print its output as JSON.")
        {
            key, input, example, allPages, definitions,
        };
        connectionOptions.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(input) is not null == result.GetValue(example))
            {
                result.AddError("Give exactly one of --input and --example.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var catalog = CatalogSource.Load(parse.GetValue(definitions));
            var op = OpsCommand.Lookup(catalog, parse.GetValue(key)!);
            var inputs = parse.GetValue(example)
                ? (JsonObject)op.Example.DeepClone()
                : ReadInputs(parse.GetValue(input)!);
            using var resolved = connectionOptions.Open(parse, catalog, op.Connector);
            var connection = resolved.Context;

            using var clients = new ConnectorClients(new InvokerOptions());
            var invoker = new OperationInvoker(catalog, clients);
            try
            {
                var output = parse.GetValue(allPages) && op.Kind == OperationKind.Trigger
                    ? new JsonArray([.. await invoker.ReadItemsAsync(op.Key, inputs, connection, cancellationToken)
                        .ToListAsync(cancellationToken)])
                    : (await invoker.InvokeAsync(op.Key, inputs, connection, cancellationToken)).Output;
                await parse.InvocationConfiguration.Output.WriteLineAsync(JsonText.Format(output));
                return 0;
            }
            catch (Exception failure) when (failure is OperationException or ReauthorizationRequiredException)
            {
                throw new CommandException(failure.Message, 1, failure);
            }
        });
        return command;
    }

    internal static JsonObject ReadInputs(string text)
    {
        if (text.StartsWith('@'))
        {
            var file = text[1..];
            text = File.Exists(file) ? File.ReadAllText(file) : throw new CommandException($"no input file '{file}'");
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new CommandException("--input must be a JSON object");
        }
        catch (JsonException error)
        {
            throw new CommandException($"--input is not valid JSON: {error.Message}");
        }
    }
}
