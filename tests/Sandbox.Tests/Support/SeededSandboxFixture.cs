namespace Connector.Sandbox.Tests.Support;

/// <summary>A sandbox seeded with 45 generated contacts besides the two well-known ones.</summary>
public sealed class SeededSandboxFixture : SandboxFixture
{
    public const int Generated = 45;

    protected override SandboxOptions Options => new() { Catalog = TestCatalog.Value, Seed = Generated };
}
