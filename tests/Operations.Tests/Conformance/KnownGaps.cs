using Connector.Operations.Definitions;

namespace Connector.Operations.Tests.Conformance;

/// <summary>
/// Every known hole in the vendor's OpenAPI files (apps/*.json) that the conformance test accepts, each
/// with its reason. The test fails for a gap that no longer holds, so the list stays exact: when the
/// vendor fixes a file, remove its entry here.
/// </summary>
internal static class KnownGaps
{
    public static IReadOnlyList<KnownGap> All { get; } =
    [
        KnownGap.UndeclaredPathParameter("contacts.tags.bulk_update", "type",
            "contacts.json declares no {type} parameter; its description names add and remove"),
        KnownGap.UndeclaredPathParameter("blogs.posts.update", "postId",
            "blogs.json declares no parameters for PUT /blogs/posts/{postId} but the Version header"),
        KnownGap.UndeclaredPathParameter("calendars.appointment_notes.update", "noteId",
            "calendars.json declares appointmentId but not noteId"),
        KnownGap.UndeclaredPathParameter("calendars.appointment_notes.delete", "noteId",
            "calendars.json declares appointmentId but not noteId"),
        KnownGap.UndeclaredPathParameter("conversations.email.get", "id",
            "conversations.json declares no parameters at all for GET /conversations/messages/email/{id}"),
        KnownGap.UndeclaredPathParameter("conversations.messages.get", "id",
            "conversations.json declares only the Version header for GET /conversations/messages/{id}"),
        KnownGap.UndeclaredPathParameter("users.update", "userId",
            "users.json declares only the Version header for PUT /users/{userId}"),
        KnownGap.UndeclaredPathParameter("users.delete", "userId",
            "users.json declares only the Version header for DELETE /users/{userId}"),

        KnownGap.EmptyBodySchema("contacts.search", "SearchBodyV2DTO",
            "the search body is {} in contacts.json; locationId, pageLimit and filters are documented only "
            + "in the vendor's threads (issue #31) and external docs"),
        KnownGap.EmptyBodySchema("contacts.find", "SearchBodyV2DTO",
            "runs the contact search, whose body is {} in contacts.json (see contacts.search)"),

        KnownGap.NoVendorScope("contacts.tags.bulk_update",
            "contacts.json has no security block and Scopes.md no entry; contacts.write is required in "
            + "practice (ghl-api.md, known gaps)"),
        KnownGap.NoVendorScope("contacts.bulk_business",
            "contacts.json has no security block and Scopes.md no entry; contacts.write is required in "
            + "practice (ghl-api.md, known gaps)"),
        KnownGap.NoVendorScope("conversations.email.get",
            "the v2 conversations.json has no security block; the catalog list takes the scope from "
            + "the v3 file"),
        KnownGap.NoVendorScope("snapshots.list",
            "snapshots.json names Agency-Access with no scope; the catalog list takes snapshots.readonly "
            + "from the vendor's Scopes.md"),

        KnownGap.NoVendorTokenType("contacts.tags.bulk_update", [TokenType.Location, TokenType.Company],
            "no security block in contacts.json; the definition accepts both token types, as its "
            + "description says"),
        KnownGap.NoVendorTokenType("contacts.bulk_business", [TokenType.Location],
            "no security block in contacts.json; a location token, like every other contact operation"),
        KnownGap.NoVendorTokenType("conversations.email.get", [TokenType.Location],
            "no security block in the v2 conversations.json; the v3 file names the sub-account bearer "
            + "scheme"),
    ];

    /// <summary>The gaps of one operation.</summary>
    public static IReadOnlyList<KnownGap> For(string key) =>
        All.Where(g => string.Equals(g.Key, key, StringComparison.Ordinal)).ToList();
}
