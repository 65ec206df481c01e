using Connector.Runtime.Scripting;

namespace Connector.Runtime.Tests.Scripting;

public sealed class ScriptOriginTests
{
    [Theory]
    [InlineData(1, 40)]
    [InlineData(3, 42)]
    [InlineData(0, 40)]
    public void FileLine_ScriptLine_IsCountedFromTheLineTheScriptStartsOn(int scriptLine, int fileLine)
    {
        var origin = new ScriptOrigin("contacts.notes.list", "transforms.after", "definitions/ghl/notes.yaml", 40);

        Assert.Equal(fileLine, origin.FileLine(scriptLine));
    }
}
