namespace Connector.Operations.Definitions;

/// <summary>Where a trigger's items are and how to tell them apart.</summary>
public sealed record TriggerSpec
{
    /// <summary>Dotted path of the items in the output; <c>.</c> for the output itself.</summary>
    public required string Items { get; init; }

    /// <summary>Field that identifies an item.</summary>
    public required string Id { get; init; }

    /// <summary>Field that changes whenever the item changes, where the vendor has one.</summary>
    public string? Updated { get; init; }

    public PagingSpec Paging { get; init; } = new() { Style = PagingStyle.None };
}
