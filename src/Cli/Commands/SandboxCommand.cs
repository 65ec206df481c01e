using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Connector.Sandbox;

namespace Connector.Cli.Commands;

/// <summary>
/// <c>connector sandbox</c>: serves the built-in GHL sandbox on 127.0.0.1 until Ctrl-C or SIGTERM;
/// <c>connector sandbox token</c>: adds a private integration token to a sandbox's data folder.
/// </summary>
internal static class SandboxCommand
{
    /// <summary>Environment variable naming Connector's home folder (default ~/.connector).</summary>
    public const string HomeVariable = "CONNECTOR_HOME";

    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (default: a free one)." };
        var data = DataOption();
        var inMemory = new Option<bool>("--in-memory") { Description = "Keep the data in memory only." };
        var seed = new Option<int>("--seed")
        {
            Description = "Contacts to generate (with what surrounds them) in new data; same number, same data.",
        };
        var definitions = CommonOptions.Definitions();
        var command = new Command("sandbox", "Serve a local, stateful stand-in for the GHL API until Ctrl-C.")
        {
            port, data, inMemory, seed, definitions, Token(),
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(inMemory) && parse.GetValue(data) is not null)
            {
                throw new CommandException("give --data or --in-memory, not both");
            }

            var options = new SandboxOptions
            {
                Port = parse.GetValue(port),
                DataFolder = parse.GetValue(inMemory) ? null : parse.GetValue(data) ?? DefaultDataFolder(),
                Seed = parse.GetValue(seed),
                Catalog = CatalogSource.Load(parse.GetValue(definitions)),
            };
            return await ServeAsync(options, parse.InvocationConfiguration, cancellationToken);
        });
        return command;
    }

    private static Option<string?> DataOption() => new("--data")
    {
        Description = $"Folder of the sandbox's data (default: ${HomeVariable}/sandbox, or ~/.connector/sandbox).",
    };

    private static async Task<int> ServeAsync(
        SandboxOptions options,
        InvocationConfiguration console,
        CancellationToken cancellationToken)
    {
        SandboxServer server;
        try
        {
            server = await SandboxServer.StartAsync(options, cancellationToken);
        }
        catch (IOException failure)
        {
            var reason = $"cannot listen on 127.0.0.1:{options.Port}: {failure.Message}";
            throw new CommandException(reason, inner: failure);
        }
        catch (ArgumentException failure)
        {
            throw new CommandException(Reason(failure), inner: failure);
        }
        catch (InvalidOperationException failure)
        {
            throw new CommandException(failure.Message, inner: failure);
        }

        await using (server)
        {
            await console.Output.WriteLineAsync(server.BaseUrl.ToString());
            await console.Output.FlushAsync(CancellationToken.None);
            var where = options.DataFolder is { } folder ? $"data in {folder}" : "data in memory";
            var count = server.Data.Catalog.Count;
            await console.Error.WriteLineAsync(
                $"connector: sandbox answers {count} operations ({where}, seed {server.Data.Seed}); Ctrl-C stops it");
            if (options.DataFolder is null)
            {
                // `sandbox token` reaches a sandbox through its data folder; one in memory has none to share.
                var token = await server.CreatePrivateTokenAsync(cancellationToken: cancellationToken);
                await console.Error.WriteLineAsync(
                    $"connector: a token for it (every scope, location {token.LocationId}): {token.Token}");
            }
            await UntilStoppedAsync(cancellationToken);
            await server.StopAsync(CancellationToken.None);
        }

        return 0;
    }

    // Ctrl-C and SIGTERM are a clean stop, not a failure. The command takes the signals itself, since
    // the invocation does not turn them into cancellation (ProcessTerminationTimeout is not set).
    private static async Task UntilStoppedAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopped as asked.
        }
    }

    private static Command Token()
    {
        var data = DataOption();
        var location = new Option<string?>("--location")
        {
            Description = $"Location the token covers (default: {WellKnownIds.Location}).",
        };
        var company = new Option<bool>("--company") { Description = "An agency (company) token, not a location's." };
        var scopes = new Option<string?>("--scopes")
        {
            Description = "Space-separated scopes (default: every scope the catalog knows).",
        };
        var json = CommonOptions.Json();
        var definitions = CommonOptions.Definitions();
        var command = new Command("token", "Create a private integration token (pit-...) in a sandbox's data.")
        {
            data, location, company, scopes, json, definitions,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new SandboxOptions
            {
                DataFolder = parse.GetValue(data) ?? DefaultDataFolder(),
                Catalog = CatalogSource.Load(parse.GetValue(definitions)),
            };
            var named = parse.GetValue(scopes)?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var token = await CreateTokenAsync(
                options, parse.GetValue(company), parse.GetValue(location), named, cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync(parse.GetValue(json)
                ? JsonText.Format(new JsonObject
                {
                    ["token"] = token.Token,
                    ["locationId"] = token.LocationId,
                    ["companyId"] = token.CompanyId,
                })
                : token.Token);
            return 0;
        });
        return command;
    }

    private static async Task<SandboxToken> CreateTokenAsync(
        SandboxOptions options,
        bool company,
        string? location,
        string[]? scopes,
        CancellationToken cancellationToken)
    {
        await using var sandbox = await SandboxData.OpenAsync(options, cancellationToken);
        try
        {
            return company
                ? await sandbox.CreateCompanyTokenAsync(scopes: scopes, cancellationToken: cancellationToken)
                : await sandbox.CreatePrivateTokenAsync(location, scopes, cancellationToken);
        }
        catch (ArgumentException failure)
        {
            throw new CommandException(Reason(failure), inner: failure);
        }
    }

    // The option's name is already in the message; the "(Parameter 'x')" suffix is for programmers.
    private static string Reason(ArgumentException failure) =>
        failure.ParamName is { } name
            ? failure.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal)
            : failure.Message;

    private static string DefaultDataFolder()
    {
        var home = Environment.GetEnvironmentVariable(HomeVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".connector");
        return Path.Combine(home, "sandbox");
    }
}
