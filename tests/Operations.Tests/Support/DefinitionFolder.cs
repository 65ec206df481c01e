namespace Connector.Operations.Tests.Support;

/// <summary>A scratch definitions folder with the GHL connector file, for tests of broken definitions.</summary>
public sealed class DefinitionFolder : IDisposable
{
    public DefinitionFolder()
    {
        Root = Directory.CreateTempSubdirectory("connector-defs-").FullName;
        Directory.CreateDirectory(Path.Combine(Root, "ghl", "contacts"));
        File.Copy(
            Path.Combine(Repository.Definitions, "ghl", "connector.yaml"),
            Path.Combine(Root, "ghl", "connector.yaml"));
    }

    public string Root { get; }

    /// <summary>Writes an operation file and returns its path.</summary>
    public string Write(string key, string yaml)
    {
        var path = Path.Combine(Root, "ghl", "contacts", key + ".yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
