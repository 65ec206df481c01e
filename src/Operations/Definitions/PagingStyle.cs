namespace Connector.Operations.Definitions;

/// <summary>How a listing hands out its items page after page.</summary>
public enum PagingStyle
{
    /// <summary>Everything comes in one response.</summary>
    None,

    /// <summary>An offset and a page size.</summary>
    SkipLimit,

    /// <summary>A page number and a page size.</summary>
    Page,

    /// <summary>Cursor values read from the previous response (GHL's startAfter and startAfterId).</summary>
    StartAfter,

    /// <summary>The sort values of the last item read (GHL's searchAfter).</summary>
    SearchAfter,
}
