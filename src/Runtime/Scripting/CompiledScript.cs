using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Acornima;
using Acornima.Ast;
using Jint;
using Jint.Constraints;
using Jint.Native;
using Jint.Runtime;

namespace Connector.Runtime.Scripting;

/// <summary>
/// A JavaScript function body, parsed once and run many times in sandboxed engines: no .NET types,
/// no files, no network, and bounded in time, memory, statements and recursion. Safe to call from
/// many threads; each run borrows an engine of its own from a small pool.
/// </summary>
public sealed class CompiledScript
{
    private const string FunctionName = "__connector_transform";

    private readonly Prepared<Script> _prepared;
    private readonly ScriptLimits _limits;
    private readonly ConcurrentBag<Engine> _engines = [];

    private CompiledScript(
        ScriptOrigin origin,
        IReadOnlyList<string> parameters,
        Prepared<Script> prepared,
        ScriptLimits limits)
    {
        Origin = origin;
        Parameters = parameters;
        _prepared = prepared;
        _limits = limits;
    }

    public ScriptOrigin Origin { get; }

    /// <summary>Names the script sees its arguments under, in order.</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>Parses <paramref name="body"/> as the body of a function of <paramref name="parameters"/>.</summary>
    /// <exception cref="ScriptException">The script does not compile; the message gives its line.</exception>
    public static CompiledScript Compile(
        string body,
        IReadOnlyList<string> parameters,
        ScriptOrigin origin,
        ScriptLimits? limits = null)
    {
        // The function header shares the script's first line, so script lines and error lines agree.
        var source = $"function {FunctionName}({string.Join(", ", parameters)}) {{ 'use strict'; {body}\n}}";
        try
        {
            var prepared = Engine.PrepareScript(source, origin.Name, strict: true);
            return new CompiledScript(origin, parameters, prepared, limits ?? ScriptLimits.Default);
        }
        catch (ScriptPreparationException error) when (error.InnerException is ParseErrorException parse)
        {
            throw new ScriptException(origin, parse.LineNumber, $"does not compile: {parse.Description}", error);
        }
    }

    /// <summary>Runs the script with one JSON argument per parameter and returns what it returns.</summary>
    /// <returns>
    /// The returned value as JSON; <c>undefined</c> is reported as <paramref name="returnedNothing"/>.
    /// </returns>
    /// <exception cref="ScriptException">The script threw or broke a bound.</exception>
    public JsonNode? Run(IReadOnlyList<JsonNode?> arguments, out bool returnedNothing)
    {
        var engine = Rent();
        var deadline = engine.Constraints.Find<OperationDeadlineConstraint>()!;
        var healthy = false;
        try
        {
            // One budget for the whole run (arguments in, script, result out), and none for preparing
            // the engine: a cold engine can take longer to set up than a run may last.
            deadline.Begin(_limits.Timeout);
            engine.Constraints.Reset();
            var values = new JsValue[arguments.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = JsonBridge.ToJs(engine, arguments[i]);
            }

            var result = engine.Invoke(FunctionName, values);
            returnedNothing = !JsonBridge.TryToJson(engine, result, out var output);
            healthy = true;
            return output;
        }
        catch (Exception error) when (error is JintException or JavaScriptException or TimeoutException
                                          or InvalidOperationException or OperationCanceledException)
        {
            throw Describe(error);
        }
        finally
        {
            deadline.End();

            // An engine that broke a bound may hold a half-run state: it is dropped, not reused.
            if (healthy)
            {
                _engines.Add(engine);
            }
        }
    }

    private Engine Rent()
    {
        if (_engines.TryTake(out var engine))
        {
            return engine;
        }

        // Known shortcoming: the engine checks these bounds between statements, so one built-in call
        // ('x'.repeat(2 ** 28), a join over a vast sparse array) can allocate hundreds of MiB and run for
        // seconds before the memory or time bound notices. They stop runaway loops, not one giant call;
        // closing that gap needs scripts run out of process.
        engine = new Engine(options => options
            .Strict()
            .Constraint(new OperationDeadlineConstraint())
            .LimitMemory(_limits.MemoryBytes)
            .MaxStatements(_limits.MaxStatements)
            .LimitRecursion(_limits.MaxRecursionDepth));
        engine.Execute(_prepared);

        // Built-ins are frozen once per engine, so a script cannot leave state behind for the next run
        // through globals, patched prototypes or properties hung on built-in functions.
        SandboxHardening.Apply(engine);
        return engine;
    }

    private ScriptException Describe(Exception error)
    {
        var line = JintException.TryGetJavaScriptLocation(error, out var location) ? location.Start.Line : 0;
        var problem = error switch
        {
            JavaScriptException thrown => $"threw {thrown.Message}",
            TimeoutException => $"ran longer than {_limits.Timeout.TotalMilliseconds:0} ms",
            MemoryLimitExceededException => $"used more than {_limits.MemoryBytes / (1024 * 1024)} MiB of memory",
            StatementsCountOverflowException => $"ran more than {_limits.MaxStatements:N0} statements",
            RecursionDepthOverflowException => $"nested calls deeper than {_limits.MaxRecursionDepth}",
            _ => error.Message,
        };
        return new ScriptException(Origin, line, problem, error);
    }
}
