using System.Text.Json.Nodes;
using Connector.Operations.Definitions;

namespace Connector.Operations.Catalog;

/// <summary>
/// The whole catalog as one JSON document for recipe builders: every connector and operation with
/// its fields, types, choices and where dynamic choices come from, scopes and samples. Its shape is
/// <c>definitions/schema/catalog.schema.json</c>.
/// </summary>
public static class CatalogExport
{
    public const int FormatVersion = 1;

    public static JsonObject Build(OperationCatalog catalog) => new()
    {
        ["$schema"] = "https://connector.dev/schema/catalog.schema.json",
        ["formatVersion"] = FormatVersion,
        ["connectors"] = new JsonArray(
            [.. catalog.Connectors.OrderBy(c => c.Key, StringComparer.Ordinal).Select(Connector)]),
        ["operations"] = new JsonArray([.. catalog.Operations.Select(OperationDescriber.Describe)]),
    };

    private static JsonObject Connector(ConnectorDefinition connector) => new()
    {
        ["key"] = connector.Key,
        ["title"] = connector.Title,
        ["description"] = connector.Description.Trim(),
        ["baseUrl"] = connector.BaseUrl.ToString(),
        ["authKinds"] = new JsonArray([.. connector.Auth.Kinds.Select(k => JsonValue.Create(k))]),
        ["scopes"] = new JsonArray([.. connector.Scopes.Select(s => JsonValue.Create(s))]),
        ["rateLimits"] = new JsonArray([.. (connector.RateLimits?.Budgets ?? []).Select(b => new JsonObject
        {
            ["name"] = b.Name,
            ["limit"] = b.Limit,
            ["window"] = b.Window,
            ["per"] = connector.RateLimits!.Per,
        })]),
    };
}
