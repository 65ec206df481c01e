using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Operations.Definitions;
using Connector.Runtime.Json;
using Connector.Runtime.Templating;

namespace Connector.Operations.Invoking;

/// <summary>Fills an input field's dropdown: runs the listing its dynamic choices name and maps the items.</summary>
public static class ChoiceResolver
{
    /// <summary>
    /// The (value, label) pairs the listing yields for <paramref name="field"/> of <paramref name="key"/>.
    /// </summary>
    /// <param name="field">
    /// An input key; for an array whose elements take the choice, also <c>input.property</c>
    /// (<c>customFields.id</c>).
    /// </param>
    /// <param name="inputs">Inputs already chosen for the operation; listings are templated from them.</param>
    public static async Task<ResolvedChoices> ResolveAsync(
        this OperationInvoker invoker,
        string key,
        string field,
        JsonObject inputs,
        ConnectionContext connection,
        CancellationToken cancellationToken = default)
    {
        var op = invoker.Catalog.Get(key);
        var input = FindInput(op, field) ?? throw new InvocationException(key, $"has no input '{field}'");
        if (input.Choices.Count > 0)
        {
            return new ResolvedChoices(input.Choices);
        }

        var source = input.DynamicChoices
            ?? throw new InvocationException(key, $"input '{field}' has neither choices nor dynamic choices");
        var listingInputs = ListingInputs(source, inputs, connection);
        var listing = invoker.Catalog.Get(source.Operation);
        var (items, reason) = listing.Kind == OperationKind.Trigger && source.Items == listing.Trigger!.Items
            ? (await invoker.ReadItemsAsync(listing.Key, listingInputs, connection, cancellationToken)
                .ToListAsync(cancellationToken), null)
            : ChoiceItems.Read(
                (await invoker.InvokeAsync(listing.Key, listingInputs, connection, cancellationToken)).Output,
                source,
                inputs);
        var choices = items.OfType<JsonNode>().Select(item => ToChoice(item, source)).OfType<Choice>();
        return new ResolvedChoices([.. choices], reason);
    }

    private static InputField? FindInput(OperationDefinition op, string field)
    {
        if (op.FindInput(field) is { } input)
        {
            return input;
        }

        var dot = field.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && op.FindInput(field[..dot]) is { DynamicChoices.ItemField: { } property } array
            && property == field[(dot + 1)..]
            ? array
            : null;
    }

    private static JsonObject ListingInputs(DynamicChoices source, JsonObject inputs, ConnectionContext connection)
    {
        var scope = (JsonObject)inputs.DeepClone();
        var values = new JsonObject
        {
            ["locationId"] = connection.LocationId,
            ["companyId"] = connection.CompanyId,
            ["userId"] = connection.UserId,
        };
        foreach (var (name, value) in connection.Values)
        {
            values[name] = value;
        }

        scope["connection"] = values;
        foreach (var name in scope["connection"]!.AsObject().Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            scope["connection"]!.AsObject().Remove(name);
        }

        return JsonTemplate.Compile(source.Inputs?.DeepClone()).Render(scope) as JsonObject ?? [];
    }

    private static Choice? ToChoice(JsonNode item, DynamicChoices source)
    {
        var value = JsonPath.Get(item, source.Value);
        if (value is null)
        {
            return null;
        }

        var label = source.Label is { } path ? JsonPath.Get(item, path) : null;
        return new Choice(value.DeepClone(), label is null ? Text(value) : Text(label));
    }

    private static string Text(JsonNode node) =>
        node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
}
