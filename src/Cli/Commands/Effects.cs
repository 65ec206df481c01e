using System.Text.Json.Nodes;
using Connector.Recipes.Definitions;
using Connector.Recipes.Storage;

namespace Connector.Cli.Commands;

/// <summary>
/// What a recipe's runs did to the world, read from its run history: each action step that succeeded,
/// counted once per element for a forEach step, and named by what its operation does.
/// </summary>
internal static class Effects
{
    private static readonly (string Operation, string Noun, string Done)[] Labels =
    [
        ("contacts.create", "contact", "created"),
        ("contacts.upsert+", "contact", "created"),
        ("contacts.upsert", "contact", "updated"),
        ("contacts.update", "contact", "updated"),
        ("contacts.tags.add", "contact", "tagged"),
        ("trainercentral.learners.invite", "learner", "invited"),
        ("trainercentral.learners.invite_to_course", "learner", "enrolled in a course"),
        ("trainercentral.learners.invite_to_workshop", "learner", "registered for a workshop"),
        ("contacts.notes.create", "note", "written"),
        ("contacts.tasks.create", "task", "created"),
        ("contacts.tasks.complete", "task", "completed"),
        ("calendars.appointments.create", "appointment", "booked"),
        ("calendars.appointments.update", "appointment", "moved"),
        ("calendars.events.delete", "appointment", "removed"),
    ];

    /// <summary>A line such as "3 contacts created, 1 contact updated"; empty when the runs changed nothing.</summary>
    public static string Of(RecipeDefinition recipe, RunStore store)
    {
        var operations = recipe.Steps.Where(s => s.Kind == StepKind.Action)
            .ToDictionary(s => s.Key, s => s.Operation!, StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var run in store.List(recipe.Name, limit: int.MaxValue))
        {
            foreach (var step in store.Steps(run.Id).Where(s => operations.ContainsKey(s.Step)))
            {
                foreach (var result in Results(step))
                {
                    var key = Key(operations[step.Step], result);
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }

        return string.Join(", ", Labels
            .GroupBy(l => (l.Noun, l.Done))
            .Select(g => (g.Key.Noun, g.Key.Done, Count: g.Sum(l => counts.GetValueOrDefault(l.Operation))))
            .Where(c => c.Count > 0)
            .Select(c => $"{c.Count} {c.Noun}{(c.Count == 1 ? "" : "s")} {c.Done}"));
    }

    // The results of a step that acted: each element of a forEach that did not fail, or the one output.
    private static IEnumerable<JsonNode?> Results(StepRecord step) => step switch
    {
        { Output: JsonArray elements } when step.Status is StepStatus.Succeeded or StepStatus.Failed =>
            elements.Where(e => e is not JsonObject { } failed || failed["error"] is null),
        { Status: StepStatus.Succeeded } => [step.Output],
        _ => [],
    };

    // An upsert says whether it created the contact.
    private static string Key(string operation, JsonNode? result) =>
        operation == "contacts.upsert" && result?["new"]?.GetValue<bool>() == true ? operation + "+" : operation;
}
