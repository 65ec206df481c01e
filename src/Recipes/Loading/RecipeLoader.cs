using System.Globalization;
using System.Text.Json.Nodes;
using Connector.Operations.Catalog;
using Connector.Operations.Definitions;
using Connector.Operations.Loading;
using Connector.Operations.Validation;
using Connector.Recipes.Definitions;
using Connector.Runtime.Http.RateLimiting;

namespace Connector.Recipes.Loading;

/// <summary>
/// Reads recipe files, checks them against the schema and the catalog, and reports problems with file:line.
/// </summary>
public static class RecipeLoader
{
    private static readonly SchemaCheck Schema =
        SchemaCheck.FromResource(typeof(RecipeLoader).Assembly, "recipe.schema.json");

    /// <summary>Loads recipe files, or every *.yaml file of the folders named.</summary>
    public static RecipeLoadResult Load(OperationCatalog catalog, params IEnumerable<string> paths)
    {
        var recipes = new List<RecipeDefinition>();
        var problems = new List<DefinitionProblem>();
        foreach (var file in paths.SelectMany(Expand).Distinct(StringComparer.Ordinal))
        {
            if (Read(file, problems, out var matchesSchema) is not { } recipe)
            {
                continue;
            }

            var found = matchesSchema ? RecipeRules.Check(recipe, catalog) : CheckRest(recipe, catalog);
            problems.AddRange(found.Where(p => !problems.Contains(p)));
            if (matchesSchema && found.Count == 0)
            {
                recipes.Add(recipe);
            }
        }

        foreach (var duplicate in recipes
            .GroupBy(r => r.Name, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .ToList())
        {
            foreach (var recipe in duplicate.Skip(1))
            {
                problems.Add(new DefinitionProblem(recipe.Source.Locate("/name"),
                    $"recipe name '{recipe.Name}' is used by {duplicate.First().Source.File} already"));
                recipes.Remove(recipe);
            }
        }

        return new RecipeLoadResult(recipes, problems);
    }

    private static IEnumerable<string> Expand(string path) => Directory.Exists(path)
        ? Directory.EnumerateFiles(path, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
        : File.Exists(path) ? [path] : throw new FileNotFoundException($"No recipe file or folder at '{path}'.", path);

    // The checks beyond the schema, of a recipe the schema rejected: what they find is reported too, so a
    // broken file shows all its problems at once; what a half-read recipe makes them trip over is not.
    private static IReadOnlyList<DefinitionProblem> CheckRest(RecipeDefinition recipe, OperationCatalog catalog)
    {
        try
        {
            return RecipeRules.Check(recipe, catalog);
        }
        catch (Exception error) when (error is NullReferenceException or ArgumentException or InvalidOperationException)
        {
            return [];
        }
    }

    /// <summary>
    /// Reads one file; problems are added to <paramref name="problems"/>. A file the schema rejects is still
    /// read as far as it can be (<paramref name="matchesSchema"/> false), for its other problems.
    /// </summary>
    private static RecipeDefinition? Read(string file, List<DefinitionProblem> problems, out bool matchesSchema)
    {
        matchesSchema = false;
        JsonNode? root;
        DefinitionSource source;
        try
        {
            (root, source) = YamlDocument.Parse(file, File.ReadAllText(file));
        }
        catch (DefinitionException error)
        {
            problems.Add(new DefinitionProblem(error.Location, error.Problem));
            return null;
        }

        var schemaProblems = Schema.Check(root, source);
        problems.AddRange(schemaProblems);
        matchesSchema = schemaProblems.Count == 0;
        try
        {
            return Build(root, source);
        }
        catch (Exception error) when (!matchesSchema
            && error is NullReferenceException or InvalidOperationException or FormatException or ArgumentException)
        {
            // A document the schema rejected may not have the shape of a recipe at all: its schema problems
            // say what is wrong.
            return null;
        }
    }

    private static RecipeDefinition Build(JsonNode? root, DefinitionSource source)
    {
        var recipe = root!.AsObject();
        var trigger = recipe["trigger"]!.AsObject();
        return new RecipeDefinition
        {
            Name = recipe["name"]!.GetValue<string>(),
            Description = recipe["description"]?.GetValue<string>() ?? "",
            Enabled = recipe["enabled"]?.GetValue<bool>() ?? true,
            Connections = (recipe["connections"] as JsonObject)
                ?.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>())
                ?? new Dictionary<string, string>(),
            Trigger = new RecipeTrigger
            {
                Operation = trigger["operation"]!.GetValue<string>(),
                Inputs = (JsonObject?)trigger["inputs"]?.DeepClone() ?? [],
                Interval = TimeSpan.FromMinutes(int.Parse(
                    (trigger["interval"]?.GetValue<string>() ?? "5m").TrimEnd('m'), CultureInfo.InvariantCulture)),
                Dedupe = trigger["dedupe"]?.GetValue<string>() switch
                {
                    "id" => DedupeMode.Id,
                    "change" => DedupeMode.Change,
                    _ => null,
                },
                Fields = trigger["fields"]?.AsArray().Select(f => f!.GetValue<string>()).ToList() ?? [],
                Removals = trigger["removals"]?.GetValue<bool>() ?? false,
                FirstPoll = ReadFirstPoll(trigger["firstPoll"]),
            },
            Steps = [.. recipe["steps"]!.AsArray().Select((step, index) => ReadStep(step!.AsObject(), index))],
            Source = source,
        };
    }

    private static FirstPoll ReadFirstPoll(JsonNode? node) => node switch
    {
        JsonObject backfill when backfill["backfill"] is { } count =>
            new FirstPoll { Mode = FirstPollMode.Backfill, Count = (int)count.GetValue<long>() },
        JsonObject since when since["since"] is { } date => new FirstPoll
        {
            Mode = FirstPollMode.Since,
            Since = DateTimeOffset.Parse(
                date.GetValue<string>(),
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal),
        },
        _ => FirstPoll.Seed,
    };

    private static RecipeStep ReadStep(JsonObject step, int index)
    {
        var (kind, operation, script) = step switch
        {
            _ when step["action"] is { } action => (StepKind.Action, action.GetValue<string>(), (string?)null),
            _ when step["search"] is { } search => (StepKind.Search, search.GetValue<string>(), null),
            _ when step["filter"] is { } filter => (StepKind.Filter, null, filter.GetValue<string>()),
            _ when step["lookup"] is not null => (StepKind.Lookup, null, null),
            _ when step["remember"] is not null => (StepKind.Remember, null, null),
            _ => (StepKind.Code, (string?)null, step["code"]!.GetValue<string>()),
        };
        var map = (step["lookup"] ?? step["remember"]) as JsonObject;
        return new RecipeStep
        {
            Key = step["key"]!.GetValue<string>(),
            Kind = kind,
            Operation = operation,
            Script = script,
            Inputs = (JsonObject?)step["inputs"]?.DeepClone() ?? [],
            StopWhenNotFound = step["whenNotFound"]?.GetValue<string>() == "stop",
            Map = map?["map"]?.GetValue<string>(),
            MapKey = map?["key"]?.GetValue<string>(),
            MapValue = map?["value"]?.DeepClone(),
            When = step["when"]?.GetValue<string>(),
            ForEach = step["forEach"]?.GetValue<string>(),
            OnError = ReadPolicy(step["onError"]),
            Reconcile = step["reconcile"] is JsonObject reconcile
                ? new Reconciliation
                {
                    Operation = reconcile["operation"]!.GetValue<string>(),
                    Inputs = (JsonObject?)reconcile["inputs"]?.DeepClone() ?? [],
                    Items = reconcile["items"]?.GetValue<string>(),
                    Match = reconcile["match"]!.GetValue<string>(),
                }
                : null,
            Index = index,
        };
    }

    private static ErrorPolicy ReadPolicy(JsonNode? node)
    {
        var (mode, attempts, backoff) = node switch
        {
            null => ("halt", (int?)null, (string?)null),
            JsonObject obj => (
                obj["policy"]!.GetValue<string>(),
                (int?)obj["attempts"]?.GetValue<long>(),
                obj["backoff"]?.GetValue<string>()),
            _ => (node.GetValue<string>(), null, null),
        };
        var policy = new ErrorPolicy { Mode = Enum.Parse<ErrorMode>(mode, ignoreCase: true) };
        return policy with
        {
            Attempts = attempts ?? policy.Attempts,
            Backoff = backoff is null ? policy.Backoff : RateBudget.ParseWindow(backoff),
        };
    }
}
