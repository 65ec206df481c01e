using Connector.Operations.Definitions;

namespace Connector.Sandbox.Routing;

/// <summary>
/// The success status the vendor answers an operation with. The vendor's API is built on NestJS, which
/// answers POST with 201 and everything else with 200 unless a route says otherwise; these routes do
/// (from the `responses` of the vendor's OpenAPI files).
/// </summary>
internal static class VendorStatus
{
    private static readonly HashSet<string> PostAnsweredOk = new(StringComparer.Ordinal)
    {
        "contacts.search", "contacts.find", "contacts.upsert", "contacts.workflows.add", "contacts.bulk_business",
        "users.filter_by_email", "calendars.groups.validate_slug", "calendars.create",
        "calendars.appointments.create", "calendars.notifications.create", "opportunities.upsert",
        "conversations.messages.send", "locations.create", "blogs.posts.create",
    };

    private static readonly HashSet<string> OtherAnsweredCreated = new(StringComparer.Ordinal)
    {
        "calendars.events.delete", "calendars.block_slots.update",
    };

    public static int For(OperationDefinition operation)
    {
        if (operation.Request.Method == "POST")
        {
            return PostAnsweredOk.Contains(operation.Key) ? 200 : 201;
        }

        return OtherAnsweredCreated.Contains(operation.Key) ? 201 : 200;
    }
}
