using System.CommandLine;
using Connector.Recipes.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Connector.Cli.Commands;

/// <summary><c>connector host</c>: runs every enabled recipe on its schedule until stopped.</summary>
internal static class HostCommand
{
    public static Command Create()
    {
        var folder = RunCommand.RecipesFolder();
        var concurrency = new Option<int>("--max-concurrent-polls")
        {
            Description = "Polls that may run at once across recipes.",
            DefaultValueFactory = _ => 16,
        };
        var pollNow = new Option<bool>("--poll-now")
        {
            Description = "Poll every enabled recipe once as soon as the host starts, then on schedule.",
        };
        var definitions = CommonOptions.Definitions();
        var command = new Command(
            "host",
            "Run every enabled recipe on its schedule; reloads recipes when their files change; Ctrl-C stops.")
        {
            folder, concurrency, pollNow, definitions,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var recipes = parse.GetValue(folder)!;
            if (!Directory.Exists(recipes))
            {
                throw new CommandException($"no recipes folder at '{recipes}'");
            }

            // The runtime's own events (retries, token refreshes, a connection that needs signing in again)
            // reach the same console as the host's.
            using var loggers = LoggerFactory.Create(ConfigureLogging);
            using var session = new RecipeSession(parse.GetValue(definitions), loggers);
            var options = new RecipeHostOptions
            {
                RecipesFolder = Path.GetFullPath(recipes),
                MaxConcurrentPolls = parse.GetValue(concurrency),
                PollNow = parse.GetValue(pollNow),
            };
            using var host = RecipeHostBuilder.Build(options, session.Catalog, session.Engine, ConfigureLogging);
            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"Hosting the recipes of {options.RecipesFolder}; Ctrl-C stops.");
            await host.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }

    // One line per event, timestamped; the frameworks' chatter below warnings left out.
    private static void ConfigureLogging(ILoggingBuilder logging) => logging
        .AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        })
        .SetMinimumLevel(LogLevel.Information)
        .AddFilter("Quartz", LogLevel.Warning)
        .AddFilter("Microsoft", LogLevel.Warning);
}
