using System.Collections.Concurrent;
using Connector.Recipes.Definitions;

namespace Connector.Recipes.Hosting;

/// <summary>The recipes the host runs now, by name; updated from their files on every reload.</summary>
public sealed class RecipeRegistry
{
    private readonly ConcurrentDictionary<string, (RecipeDefinition Recipe, string Fingerprint)> _recipes =
        new(StringComparer.Ordinal);

    public bool TryGet(string name, out RecipeDefinition recipe)
    {
        var found = _recipes.TryGetValue(name, out var entry);
        recipe = entry.Recipe;
        return found;
    }

    public IReadOnlyCollection<RecipeDefinition> All => [.. _recipes.Values.Select(e => e.Recipe)];

    /// <summary>
    /// Takes the recipes just loaded. A recipe that was loaded before from one of
    /// <paramref name="filesWithProblems"/> and is missing now stays as it was: a bad edit does not stop it.
    /// </summary>
    public RecipeChanges Replace(IReadOnlyList<RecipeDefinition> recipes, IReadOnlySet<string> filesWithProblems)
    {
        var loaded = recipes.ToDictionary(r => r.Name, r => (Recipe: r, Fingerprint: RecipeFingerprint.Of(r)));
        var changed = loaded.Values
            .Where(n => !_recipes.TryGetValue(n.Recipe.Name, out var old) || old.Fingerprint != n.Fingerprint)
            .Select(n => n.Recipe)
            .ToList();
        var missing = _recipes.Values.Where(old => !loaded.ContainsKey(old.Recipe.Name)).ToList();
        var kept = missing.Where(old => filesWithProblems.Contains(old.Recipe.Source.File)).ToList();
        var removed = missing.Except(kept).Select(old => old.Recipe.Name).ToList();

        foreach (var (name, entry) in loaded)
        {
            _recipes[name] = entry;
        }

        foreach (var name in removed)
        {
            _recipes.TryRemove(name, out _);
        }

        return new RecipeChanges(changed, removed, [.. kept.Select(k => k.Recipe)]);
    }
}
