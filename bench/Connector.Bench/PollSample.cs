namespace Connector.Bench;

/// <summary>One poll of one recipe in the host: when it was due, when it started, and how long it ran.</summary>
internal readonly record struct PollSample(DateTimeOffset Scheduled, DateTimeOffset Started, TimeSpan Duration)
{
    /// <summary>How late the poll started: its start minus the time its trigger was due.</summary>
    public TimeSpan Lag => Started - Scheduled;
}
