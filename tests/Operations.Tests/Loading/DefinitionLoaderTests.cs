using Connector.Operations.Definitions;
using Connector.Operations.Loading;
using Connector.Operations.Tests.Support;

namespace Connector.Operations.Tests.Loading;

public sealed class DefinitionLoaderTests : IDisposable
{
    private const string ValidAction = """
        key: contacts.sample
        kind: action
        category: Contacts
        title: Sample
        scopes: [contacts.write]
        version: "2021-07-28"
        inputs:
          - key: contactId
            type: string
            required: true
          - key: colour
            type: string
            choices: [red, green]
        request:
          method: POST
          path: /contacts/{contactId}/notes
          body:
            colour: "{{colour}}"
        output:
          sample: {}
        example:
          contactId: c1
        """;

    private readonly DefinitionFolder _folder = new();

    [Fact]
    public void Load_TheShippedDefinitions_HasNoProblems()
    {
        var result = DefinitionLoader.Load(Repository.Definitions);

        Assert.Empty(result.Problems);
        Assert.Equal(126, result.Catalog.Operations.Count(o => o.Connector.Key == "ghl"));
        Assert.Equal(16, result.Catalog.Operations.Count(o => o.Connector.Key == "trainercentral"));
    }

    [Fact]
    public void Load_ValidAction_ReadsEveryPart()
    {
        _folder.Write("contacts.sample", ValidAction);

        var result = DefinitionLoader.Load(_folder.Root);

        Assert.Empty(result.Problems);
        var op = result.Catalog.Get("contacts.sample");
        Assert.Equal(OperationKind.Action, op.Kind);
        Assert.Equal("ghl", op.Connector.Key);
        Assert.Equal(["red", "green"], op.Inputs[1].Choices.Select(c => c.Label));
        Assert.False(op.Request.IsRepeatable);
    }

    [Fact]
    public void Load_BrokenYaml_ReportsFileLineAndColumn()
    {
        var file = _folder.Write("contacts.sample", "key: contacts.sample\nkind: action\n  title: [unclosed\n");

        var problem = Assert.Single(DefinitionLoader.Load(_folder.Root).Problems);

        Assert.EndsWith("contacts.sample.yaml", problem.Location.File);
        Assert.Equal(3, problem.Location.Line);
        Assert.Contains("YAML syntax", problem.Message);
        Assert.Equal(Path.GetFullPath(file), Path.GetFullPath(problem.Location.File));
    }

    [Fact]
    public void Load_UnknownField_PointsAtItsLine()
    {
        _folder.Write("contacts.sample", ValidAction.Replace(
            "title: Sample",
            "title: Sample\ncolour: blue",
            StringComparison.Ordinal));

        var problem = Assert.Single(DefinitionLoader.Load(_folder.Root).Problems);

        Assert.Equal(5, problem.Location.Line);
        Assert.Equal("unknown field 'colour'", problem.Message);
    }

    [Fact]
    public void Load_PathParameterThatIsNoInput_IsReportedAtThePath()
    {
        _folder.Write("contacts.sample", ValidAction.Replace("/notes", "/notes/{noteId}", StringComparison.Ordinal));

        var problem = Assert.Single(DefinitionLoader.Load(_folder.Root).Problems);

        Assert.Equal(16, problem.Location.Line);
        Assert.Contains("path parameter '{noteId}' is not declared as an input", problem.Message);
    }

    [Fact]
    public void Load_UnknownFieldAndUndeclaredPathParameter_ReportsBoth_AndKeepsTheFileOutOfTheCatalog()
    {
        _folder.Write("contacts.sample", ValidAction
            .Replace("title: Sample", "title: Sample\ncolour: blue", StringComparison.Ordinal)
            .Replace("/notes", "/notes/{noteId}", StringComparison.Ordinal));

        var result = DefinitionLoader.Load(_folder.Root);

        Assert.Equal(2, result.Problems.Count);
        Assert.Contains(result.Problems, p => p.Location.Line == 5 && p.Message == "unknown field 'colour'");
        Assert.Contains(result.Problems, p => p.Location.Line == 17
            && p.Message.Contains("'{noteId}'", StringComparison.Ordinal));
        Assert.False(result.Catalog.TryGet("contacts.sample", out _));
    }

    [Fact]
    public void Load_TransformThatDoesNotCompile_GivesTheScriptsLineInTheFile()
    {
        var yaml = ValidAction.Replace(
            "output:",
            "transforms:\n  after: |\n    const a = 1;\n    return a +;\noutput:",
            StringComparison.Ordinal);
        _folder.Write("contacts.sample", yaml);

        var problem = Assert.Single(DefinitionLoader.Load(_folder.Root).Problems);

        Assert.Contains("transforms.after line 2: does not compile", problem.Message);
        var lines = File.ReadAllLines(Path.Combine(_folder.Root, "ghl", "contacts", "contacts.sample.yaml"));
        Assert.Equal("    return a +;", lines[problem.Location.Line - 1]);
    }

    [Fact]
    public void Load_TemplateNamingNoInput_IsReported()
    {
        _folder.Write("contacts.sample", ValidAction.Replace("{{colour}}", "{{color}}", StringComparison.Ordinal));

        var problem = Assert.Single(DefinitionLoader.Load(_folder.Root).Problems);

        Assert.Contains("template '{{color}}' names no input or connection value", problem.Message);
    }

    [Fact]
    public void Load_DefaultOutsideItsChoices_IsReported()
    {
        _folder.Write("contacts.sample", ValidAction.Replace(
            "choices: [red, green]",
            "choices: [red, green]\n    default: blue",
            StringComparison.Ordinal));

        var problem = Assert.Single(DefinitionLoader.Load(_folder.Root).Problems);

        Assert.Contains("default of 'colour' must be one of \"red\", \"green\"", problem.Message);
    }

    [Fact]
    public void Load_ExampleWithoutARequiredInput_IsReported()
    {
        _folder.Write("contacts.sample", ValidAction.Replace(
            "  contactId: c1",
            "  colour: red",
            StringComparison.Ordinal));

        var problem = Assert.Single(DefinitionLoader.Load(_folder.Root).Problems);

        Assert.Equal("example lacks the required input 'contactId'", problem.Message);
    }

    [Fact]
    public void Load_UnknownScope_IsReported()
    {
        _folder.Write("contacts.sample", ValidAction.Replace(
            "[contacts.write]",
            "[contacts.write, contacts.everything]",
            StringComparison.Ordinal));

        var problem = Assert.Single(DefinitionLoader.Load(_folder.Root).Problems);

        Assert.Contains("scope 'contacts.everything' is not one of connector 'ghl's scopes", problem.Message);
    }

    [Fact]
    public void Load_TwoFilesWithOneKey_KeepsTheFirstAndReportsTheSecond()
    {
        _folder.Write("contacts.sample", ValidAction);
        var second = Path.Combine(_folder.Root, "ghl", "other");
        Directory.CreateDirectory(second);
        File.WriteAllText(Path.Combine(second, "contacts.sample.yaml"), ValidAction);

        var result = DefinitionLoader.Load(_folder.Root);

        var problem = Assert.Single(result.Problems);
        Assert.Contains("is already defined in", problem.Message);
        Assert.Equal(1, result.Catalog.Count);
    }

    [Fact]
    public void Load_DynamicChoicesNamingAMissingOperation_IsReported()
    {
        var yaml = ValidAction.Replace("choices: [red, green]",
            "dynamicChoices: { operation: colours.list, value: id }", StringComparison.Ordinal);
        _folder.Write("contacts.sample", yaml);

        var problem = Assert.Single(DefinitionLoader.Load(_folder.Root).Problems);

        Assert.Contains("dynamic choices name 'colours.list', which is not in the catalog", problem.Message);
    }

    [Fact]
    public void Load_ChoicesPickingByAnUnknownInput_IsReportedAtItsLine()
    {
        var yaml = ValidAction.Replace("choices: [red, green]", """
            dynamicChoices:
                  operation: contacts.sample
                  items: "palettes[id={{palette}}].colours"
                  value: id
            """, StringComparison.Ordinal);
        _folder.Write("contacts.sample", yaml);

        var problem = Assert.Single(DefinitionLoader.Load(_folder.Root).Problems);

        Assert.Contains("items pick by '{{palette}}', which is no input", problem.Message);
        Assert.Equal(15, problem.Location.Line);
    }

    [Fact]
    public void Load_ItemFieldOnAnInputThatIsNoArrayOfObjects_IsReported()
    {
        var yaml = ValidAction.Replace("choices: [red, green]",
            "dynamicChoices: { operation: contacts.sample, value: id, itemField: id }", StringComparison.Ordinal);
        _folder.Write("contacts.sample", yaml);

        var problem = Assert.Single(DefinitionLoader.Load(_folder.Root).Problems);

        Assert.Contains(
            "itemField needs an input of type array with items: object; 'colour' is not one",
            problem.Message);
    }

    [Fact]
    public void Load_ActionWithATriggerBlock_IsRefusedBySchema()
    {
        _folder.Write("contacts.sample", ValidAction + "\ntrigger: { items: ., id: id }\n");

        var problem = Assert.Single(DefinitionLoader.Load(_folder.Root).Problems);

        Assert.Contains("trigger", problem.Message);
    }

    [Fact]
    public void Load_OneBrokenFile_StillLoadsTheOthers()
    {
        _folder.Write("contacts.sample", ValidAction);
        _folder.Write("contacts.broken", "key: [");

        var result = DefinitionLoader.Load(_folder.Root);

        Assert.Single(result.Problems);
        Assert.True(result.Catalog.TryGet("contacts.sample", out _));
    }

    [Fact]
    public void Load_QuotedNumber_StaysAString()
    {
        _folder.Write("contacts.sample", ValidAction.Replace(
            "contactId: c1",
            "contactId: \"42\"",
            StringComparison.Ordinal));

        var result = DefinitionLoader.Load(_folder.Root);

        Assert.Empty(result.Problems);
        Assert.Equal("42", result.Catalog.Get("contacts.sample").Example["contactId"]!.GetValue<string>());
    }

    public void Dispose() => _folder.Dispose();
}
