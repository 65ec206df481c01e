using Connector.Operations.Catalog;
using Connector.Operations.Definitions;
using Connector.Operations.Validation;

namespace Connector.Operations.Loading;

/// <summary>
/// Reads connectors and their operations from folders or files, checks every one, and builds the
/// catalog of those that passed. Problems never stop the loading of the other files.
/// </summary>
public static class DefinitionLoader
{
    public const string ConnectorFileName = "connector.yaml";

    private static readonly OperationRules Rules = new();

    /// <summary>Loads every definition under <paramref name="paths"/> (folders or operation files).</summary>
    public static LoadResult Load(params IEnumerable<string> paths)
    {
        var problems = new List<DefinitionProblem>();
        var operations = new List<OperationDefinition>();
        var connectors = new Dictionary<string, ConnectorDefinition?>(StringComparer.Ordinal);

        foreach (var file in paths.SelectMany(ExpandPaths).Distinct(StringComparer.Ordinal))
        {
            var connectorFile = FindConnectorFile(file);
            if (connectorFile is null)
            {
                problems.Add(new DefinitionProblem(new SourceLocation(file, 1, 1),
                    $"no {ConnectorFileName} in this folder or any above it: the operation belongs to no connector"));
                continue;
            }

            if (!connectors.TryGetValue(connectorFile, out var connector))
            {
                connector = DefinitionReader.Read<ConnectorDefinition>(connectorFile, SchemaCheck.Connector, problems);
                connectors[connectorFile] = connector;
            }

            if (file == connectorFile || connector is null)
            {
                continue;
            }

            var operation = DefinitionReader.Read<OperationDefinition>(
                file, SchemaCheck.Operation, problems, out var matches);
            if (operation is null)
            {
                continue;
            }

            if (!matches)
            {
                CheckRest(operation, connector, problems);
            }
            else if (Check(operation, connector, problems))
            {
                operations.Add(operation);
            }
        }

        var catalog = new OperationCatalog(
            connectors.Values.OfType<ConnectorDefinition>(),
            UniqueKeys(operations, problems));
        problems.AddRange(CatalogRules.Check(catalog));
        return new LoadResult(catalog, problems.OrderBy(p => p.Location.File, StringComparer.Ordinal)
            .ThenBy(p => p.Location.Line).ToList());
    }

    private static bool Check(
        OperationDefinition operation,
        ConnectorDefinition connector,
        List<DefinitionProblem> problems)
    {
        operation.Connector = connector;
        var result = Rules.Validate(operation);
        problems.AddRange(result.Errors.Select(e => new DefinitionProblem(
            e.CustomState as SourceLocation? ?? operation.Source.Locate(e.PropertyName),
            e.ErrorMessage)));
        return result.IsValid;
    }

    // The checks beyond the schema, of a file the schema rejected: what they can find is reported too, so a
    // broken file shows all its problems at once; what a half-read definition makes them trip over is not.
    private static void CheckRest(
        OperationDefinition operation,
        ConnectorDefinition connector,
        List<DefinitionProblem> problems)
    {
        var found = new List<DefinitionProblem>();
        try
        {
            Check(operation, connector, found);
        }
        catch (Exception error) when (error is NullReferenceException or ArgumentException or InvalidOperationException)
        {
            return;
        }

        problems.AddRange(found.Where(p => !problems.Contains(p)));
    }

    private static List<OperationDefinition> UniqueKeys(
        List<OperationDefinition> operations,
        List<DefinitionProblem> problems)
    {
        var unique = new List<OperationDefinition>();
        foreach (var group in operations.GroupBy(o => o.Key, StringComparer.Ordinal))
        {
            var first = group.First();
            unique.Add(first);
            problems.AddRange(group.Skip(1).Select(other => new DefinitionProblem(other.Source.Locate("/key"),
                $"operation key '{other.Key}' is already defined in {first.Source.File}")));
        }

        return unique;
    }

    private static IEnumerable<string> ExpandPaths(string path)
    {
        if (Directory.Exists(path))
        {
            return Directory.EnumerateFiles(path, "*.yaml", SearchOption.AllDirectories)
                .Concat(Directory.EnumerateFiles(path, "*.yml", SearchOption.AllDirectories))
                .Select(Path.GetFullPath)
                .Order(StringComparer.Ordinal)
                .Select(Relative);
        }

        if (File.Exists(path))
        {
            return [Relative(Path.GetFullPath(path))];
        }

        throw new FileNotFoundException($"No definition file or folder at '{path}'.", path);
    }

    private static string? FindConnectorFile(string file)
    {
        for (var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            folder is not null;
            folder = Path.GetDirectoryName(folder))
        {
            var candidate = Path.Combine(folder, ConnectorFileName);
            if (File.Exists(candidate))
            {
                return Relative(candidate);
            }
        }

        return null;
    }

    // Messages name files the way the user would type them: relative to where they stand, when below it.
    private static string Relative(string fullPath)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
    }
}
