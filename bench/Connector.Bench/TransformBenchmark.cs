using System.Diagnostics;
using System.Text.Json.Nodes;
using Connector.Runtime.Scripting;

namespace Connector.Bench;

/// <summary>The median cost of one call of a typical transform, next to a baseline of the same work in C#.</summary>
internal static class TransformBenchmark
{
    private const int Batches = 101;
    private const int CallsPerBatch = 2_000;

    public static void Run()
    {
        var script = CompiledScript.Compile(
            "return { id: output.id, name: (output.firstName + ' ' + output.lastName).trim(), "
                + "tags: output.tags.length };",
            ["output", "response", "status", "inputs"],
            new ScriptOrigin("bench", "transforms.after", "bench", 1));
        JsonNode output = new JsonObject
        {
            ["id"] = "c1",
            ["firstName"] = "Rosan",
            ["lastName"] = "Deo",
            ["tags"] = new JsonArray("a", "b"),
        };
        JsonNode?[] arguments = [output, null, JsonValue.Create(201), new JsonObject()];

        var transform = Median(() => script.Run(arguments, out _));
        JsonNode? sink = null;
        var baseline = Median(() => sink = new JsonObject
        {
            ["id"] = output["id"]!.DeepClone(),
            ["name"] = $"{output["firstName"]} {output["lastName"]}".Trim(),
            ["tags"] = output["tags"]!.AsArray().Count,
        });
        GC.KeepAlive(sink);
        Console.WriteLine($"transform: median of {Batches} batches of {CallsPerBatch:N0} calls");
        Console.WriteLine($"  same work in C#   {baseline,8:0.00} µs per call");
        Console.WriteLine($"  Jint transform    {transform,8:0.00} µs per call   (goal: under 10 µs)");
        Console.WriteLine($"  ratio transform/C# {transform / baseline,7:0.0}");
    }

    private static double Median(Action call)
    {
        for (var i = 0; i < CallsPerBatch; i++)
        {
            call();
        }

        var perCall = new double[Batches];
        for (var batch = 0; batch < Batches; batch++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < CallsPerBatch; i++)
            {
                call();
            }

            perCall[batch] = watch.Elapsed.TotalMicroseconds / CallsPerBatch;
        }

        Array.Sort(perCall);
        return perCall[Batches / 2];
    }
}
