namespace Connector.Cli.Tests.Catalog;

/// <summary>
/// A contact's membership of a campaign or workflow, as the sandbox stores it: GHL has no operation
/// that reads a contact's campaigns or workflows, so the effect is read from the sandbox's own state.
/// </summary>
/// <param name="Type">The sandbox's document type of the membership.</param>
/// <param name="Parameter">
/// The example input naming the campaign or workflow; null to mean any membership of the contact.
/// </param>
/// <param name="Present">Whether the membership exists after the write.</param>
internal sealed record Membership(string Type, string? Parameter, bool Present)
{
    /// <summary>An operation invoked with its own example first, so that the write changes something.</summary>
    public string? Before { get; init; }
}
