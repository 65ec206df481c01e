using System.CommandLine;
using System.Text.Json.Nodes;
using Connector.Operations.Catalog;
using Connector.Operations.Definitions;
using Connector.Operations.Invoking;
using Connector.Runtime.Http;

namespace Connector.Cli.Commands;

/// <summary><c>connector ops list|describe</c>: what the catalog holds.</summary>
internal static class OpsCommand
{
    private static readonly StringComparer Ordinal = StringComparer.Ordinal;
    private static readonly StringComparer IgnoreCase = StringComparer.OrdinalIgnoreCase;

    public static Command Create() => new("ops", "List and describe the operations of the catalog.")
    {
        List(),
        Describe(),
        Choices(),
        Export(),
        Table(),
    };

    private static Command List()
    {
        var category = new Option<string?>("--category") { Description = "Only this category, for example Contacts." };
        var connector = new Option<string?>("--connector")
        {
            Description = "Only this connector's operations, for example ghl.",
        };
        var kind = new Option<string?>("--kind") { Description = "Only triggers or only actions: trigger or action." };
        var json = CommonOptions.Json();
        var definitions = CommonOptions.Definitions();
        var command = new Command("list", "List operations, by category and key.")
        {
            connector, category, kind, json, definitions,
        };
        command.SetAction(parse =>
        {
            var all = CatalogSource.Load(parse.GetValue(definitions)).Operations;
            RequireKnown("connector", parse.GetValue(connector), all.Select(o => o.Connector.Key), Ordinal);
            RequireKnown("category", parse.GetValue(category), all.Select(o => o.Category), IgnoreCase);
            RequireKnown("kind", parse.GetValue(kind), ["action", "trigger"], IgnoreCase);
            var operations = all
                .Where(o => parse.GetValue(connector) is not { } c || o.Connector.Key == c)
                .Where(o => parse.GetValue(category) is not { } c
                    || string.Equals(o.Category, c, StringComparison.OrdinalIgnoreCase))
                .Where(o => parse.GetValue(kind) is not { } k
                    || o.Kind.ToString().Equals(k, StringComparison.OrdinalIgnoreCase))
                .ToList();
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonText.Format(new JsonArray([.. operations.Select(OperationDescriber.Summarize)])));
                return 0;
            }

            WriteTable(output, operations);
            return 0;
        });
        return command;
    }

    /// <summary>
    /// A filter that matches nothing is a typo far more often than a wish for an empty list: refuse it,
    /// naming the values that exist.
    /// </summary>
    private static void RequireKnown(
        string option,
        string? value,
        IEnumerable<string> known,
        StringComparer comparer)
    {
        var values = known.Distinct(comparer).Order(StringComparer.Ordinal).ToList();
        if (value is not null && !values.Contains(value, comparer))
        {
            throw new CommandException($"unknown --{option} '{value}'; known: {string.Join(", ", values)}");
        }
    }

    private static void WriteTable(TextWriter output, List<OperationDefinition> operations)
    {
        var keyWidth = operations.Select(o => o.Key.Length).DefaultIfEmpty(3).Max();
        var categoryWidth = operations.Select(o => o.Category.Length).DefaultIfEmpty(8).Max();
        output.WriteLine($"{"KEY".PadRight(keyWidth)}  {"KIND",-7}  {"CATEGORY".PadRight(categoryWidth)}  TITLE");
        foreach (var op in operations)
        {
            var kind = op.Kind.ToString().ToLowerInvariant();
            output.WriteLine(
                $"{op.Key.PadRight(keyWidth)}  {kind,-7}  {op.Category.PadRight(categoryWidth)}  {op.Title}");
        }

        output.WriteLine($"{operations.Count} operation(s)");
    }

    private static Command Describe()
    {
        var key = new Argument<string>("KEY") { Description = "Operation key, for example contacts.create." };
        var json = CommonOptions.Json();
        var definitions = CommonOptions.Definitions();
        var command = new Command("describe", "Show an operation's fields, scopes, request and sample output.")
        {
            key, json, definitions,
        };
        command.SetAction(parse =>
        {
            var catalog = CatalogSource.Load(parse.GetValue(definitions));
            var op = Lookup(catalog, parse.GetValue(key)!);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonText.Format(OperationDescriber.Describe(op)));
                return 0;
            }

            WriteDescription(output, op);
            return 0;
        });
        return command;
    }

    private static Command Choices()
    {
        var key = new Argument<string>("KEY")
        {
            Description = "Operation key, for example calendars.appointments.create.",
        };
        var field = new Argument<string>("FIELD")
        {
            Description = "Input field whose choices to list, for example calendarId; customFields.id for the id "
                + "of each custom field.",
        };
        var input = new Option<string?>("--input")
        {
            Description = "Inputs chosen so far (JSON or @FILE); listings may depend on them.",
        };
        var json = CommonOptions.Json();
        var definitions = CommonOptions.Definitions();
        var connection = new ConnectionOptions();
        var command = new Command(
            "choices",
            "List the (value, label) pairs an input field accepts, as a dropdown would.")
        {
            key, field, input, json, definitions,
        };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var catalog = CatalogSource.Load(parse.GetValue(definitions));
            var op = Lookup(catalog, parse.GetValue(key)!);
            var inputs = parse.GetValue(input) is { } text ? InvokeCommand.ReadInputs(text) : [];
            using var clients = new ConnectorClients(new InvokerOptions());
            var invoker = new OperationInvoker(catalog, clients);
            ResolvedChoices resolved;
            using var opened = connection.Open(parse, catalog, op.Connector);
            try
            {
                resolved = await invoker.ResolveAsync(
                    op.Key,
                    parse.GetValue(field)!,
                    inputs,
                    opened.Context,
                    cancellationToken);
            }
            catch (Exception failure)
                when (failure is OperationException or Runtime.Auth.ReauthorizationRequiredException)
            {
                throw new CommandException(failure.Message, 1, failure);
            }

            if (resolved is { Choices.Count: 0, Reason: { } reason })
            {
                throw new CommandException($"{op.Key} {parse.GetValue(field)}: no choices: {reason}");
            }

            var choices = resolved.Choices;
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonText.Format(new JsonArray([.. choices.Select(c => new JsonObject
                {
                    ["value"] = c.Value.DeepClone(),
                    ["label"] = c.Label,
                })])));
                return 0;
            }

            foreach (var choice in choices)
            {
                await output.WriteLineAsync($"{choice.Value.ToString(),-24}  {choice.Label}");
            }

            if (choices.Count == 0)
            {
                // An empty list is an answer (nothing of that kind exists yet), not a failure; say so.
                await parse.InvocationConfiguration.Error.WriteLineAsync(
                    $"connector: {op.Key} {parse.GetValue(field)}: the listing has no choices yet");
            }

            return 0;
        });
        return command;
    }

    private static Command Export()
    {
        var file = new Option<string?>("--output") { Description = "Write to this file instead of standard output." };
        var definitions = CommonOptions.Definitions();
        var command = new Command("export", "Write the whole catalog as one JSON document for recipe builders.")
        {
            file, definitions,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var document = JsonText.Format(CatalogExport.Build(CatalogSource.Load(parse.GetValue(definitions))));
            if (parse.GetValue(file) is { } path)
            {
                await File.WriteAllTextAsync(path, document + Environment.NewLine, cancellationToken);
                return 0;
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync(document);
            return 0;
        });
        return command;
    }

    private static Command Table()
    {
        var check = new Option<string?>("--check")
        {
            Description = "Fail when this file (docs/operations.md) differs from the table.",
        };
        var definitions = CommonOptions.Definitions();
        var command = new Command("table", "Print the catalog as a Markdown table (docs/operations.md).")
        {
            check, definitions,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var table = OperationsTable.Render(CatalogSource.Load(parse.GetValue(definitions)));
            if (parse.GetValue(check) is not { } path)
            {
                await parse.InvocationConfiguration.Output.WriteAsync(table);
                return 0;
            }

            var current = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : "";
            if (current.ReplaceLineEndings() != table.ReplaceLineEndings())
            {
                throw new CommandException($"{path} is out of date: run `connector ops table > {path}`");
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync($"{path} is up to date");
            return 0;
        });
        return command;
    }

    private static string Following(DynamicChoices choices) =>
        ChoiceItems.PickedBy(choices.Items).ToList() is { Count: > 0 } inputs
            ? $" for the chosen {string.Join(" and ", inputs)}"
            : "";

    internal static OperationDefinition Lookup(OperationCatalog catalog, string key)
    {
        try
        {
            return catalog.Get(key);
        }
        catch (KeyNotFoundException missing)
        {
            throw new CommandException(missing.Message);
        }
    }

    private static void WriteDescription(TextWriter output, OperationDefinition op)
    {
        output.WriteLine($"{op.Key}  ({op.Kind.ToString().ToLowerInvariant()}, {op.Category})");
        output.WriteLine(op.Title);
        if (op.Description.Length > 0)
        {
            output.WriteLine();
            output.WriteLine(op.Description.Trim());
        }

        output.WriteLine();
        output.WriteLine($"Request:  {op.Request.Method} {op.Request.Path}");
        output.WriteLine($"Version:  {op.Version ?? "(none)"}");
        output.WriteLine($"Scopes:   {(op.Scopes.Count == 0 ? "(none)" : string.Join(" ", op.Scopes))}");
        output.WriteLine($"Tokens:   {string.Join(", ", op.TokenTypes).ToLowerInvariant()}");
        output.WriteLine();
        output.WriteLine("Fields:");
        foreach (var field in op.Inputs)
        {
            var type = field.Items is { } items ? $"array of {FieldTypes.Name(items)}" : FieldTypes.Name(field.Type);
            var required = field.Required ? "required" : "optional";
            var choices = field.Choices.Count > 0
                ? $"; one of {string.Join(", ", field.Choices.Select(c => c.Label))}"
                : "";
            var from = field.DynamicChoices switch
            {
                { ItemField: { } property } d => $"; each item's {property} from {d.Operation}",
                { } d => $"; choices from {d.Operation}{Following(d)}",
                null => "",
            };
            output.WriteLine(
                $"  {field.Key} ({type}, {required}{choices}{from}){(field.Help is { } h ? ": " + h : "")}");
        }

        output.WriteLine();
        output.WriteLine("Sample output:");
        output.WriteLine(JsonText.Format(op.Output.Sample));
    }
}
