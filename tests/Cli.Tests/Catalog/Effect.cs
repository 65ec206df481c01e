namespace Connector.Cli.Tests.Catalog;

/// <summary>How the effect of one writing operation, invoked with its example, is read back.</summary>
/// <param name="Read">The operation that shows the effect.</param>
/// <param name="ReadInputs">
/// Its inputs as a JSON template over the example inputs and the write's output (<c>{{output.id}}</c>).
/// </param>
/// <param name="Expect">What the read must show.</param>
internal sealed record Effect(string Read, string ReadInputs, params Expectation[] Expect)
{
    /// <summary>
    /// An operation invoked with its own example first, so that the write changes something the seed
    /// does not already hold (a follower to remove, a tag that is not there yet).
    /// </summary>
    public string? Before { get; init; }
}
