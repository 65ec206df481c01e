using System.Text;

namespace Connector.Operations.Catalog;

/// <summary>The catalog as a Markdown table: what <c>docs/operations.md</c> holds.</summary>
public static class OperationsTable
{
    public static string Render(OperationCatalog catalog)
    {
        var operations = catalog.Operations.ToList();
        var text = new StringBuilder();
        text.AppendLine("# Operations");
        text.AppendLine();
        text.AppendLine("Generated from `definitions/` by `connector ops table`; do not edit by hand (CI checks it).");
        text.AppendLine();
        text.AppendLine($"{operations.Count} operations: "
            + $"{operations.Count(o => o.Kind == Definitions.OperationKind.Trigger)} triggers, "
            + $"{operations.Count(o => o.Kind == Definitions.OperationKind.Action)} actions, "
            + $"{operations.Select(o => o.Category).Distinct().Count()} categories.");
        foreach (var category in operations.GroupBy(o => o.Category))
        {
            text.AppendLine();
            text.AppendLine($"## {category.Key}");
            text.AppendLine();
            text.AppendLine("| key | kind | title | request | scopes |");
            text.AppendLine("|---|---|---|---|---|");
            foreach (var op in category)
            {
                var kind = op.Kind.ToString().ToLowerInvariant() + (op.IsAgencyOnly ? " (agency only)" : "");
                var scopes = op.Scopes.Count == 0 ? "" : string.Join(", ", op.Scopes.Select(s => $"`{s}`"));
                text.AppendLine($"| `{op.Key}` | {kind} | {Escape(op.Title)} "
                    + $"| `{op.Request.Method} {op.Request.Path}` | {scopes} |");
            }
        }

        return text.ToString();
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
