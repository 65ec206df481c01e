using Connector.Runtime.Scripting;

namespace Connector.Runtime.Tests.Scripting;

/// <summary>A transform sees only JavaScript: no .NET, no files, no network, and nothing of earlier runs.</summary>
public sealed class CompiledScriptSandboxTests
{
    [Theory]
    [InlineData("System")]
    [InlineData("importNamespace")]
    [InlineData("clr")]
    [InlineData("require")]
    [InlineData("fetch")]
    [InlineData("XMLHttpRequest")]
    [InlineData("process")]
    [InlineData("load")]
    [InlineData("readFile")]
    public void Run_HostObject_IsNotThere(string name)
    {
        var script = ScriptRunner.Compile($"return typeof {name};");

        Assert.Equal("\"undefined\"", script.RunToJson("null"));
    }

    [Theory]
    [InlineData("return System.IO.File.ReadAllText('/etc/passwd');")]
    [InlineData("return importNamespace('System.IO').File.Exists('/etc/passwd');")]
    [InlineData("return require('fs').readFileSync('/etc/passwd');")]
    [InlineData("return fetch('http://127.0.0.1/');")]
    public void Run_ReachingForDotNetFilesOrNetwork_FailsAsAScriptError(string body)
    {
        var error = Assert.Throws<ScriptException>(() => ScriptRunner.Compile(body).Run("null"));

        Assert.Contains("is not defined", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ClrTypeThroughAValue_IsNotReachable()
    {
        var script = ScriptRunner.Compile("return [typeof output.GetType, typeof (1).GetType, typeof ''.GetType];");

        Assert.Equal("""["undefined","undefined","undefined"]""", script.RunToJson("{}"));
    }

    // Each case: what the first run tries to leave behind, and what the next run reads to find it.
    [Theory]
    [InlineData("globalThis.leak = inputs.secret;", "return globalThis.leak ?? null;")]
    [InlineData("Object.prototype.leak = inputs.secret;", "return ({}).leak ?? null;")]
    [InlineData("Array.prototype.first = () => inputs.secret;", "return [].first ? [].first() : null;")]
    [InlineData("JSON.leak = inputs.secret;", "return JSON.leak ?? null;")]
    [InlineData("Array.prototype.map.leak = inputs.secret;", "return Array.prototype.map.leak ?? null;")]
    [InlineData("Math.max.leak = inputs.secret;", "return Math.max.leak ?? null;")]
    [InlineData("Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags').get.leak = inputs.secret;",
        "return Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags').get.leak ?? null;")]
    [InlineData("Object.getPrototypeOf([][Symbol.iterator]()).leak = inputs.secret;",
        "return Object.getPrototypeOf([][Symbol.iterator]()).leak ?? null;")]
    [InlineData("Object.getPrototypeOf(function* () {}).leak = inputs.secret;",
        "return Object.getPrototypeOf(function* () {}).leak ?? null;")]
    [InlineData("Object.getPrototypeOf(Uint8Array).prototype.leak = inputs.secret;",
        "return new Uint8Array(1).leak ?? null;")]
    [InlineData("/(\\w+)/.exec(inputs.secret);", "return RegExp.$1 || null;")]
    [InlineData("/(\\w+)/.exec(inputs.secret);", "return RegExp.lastMatch || null;")]
    public void Run_StateLeftByOneRun_IsNotSeenByTheNext(string leave, string find)
    {
        // Where the built-ins are frozen, leaving state throws: that is fine, as long as nothing stays.
        var script = ScriptRunner.Compile(
            $"if (inputs.secret) {{ try {{ {leave} }} catch {{ }} return 0; }}\n{find}");

        script.Run("null", """{"secret":"s3cr3t"}""");

        Assert.Equal("null", script.RunToJson("null") ?? "null");
    }

    [Fact]
    public void Run_PatchedArrayIterator_DoesNotChangeHowTheNextRunLoops()
    {
        var script = ScriptRunner.Compile("""
            if (inputs.patch) {
              try { Object.getPrototypeOf([][Symbol.iterator]()).next = () => ({ done: true }); } catch { }
              return 0;
            }
            let n = 0;
            for (const item of output) { n += item; }
            return n;
            """);

        script.Run("[]", """{"patch":true}""");

        Assert.Equal("6", script.RunToJson("[1,2,3]"));
    }

    [Fact]
    public void Run_ScriptsOwnObjects_CanBeChangedFreely()
    {
        var script = ScriptRunner.Compile("""
            const o = { a: 1 };
            o.b = 2;
            class Note { constructor(t) { this.t = t; } }
            Note.prototype.shout = function () { return this.t.toUpperCase(); };
            output.push(o.a + o.b);
            return [output, new Note('hi').shout()];
            """);

        Assert.Equal("""[[0,3],"HI"]""", script.RunToJson("[0]"));
    }
}
