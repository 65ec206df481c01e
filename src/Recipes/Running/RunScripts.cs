using System.Text.Json.Nodes;
using System.Collections.Concurrent;
using Connector.Recipes.Definitions;
using Connector.Runtime.Scripting;

namespace Connector.Recipes.Running;

/// <summary>The JavaScript of a recipe's steps, compiled once per recipe and step.</summary>
internal sealed class RunScripts(ScriptLimits limits)
{
    public static readonly IReadOnlyList<string> FilterParameters = ["trigger", "steps", "run"];

    public static readonly IReadOnlyList<string> CodeParameters = ["trigger", "steps", "run"];

    public static readonly IReadOnlyList<string> MatchParameters = ["item", "trigger", "steps", "run", "each"];

    private readonly ConcurrentDictionary<(string, string, string), CompiledScript> _compiled = new();

    public CompiledScript Filter(RecipeDefinition recipe, RecipeStep step) =>
        Get(recipe, step, "filter", $"return ({step.Script});", FilterParameters);

    public CompiledScript Code(RecipeDefinition recipe, RecipeStep step) =>
        Get(recipe, step, "code", step.Script!, CodeParameters);

    public CompiledScript When(RecipeDefinition recipe, RecipeStep step) =>
        Get(recipe, step, "when", $"return ({step.When});", FilterParameters);

    public CompiledScript ForEach(RecipeDefinition recipe, RecipeStep step) =>
        Get(recipe, step, "forEach", $"return ({step.ForEach});", FilterParameters);

    /// <summary>
    /// The elements a forEach step repeats its action for: an array, or one element for anything else.
    /// </summary>
    public List<JsonNode?> Elements(RecipeDefinition recipe, RecipeStep step, JsonNode?[] arguments) =>
        ForEach(recipe, step).Run(arguments, out _) switch
        {
            JsonArray array => [.. array.Select(e => e?.DeepClone())],
            null => [],
            var single => [single.DeepClone()],
        };

    public CompiledScript Match(RecipeDefinition recipe, RecipeStep step) =>
        Get(recipe, step, "reconcile/match", $"return ({step.Reconcile!.Match});", MatchParameters);

    private CompiledScript Get(
        RecipeDefinition recipe,
        RecipeStep step,
        string field,
        string body,
        IReadOnlyList<string> parameters) =>
        _compiled.GetOrAdd((recipe.Name, step.Key, field + body), _ =>
        {
            var line = recipe.Source.Locate($"/steps/{step.Index}/{field}").Line;
            var origin = new ScriptOrigin(
                recipe.Name, $"steps.{step.Key}.{field.Replace('/', '.')}", recipe.Source.File, line);
            return CompiledScript.Compile(body, parameters, origin, limits);
        });
}
