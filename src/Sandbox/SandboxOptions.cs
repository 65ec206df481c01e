using Connector.Operations.Catalog;
using Microsoft.Extensions.Logging;

namespace Connector.Sandbox;

/// <summary>How a sandbox is started. Every default is the one the <c>connector sandbox</c> command uses.</summary>
public sealed record SandboxOptions
{
    /// <summary>Port on 127.0.0.1; 0 (the default) picks a free one (<see cref="SandboxServer.BaseUrl"/>).</summary>
    public int Port { get; init; }

    /// <summary>
    /// Folder that keeps the sandbox's database across restarts; null (the default) keeps everything in
    /// memory, gone when the sandbox stops.
    /// </summary>
    public string? DataFolder { get; init; }

    /// <summary>
    /// How many generated contacts (with their tasks, notes, appointments, opportunities and conversations)
    /// a new database is seeded with, and as many TrainerCentral learners; the same number always gives the same
    /// data. The objects with the well-known ids of <see cref="WellKnownIds"/> and
    /// <see cref="TrainerCentral.TrainerCentralIds"/> are seeded whatever the number. Default 0.
    /// A database that was seeded before keeps its data: the number only applies to a new one.
    /// </summary>
    public int Seed { get; init; }

    /// <summary>Request budgets; default <see cref="SandboxRateLimits.Vendor"/>. Changeable while running.</summary>
    public SandboxRateLimits RateLimits { get; init; } = SandboxRateLimits.Vendor;

    /// <summary>Clock of rate windows, token expiry and new objects' times; default the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// The operations the sandbox answers. When null, they are loaded from <see cref="DefinitionsFolder"/>.
    /// </summary>
    public OperationCatalog? Catalog { get; init; }

    /// <summary>
    /// Folder of definitions to load when <see cref="Catalog"/> is null; when this is null too,
    /// <see cref="Connector.Operations.Loading.DefinitionsFolder.Locate"/> decides.
    /// </summary>
    public string? DefinitionsFolder { get; init; }

    /// <summary>Where the sandbox logs; default nowhere.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Throws when a value cannot work, naming it and quoting it.</summary>
    public void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"Port must be between 0 and 65535, not {Port}.", nameof(Port));
        }

        if (Seed < 0)
        {
            throw new ArgumentException($"Seed must be 0 or more, not {Seed}.", nameof(Seed));
        }

        RateLimits.Validate();
    }
}
