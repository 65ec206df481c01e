using System.Text.Json.Nodes;
using Connector.Runtime.Scripting;

namespace Connector.Runtime.Tests.Scripting;

public sealed class CompiledScriptTests
{
    [Fact]
    public void Run_Transform_ReturnsWhatTheScriptBuiltFromItsArguments()
    {
        var script = ScriptRunner.Compile("return output.map(n => ({ id: n.id, text: n.body, by: inputs.user }));");

        var result = script.RunToJson("""[{"id":"n1","body":"Hi","x":1},{"id":"n2","body":"Yo"}]""",
            """{"user":"u1"}""");

        Assert.Equal("""[{"id":"n1","text":"Hi","by":"u1"},{"id":"n2","text":"Yo","by":"u1"}]""", result);
    }

    [Fact]
    public void Run_ScriptThatReturnsNothing_SaysSo()
    {
        var script = ScriptRunner.Compile("output.seen = true;");

        var result = script.Run([JsonNode.Parse("{}"), null], out var returnedNothing);

        Assert.True(returnedNothing);
        Assert.Null(result);
    }

    [Fact]
    public void Run_ScriptThatReturnsNull_IsNotReturningNothing()
    {
        var result = ScriptRunner.Compile("return null;").Run([null, null], out var returnedNothing);

        Assert.False(returnedNothing);
        Assert.Null(result);
    }

    [Fact]
    public void Compile_SyntaxError_ReportsTheScriptLineAndTheFileLine()
    {
        const string body = "const a = 1;\nconst b = ;\nreturn a;\n";

        var error = Assert.Throws<ScriptException>(() => ScriptRunner.Compile(body));

        Assert.Equal(2, error.ScriptLine);
        Assert.Contains("does not compile", error.Problem, StringComparison.Ordinal);
        Assert.StartsWith(
            "contacts.notes.list: transforms.after line 2 (definitions/ghl/notes.yaml:31): does not compile",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ScriptThatThrows_NamesTheOperationTheScriptAndTheLine()
    {
        var script = ScriptRunner.Compile("""
            const n = output.length;

            if (n === 0) throw new Error('no notes');
            return n;
            """);

        var error = Assert.Throws<ScriptException>(() => script.Run("[]"));

        Assert.Equal(3, error.ScriptLine);
        Assert.Equal(ScriptRunner.Origin, error.Origin);
        Assert.Equal(
            "contacts.notes.list: transforms.after line 3 (definitions/ghl/notes.yaml:32): threw no notes",
            error.Message);
    }

    [Fact]
    public void Run_TypeErrorInTheScript_IsAScriptExceptionWithItsLine()
    {
        var script = ScriptRunner.Compile("const x = 1;\nreturn output.missing.field;");

        var error = Assert.Throws<ScriptException>(() => script.Run("{}"));

        Assert.Equal(2, error.ScriptLine);
        Assert.StartsWith("threw ", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ResultThatIsNotJson_FailsTheRunWithAClearMessage()
    {
        var script = ScriptRunner.Compile("const a = {}; a.self = a; return a;");

        var error = Assert.Throws<ScriptException>(() => script.Run("{}"));

        Assert.Contains("contacts.notes.list: transforms.after", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ManyThreadsAtOnce_EachGetsItsOwnCorrectResult()
    {
        var script = ScriptRunner.Compile("""
            let sum = 0;
            for (const n of output.numbers) { sum += n * inputs.factor; }
            return { id: inputs.id, sum };
            """);

        var results = new JsonNode?[400];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
            results[i] = script.Run($$"""{"numbers":[1,2,3,{{i}}]}""", $$"""{"id":{{i}},"factor":{{i % 7}}}"""));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal($$"""{"id":{{i}},"sum":{{(6 + i) * (i % 7)}}}""", results[i]!.ToJsonString());
        }
    }
}
