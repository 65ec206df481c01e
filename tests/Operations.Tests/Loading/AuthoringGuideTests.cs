using System.Text.RegularExpressions;
using Connector.Operations.Loading;
using Connector.Operations.Tests.Support;

namespace Connector.Operations.Tests.Loading;

/// <summary>
/// The complete action and trigger of docs/authoring.md are definitions that load as they are written.
/// </summary>
public sealed partial class AuthoringGuideTests : IDisposable
{
    private readonly string _copy = Path.Combine(Path.GetTempPath(), $"definitions-{Guid.NewGuid():N}");

    [Fact]
    public void CompleteTrigger_IsTheShippedContactsList_Verbatim()
    {
        var shipped = File.ReadAllText(Path.Combine(Repository.Definitions, "ghl", "contacts", "contacts.list.yaml"));

        Assert.Equal(shipped, Block("A complete trigger"));
    }

    [Fact]
    public void CompleteActionAndTrigger_LoadWithoutProblems_InPlaceOfTheShippedOnes()
    {
        CopyDirectory(Repository.Definitions, _copy);
        var contacts = Path.Combine(_copy, "ghl", "contacts");
        File.WriteAllText(Path.Combine(contacts, "contacts.notes.create.yaml"), Block("A complete action"));
        File.WriteAllText(Path.Combine(contacts, "contacts.list.yaml"), Block("A complete trigger"));

        var result = DefinitionLoader.Load(_copy);

        Assert.Empty(result.Problems);
        Assert.Equal("/contacts/{contactId}/notes", result.Catalog.Get("contacts.notes.create").Request.Path);
    }

    public void Dispose()
    {
        if (Directory.Exists(_copy))
        {
            Directory.Delete(_copy, recursive: true);
        }
    }

    // The first yaml block under the heading.
    private static string Block(string heading)
    {
        var guide = File.ReadAllText(Path.Combine(Repository.Root, "docs", "authoring.md"));
        var section = guide[(guide.IndexOf("## " + heading, StringComparison.Ordinal) + heading.Length)..];
        return YamlBlock().Match(section).Groups["yaml"].Value;
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex("```yaml\\n(?<yaml>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
