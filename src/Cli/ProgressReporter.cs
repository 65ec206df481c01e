using Spectre.Console;

namespace Connector.Cli;

/// <summary>
/// Long work in a terminal shows a progress bar; when output goes to a file or a pipe (or a test),
/// it prints one plain line per item instead.
/// </summary>
internal static class ProgressReporter
{
    /// <summary>Whether <paramref name="output"/> is a terminal a person watches, where a bar can be drawn.</summary>
    public static bool IsInteractive(TextWriter output) =>
        ReferenceEquals(output, Console.Out)
        && !Console.IsOutputRedirected
        && AnsiConsole.Profile.Capabilities.Interactive;

    public static async Task RunAsync<T>(
        TextWriter output,
        string title,
        IReadOnlyList<T> items,
        Func<T, Task<string>> work)
    {
        if (!IsInteractive(output))
        {
            for (var i = 0; i < items.Count; i++)
            {
                var line = await work(items[i]);
                await output.WriteLineAsync($"[{i + 1}/{items.Count}] {line}");
            }

            return;
        }

        await AnsiConsole.Progress()
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: items.Count);
                foreach (var item in items)
                {
                    var line = await work(item);
                    AnsiConsole.MarkupLine(Markup.Escape(line));
                    task.Increment(1);
                }
            });
    }
}
