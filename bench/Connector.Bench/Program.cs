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

// Takes a few minutes: a minute or so of first polls, then the minutes measured.
if (only is "host")
{
    var recipes = ArgInt(args, "--recipes", 10_000);
    await HostBenchmark.RunAsync(
        recipes,
        minutes: ArgInt(args, "--minutes", 2),
        locations: ArgInt(args, "--locations", Math.Max(1, recipes / HostBenchmark.RecipesPerLocation)));
}

static int ArgInt(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
}
