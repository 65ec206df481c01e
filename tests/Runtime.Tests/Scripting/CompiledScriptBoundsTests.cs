using Connector.Runtime.Scripting;

namespace Connector.Runtime.Tests.Scripting;

/// <summary>Each bound fails the one run that breaks it, says which bound it was, and spares the next run.</summary>
public sealed class CompiledScriptBoundsTests
{
    // One script per bound: breaks it when asked to, and doubles a number otherwise.
    private const string Script = """
        if (inputs.mode === 'loop') { while (true) {} }
        if (inputs.mode === 'string') { let s = 'x'; while (true) { s += s; } }
        if (inputs.mode === 'array') { const all = []; while (true) { all.push(new Array(1000).fill(inputs.mode)); } }
        if (inputs.mode === 'recurse') { const down = n => down(n + 1) + 1; return down(0); }
        return output * 2;
        """;

    [Fact]
    public void Run_InfiniteLoop_FailsOnTheTimeBound()
    {
        var script = ScriptRunner.Compile(Script, new ScriptLimits
        {
            Timeout = TimeSpan.FromMilliseconds(100),
            MaxStatements = int.MaxValue,
        });

        var error = Assert.Throws<ScriptException>(() => script.Run("1", """{"mode":"loop"}"""));

        Assert.Equal("ran longer than 100 ms", error.Problem);
        Assert.StartsWith("contacts.notes.list: transforms.after", error.Message, StringComparison.Ordinal);
        Assert.Contains("definitions/ghl/notes.yaml:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_InfiniteLoop_FailsOnTheStatementBound()
    {
        var limits = new ScriptLimits { MaxStatements = 10_000, Timeout = TimeSpan.FromMinutes(1) };
        var script = ScriptRunner.Compile(Script, limits);

        var error = Assert.Throws<ScriptException>(() => script.Run("1", """{"mode":"loop"}"""));

        Assert.Equal("ran more than 10,000 statements", error.Problem);
    }

    [Theory]
    [InlineData("string")]
    [InlineData("array")]
    public void Run_HugeAllocation_FailsOnTheMemoryBound(string mode)
    {
        var limits = new ScriptLimits { MemoryBytes = 4 * 1024 * 1024, Timeout = TimeSpan.FromMinutes(1) };
        var script = ScriptRunner.Compile(Script, limits);

        var error = Assert.Throws<ScriptException>(() => script.Run("1", $$"""{"mode":"{{mode}}"}"""));

        Assert.Equal("used more than 4 MiB of memory", error.Problem);
    }

    [Fact]
    public void Run_UnboundedRecursion_FailsOnTheDepthBound()
    {
        var script = ScriptRunner.Compile(Script, new ScriptLimits { MaxRecursionDepth = 20 });

        var error = Assert.Throws<ScriptException>(() => script.Run("1", """{"mode":"recurse"}"""));

        Assert.Equal("nested calls deeper than 20", error.Problem);
    }

    [Fact]
    public void Run_DeepButBoundedRecursion_StaysWithinTheDepthBound()
    {
        var script = ScriptRunner.Compile("const down = n => n === 0 ? 0 : 1 + down(n - 1); return down(output);",
            new ScriptLimits { MaxRecursionDepth = 20 });

        Assert.Equal("15", script.RunToJson("15"));
    }

    [Theory]
    [InlineData("loop")]
    [InlineData("string")]
    [InlineData("array")]
    [InlineData("recurse")]
    public void Run_AfterARunBrokeABound_TheSameScriptStillWorks(string mode)
    {
        var script = ScriptRunner.Compile(Script, new ScriptLimits
        {
            Timeout = TimeSpan.FromMilliseconds(200),
            MaxStatements = 100_000,
            MemoryBytes = 4 * 1024 * 1024,
            MaxRecursionDepth = 20,
        });

        Assert.Equal("42", script.RunToJson("21"));
        Assert.Throws<ScriptException>(() => script.Run("1", $$"""{"mode":"{{mode}}"}"""));

        Assert.Equal("42", script.RunToJson("21"));
        Assert.Equal("10", script.RunToJson("5"));
    }

    [Fact]
    public void Run_FirstRunOfAFreshScript_IsNotChargedForPreparingItsSandbox()
    {
        // Preparing an engine (running the hardening over every built-in) takes longer than this on
        // any machine; only the script's own run may count against its time bound.
        var limits = new ScriptLimits { Timeout = TimeSpan.FromMilliseconds(25) };
        var script = ScriptRunner.Compile("return output + 1;", limits);

        Assert.Equal("2", script.RunToJson("1"));
    }
}
