namespace Connector.Operations.Definitions;

/// <summary>How a trigger reads the pages of its listing.</summary>
public sealed record PagingSpec
{
    public PagingStyle Style { get; init; }

    /// <summary>Where the paging parameters go: <c>query</c> or <c>body</c>.</summary>
    public string In { get; init; } = "query";

    /// <summary>Name of the page-size parameter.</summary>
    public string? Limit { get; init; }

    public int PageSize { get; init; }

    /// <summary>Name of the offset parameter (<see cref="PagingStyle.SkipLimit"/>).</summary>
    public string? Skip { get; init; }

    /// <summary>Name of the page-number parameter (<see cref="PagingStyle.Page"/>).</summary>
    public string? Page { get; init; }

    public int FirstPage { get; init; } = 1;

    /// <summary>
    /// Request parameter to where its next value is read: a dotted path in the response, or
    /// <c>$last.field</c> for a field of the last item.
    /// </summary>
    public IReadOnlyDictionary<string, string> Cursor { get; init; } = new Dictionary<string, string>();

    /// <summary>Dotted path of a boolean in the response that says whether more pages follow.</summary>
    public string? HasMore { get; init; }
}
