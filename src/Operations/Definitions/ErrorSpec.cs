namespace Connector.Operations.Definitions;

/// <summary>Where a vendor's error bodies keep their message and trace id.</summary>
public sealed record ErrorSpec
{
    public string Message { get; init; } = "message";

    public string? TraceId { get; init; }
}
