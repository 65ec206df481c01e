using Connector.Bench;

// Every figure is a ratio against a baseline measured in the same run, on the same machine.
var only = args.FirstOrDefault();
if (only is null or "pipeline")
{
    await PipelineBenchmark.RunAsync(requests: ArgInt(args, "--requests", 10_000));
}

if (only is null or "transform")
{
    TransformBenchmark.Run();
}

if (only is null or "sandbox")
{
    await SandboxBenchmark.RunAsync(requests: ArgInt(args, "--requests", 6_000));
}

// Takes about three minutes: it waits on the sandbox's real rate limit.
if (only is "budget")
{
    await BudgetBenchmark.RunAsync(invocations: ArgInt(args, "--invocations", 2_000));
}

static int ArgInt(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
}
