namespace Connector.Sandbox.Tests.Support;

/// <summary>
/// The operations whose vendor response schema cannot judge an answer as it stands, each with the correction
/// the catalog walk applies before judging. The uncorrected schema must still reject the answer (or be empty
/// or absent), so that an entry goes once the vendor fixes its files.
/// </summary>
internal static class SchemaCorrections
{
    private const string Event = "/properties/event/properties";

    private const string Events = "/properties/events/items/properties";

    private const string Pipelines = "/properties/pipelines/items/properties";

    private static readonly string[] EventTimes = ["startTime", "endTime", "dateAdded", "dateUpdated"];

    private static readonly string[] AssociationLabels =
        ["firstObjectLabel", "firstObjectKey", "secondObjectLabel", "secondObjectKey", "associationType"];

    // What contacts.search and contacts.find promise of each contact, from their definitions' output samples.
    private const string SearchedContacts = """
        {
          "type": "object",
          "required": ["contacts", "total"],
          "properties": {
            "contacts": {"type": "array", "items": {
              "type": "object",
              "required": ["id", "locationId", "tags", "dateAdded", "dateUpdated", "searchAfter"],
              "properties": {
                "id": {"type": "string"}, "locationId": {"type": "string"},
                "firstNameLowerCase": {"type": "string"}, "lastNameLowerCase": {"type": "string"},
                "email": {"type": "string"}, "phone": {"type": "string"},
                "tags": {"type": "array", "items": {"type": "string"}},
                "dateAdded": {"type": "string"}, "dateUpdated": {"type": "string"},
                "searchAfter": {"type": "array", "minItems": 2, "maxItems": 2}
              }
            }},
            "total": {"type": "integer", "minimum": 0}
          }
        }
        """;

    // What contacts.get_duplicate promises, from its definition's output sample: the contact, or null for none.
    private const string DuplicateContact = """
        {
          "type": "object",
          "required": ["contact"],
          "properties": {
            "contact": {
              "type": ["object", "null"],
              "required": ["id", "locationId", "dateAdded", "dateUpdated"],
              "properties": {
                "id": {"type": "string"}, "locationId": {"type": "string"},
                "firstName": {"type": "string"}, "lastName": {"type": "string"},
                "email": {"type": "string"}, "phone": {"type": "string"},
                "dateAdded": {"type": "string"}, "dateUpdated": {"type": "string"}
              }
            }
          }
        }
        """;

    // A relation as the associations.relations definitions read it: the request's fields and the relation's id.
    private const string Relation = """
        {
          "type": "object",
          "required": ["id", "associationId", "firstRecordId", "secondRecordId", "locationId"],
          "properties": {
            "id": {"type": "string"}, "associationId": {"type": "string"},
            "firstRecordId": {"type": "string"}, "secondRecordId": {"type": "string"},
            "locationId": {"type": "string"}
          }
        }
        """;

    private const string RelationList = $$"""
        {
          "type": "object",
          "required": ["relations", "total"],
          "properties": {
            "relations": {"type": "array", "items": {{Relation}}},
            "total": {"type": "integer", "minimum": 0}
          }
        }
        """;

    private const string TagUpdate = """
        {
          "type": "object",
          "required": ["contactId", "type"],
          "properties": {
            "contactId": {"type": "string"}, "message": {"type": "string"}, "type": {"type": "string"},
            "oldTags": {"type": "array", "items": {"type": "string"}},
            "tagsAdded": {"type": "array", "items": {"type": "string"}},
            "tagsRemoved": {"type": "array", "items": {"type": "string"}}
          }
        }
        """;

    private const string Stage = """
        {
          "type": "object",
          "required": ["id", "name"],
          "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "position": {"type": "integer"}}
        }
        """;

    private const string LabelsTypedObject =
        "labels and object keys are typed object; the vendor's examples are strings";

    /// <summary>The correction of each such operation, by operation key.</summary>
    public static IReadOnlyDictionary<string, SchemaCorrection> ByKey { get; } =
        new Dictionary<string, SchemaCorrection>(StringComparer.Ordinal)
        {
            ["contacts.search"] = SchemaCorrection
                .Because("the vendor's response schema is empty (SearchBodyV2DTO)")
                .WrittenAs(SearchedContacts),
            ["contacts.find"] = SchemaCorrection
                .Because("shares POST /contacts/search, whose response schema is empty")
                .WrittenAs(SearchedContacts),
            ["contacts.get_duplicate"] = SchemaCorrection
                .Because("the vendor documents no response schema")
                .WrittenAs(DuplicateContact),
            ["contacts.tags.bulk_update"] = SchemaCorrection
                .Because("responses are typed strings; the vendor answers an object per contact")
                .Replace("/properties/responses/items", TagUpdate),
            ["conversations.messages.recording"] = SchemaCorrection
                .NotJson("the answer is audio (audio/x-wav), not JSON"),
            ["conversations.messages.transcription_download"] = SchemaCorrection
                .NotJson("the answer is text/plain, not JSON"),
            ["conversations.messages.transcription"] = SchemaCorrection
                .Because("the schema is one sentence; the vendor answers an array of them")
                .ArrayOfIt(),
            ["calendars.appointments.get"] = SchemaCorrection
                .Because("startTime, endTime, dateAdded, dateUpdated are typed object; the vendor answers strings")
                .Retype("string", [.. EventTimes.Select(p => $"{Event}/{p}")]),
            ["calendars.events.list"] = SchemaCorrection
                .Because("startTime, endTime, dateAdded, dateUpdated are typed object; the vendor answers strings")
                .Retype("string", [.. EventTimes.Select(p => $"{Events}/{p}")]),
            ["calendars.blocked_slots.list"] = SchemaCorrection
                .Because("times typed object; blocks required to have a contact, group, status and users")
                .Retype("string", [.. EventTimes.Select(p => $"{Events}/{p}")])
                .Unrequire("/properties/events/items", "contactId", "groupId", "appointmentStatus", "users"),
            ["calendars.block_slots.create"] = SchemaCorrection
                .Because("startTime and endTime are typed object; the vendor answers strings")
                .Retype("string", "/properties/startTime", "/properties/endTime"),
            ["calendars.block_slots.update"] = SchemaCorrection
                .Because("startTime and endTime are typed object; the vendor answers strings")
                .Retype("string", "/properties/startTime", "/properties/endTime"),
            ["opportunities.pipelines.list"] = SchemaCorrection
                .Because("stages is typed as an array of arrays; a stage is an object")
                .Replace($"{Pipelines}/stages/items", Stage),
            ["blogs.categories.list"] = SchemaCorrection
                .Because("requires a name that its properties do not define (they define label)")
                .Unrequire("/properties/categories/items", "name")
                .Require("/properties/categories/items", "label"),
            ["associations.create"] = LabelsRetyped(LabelsTypedObject),
            ["associations.get"] = LabelsRetyped(LabelsTypedObject),
            ["associations.get_by_key"] = LabelsRetyped(LabelsTypedObject),
            ["associations.get_by_object_key"] = LabelsRetyped(LabelsTypedObject),
            ["associations.update"] = LabelsRetyped(LabelsTypedObject),
            ["associations.list"] = LabelsRetyped($"the schema is one association, not the list; {LabelsTypedObject}")
                .ListedUnder("associations"),
            ["associations.relations.list"] = SchemaCorrection
                .Because("the schema is one association, not the list of relations")
                .WrittenAs(RelationList),
            ["associations.relations.create"] = SchemaCorrection
                .Because("the schema is an association's, not a relation's")
                .WrittenAs(Relation),
            ["associations.relations.delete"] = SchemaCorrection
                .Because("the schema is an association's, not a relation's")
                .WrittenAs(Relation),
        };

    private static SchemaCorrection LabelsRetyped(string reason) =>
        SchemaCorrection.Because(reason).Retype("string", [.. AssociationLabels.Select(p => $"/properties/{p}")]);
}
