using System.Text.Json.Nodes;
using Connector.Operations.Definitions;
using Connector.Sandbox.Tests.Support;

namespace Connector.Sandbox.Tests;

/// <summary>
/// Every operation of the catalog, sent as its definition's example to a freshly reset sandbox, is
/// answered with a status the vendor documents for it, and a body that fits the vendor's response schema.
/// </summary>
public sealed class CatalogWalkTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    /// <summary>
    /// Operations whose vendor schema cannot judge an answer, and why. Each must still disagree with the
    /// sandbox's answer (or have no schema), so that the list shrinks when the vendor fixes its files.
    /// </summary>
    private const string LabelsTypedObject =
        "labels and object keys are typed object; the vendor's examples are strings";

    private static readonly Dictionary<string, string> UncheckedSchemas = new(StringComparer.Ordinal)
    {
        ["contacts.search"] = "the vendor's response schema is empty (SearchBodyV2DTO)",
        ["contacts.find"] = "shares POST /contacts/search, whose response schema is empty",
        ["contacts.get_duplicate"] = "the vendor documents no response schema",
        ["contacts.tags.bulk_update"] = "responses are typed strings; the vendor answers an object per contact",
        ["conversations.messages.recording"] = "the answer is audio (audio/x-wav), not JSON",
        ["conversations.messages.transcription_download"] = "the answer is text/plain, not JSON",
        ["conversations.messages.transcription"] = "the schema is one sentence; the vendor answers an array of them",
        ["calendars.appointments.get"] = "startTime, endTime, dateAdded are typed object; the vendor answers strings",
        ["calendars.events.list"] = "startTime, endTime and dateAdded are typed object; the vendor answers strings",
        ["calendars.blocked_slots.list"] = "times typed object; blocks required to have a contact, group and status",
        ["calendars.block_slots.create"] = "startTime and endTime are typed object; the vendor answers strings",
        ["calendars.block_slots.update"] = "startTime and endTime are typed object; the vendor answers strings",
        ["opportunities.pipelines.list"] = "stages is typed as an array of arrays; a stage is an object",
        ["blogs.categories.list"] = "requires a name that its properties do not define (they define label)",
        ["associations.create"] = LabelsTypedObject,
        ["associations.get"] = LabelsTypedObject,
        ["associations.get_by_key"] = LabelsTypedObject,
        ["associations.get_by_object_key"] = LabelsTypedObject,
        ["associations.update"] = LabelsTypedObject,
        ["associations.list"] = "the schema is one association, not the list of them",
        ["associations.relations.list"] = "the schema is one association, not the list of relations",
        ["associations.relations.create"] = "the schema is an association's, not a relation's",
        ["associations.relations.delete"] = "the schema is an association's, not a relation's",
    };

    // TrainerCentral's operations are walked by TrainerCentral/ExampleTests: no vendor schemas describe them.
    public static TheoryData<string> Keys =>
        new(TestCatalog.Value.Operations.Where(o => o.Connector.Key == "ghl").Select(o => o.Key));

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task Example_is_answered_as_the_vendor_documents(string key)
    {
        await sandbox.Server.ResetAsync();
        var operation = TestCatalog.Value.Get(key);
        var token = operation.TokenTypes.Contains(TokenType.Location) ? sandbox.LocationToken : sandbox.CompanyToken;
        using var request = ExampleRequest.Build(operation, token);

        using var response = await sandbox.Http.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        var (statuses, schema) = VendorSchemas.For(key);
        Assert.True(statuses.Contains((int)response.StatusCode), $"{key}: {(int)response.StatusCode} {text}");
        var isJson = response.Content.Headers.ContentType?.MediaType == "application/json";
        var problems = schema is not null && isJson ? VendorSchemas.Check(schema, JsonNode.Parse(text)) : [];
        if (UncheckedSchemas.TryGetValue(key, out var reason))
        {
            Assert.True(schema is null || !isJson || problems.Count > 0,
                $"{key} is listed as unchecked ({reason}) but fits its schema now");
            return;
        }

        Assert.True(schema is not null, $"{key} has no vendor schema: list it with the reason");
        var lines = string.Join(Environment.NewLine, problems);
        Assert.True(problems.Count == 0, $"{key}: {lines}{Environment.NewLine}{text}");
    }
}
