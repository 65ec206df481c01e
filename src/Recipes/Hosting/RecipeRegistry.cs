using System.Collections.Concurrent;
using Connector.Recipes.Definitions;

namespace Connector.Recipes.Hosting;

/// <summary>The recipes the host runs now, by name; replaced whole when their files change.</summary>
public sealed class RecipeRegistry
{
    private readonly ConcurrentDictionary<string, RecipeDefinition> _recipes = new(StringComparer.Ordinal);

    public bool TryGet(string name, out RecipeDefinition recipe) => _recipes.TryGetValue(name, out recipe!);

    public IReadOnlyCollection<RecipeDefinition> All => [.. _recipes.Values];

    /// <summary>Takes the new set; returns the names added or changed, and those removed.</summary>
    public (IReadOnlyList<RecipeDefinition> Changed, IReadOnlyList<string> Removed) Replace(IReadOnlyList<RecipeDefinition> recipes)
    {
        var changed = recipes.Where(r => !_recipes.TryGetValue(r.Name, out var old) || !SameSchedule(old, r) || old != r).ToList();
        var removed = _recipes.Keys.Except(recipes.Select(r => r.Name)).ToList();
        foreach (var recipe in recipes)
        {
            _recipes[recipe.Name] = recipe;
        }

        foreach (var name in removed)
        {
            _recipes.TryRemove(name, out _);
        }

        return (changed, removed);
    }

    private static bool SameSchedule(RecipeDefinition a, RecipeDefinition b) =>
        a.Enabled == b.Enabled && a.Trigger.Interval == b.Trigger.Interval;
}
