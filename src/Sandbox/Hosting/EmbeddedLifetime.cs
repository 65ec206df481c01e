using Microsoft.Extensions.Hosting;

namespace Connector.Sandbox.Hosting;

/// <summary>
/// A host lifetime that leaves the process alone. The default one takes over Ctrl-C and SIGTERM, which
/// belong to the program that embeds the sandbox (the CLI stops it cleanly itself; tests never signal).
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
