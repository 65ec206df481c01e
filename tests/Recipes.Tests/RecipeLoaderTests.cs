using Connector.Operations.Tests.Support;
using Connector.Recipes.Definitions;
using Connector.Recipes.Loading;

namespace Connector.Recipes.Tests;

public sealed class RecipeLoaderTests : IDisposable
{
    private const string Valid = """
        name: welcome-note
        connections: { ghl: crm }
        trigger:
          operation: contacts.list
          interval: 2m
          firstPoll: { backfill: 5 }
        steps:
          - key: vip
            filter: "trigger.tags.includes('vip')"
          - key: note
            action: contacts.notes.create
            inputs:
              contactId: "{{trigger.id}}"
              body: "Hello {{trigger.firstName}}"
            onError: { policy: retry, attempts: 4, backoff: 2s }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("connector-recipes-").FullName;

    [Fact]
    public void Load_ShippedExamples_HaveNoProblems()
    {
        var result = RecipeLoader.Load(ShippedCatalog.Instance, Path.Combine(Repository.Root, "recipes"));

        Assert.Empty(result.Problems);
        Assert.True(result.Recipes.Count >= 3);
    }

    [Fact]
    public void Load_ValidRecipe_ReadsTriggerStepsAndPolicies()
    {
        var recipe = Assert.Single(Load(Valid).Recipes);

        Assert.Equal("crm", recipe.ConnectionFor("ghl"));
        Assert.Equal(TimeSpan.FromMinutes(2), recipe.Trigger.Interval);
        Assert.Equal(FirstPollMode.Backfill, recipe.Trigger.FirstPoll.Mode);
        Assert.Equal(5, recipe.Trigger.FirstPoll.Count);
        Assert.Equal([StepKind.Filter, StepKind.Action], recipe.Steps.Select(s => s.Kind));
        Assert.Equal(
            new ErrorPolicy { Mode = ErrorMode.Retry, Attempts = 4, Backoff = TimeSpan.FromSeconds(2) },
            recipe.Steps[1].OnError);
    }

    [Theory]
    [InlineData("operation: contacts.list", "operation: contacts.lists", 4,
        "no operation 'contacts.lists' in the catalog")]
    [InlineData("operation: contacts.list", "operation: contacts.create", 4,
        "is an action; a recipe's trigger must be a trigger operation")]
    [InlineData("interval: 2m", "interval: 20m", 5, "interval")]
    [InlineData("action: contacts.notes.create", "action: contacts.notes.list", 11,
        "'contacts.notes.list' is a trigger")]
    [InlineData("body: \"Hello {{trigger.firstName}}\"", "text: hi", 14, "'contacts.notes.create' has no input 'text'")]
    [InlineData("{{trigger.firstName}}", "{{steps.later.name}}", 14,
        "refers to neither trigger, run, nor an earlier step")]
    [InlineData("trigger.tags.includes('vip')", "trigger.tags.includes('vip'", 9, "steps.vip.filter: does not compile")]
    public void Load_InvalidRecipe_ReportsFileLineAndWhat(string find, string replace, int line, string expected)
    {
        var result = Load(Valid.Replace(find, replace, StringComparison.Ordinal));

        var problem = Assert.Single(result.Problems);
        Assert.Empty(result.Recipes);
        Assert.EndsWith("recipe.yaml", problem.Location.File);
        Assert.Equal(line, problem.Location.Line);
        Assert.Contains(expected, problem.Message);
    }

    [Fact]
    public void Load_UnknownFieldAndUnknownOperation_ReportsBoth_AndLoadsNothing()
    {
        var result = Load(Valid
            .Replace("name: welcome-note", "name: welcome-note\ncolour: blue", StringComparison.Ordinal)
            .Replace("action: contacts.notes.create", "action: contacts.notes.make", StringComparison.Ordinal));

        Assert.Empty(result.Recipes);
        Assert.Equal(2, result.Problems.Count);
        Assert.Contains(result.Problems, p => p.Location.Line == 2
            && p.Message.Contains("colour", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Location.Line == 12
            && p.Message.Contains("no operation 'contacts.notes.make'", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_TwoRecipesWithOneName_KeepsTheFirst()
    {
        File.WriteAllText(Path.Combine(_folder, "a.yaml"), Valid);
        File.WriteAllText(Path.Combine(_folder, "b.yaml"), Valid);

        var result = RecipeLoader.Load(ShippedCatalog.Instance, _folder);

        Assert.Single(result.Recipes);
        Assert.Contains("recipe name 'welcome-note' is used by", Assert.Single(result.Problems).Message);
    }

    private RecipeLoadResult Load(string yaml)
    {
        var file = Path.Combine(_folder, "recipe.yaml");
        File.WriteAllText(file, yaml);
        return RecipeLoader.Load(ShippedCatalog.Instance, file);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
