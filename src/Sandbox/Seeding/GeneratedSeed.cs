using System.Globalization;
using System.Text.Json.Nodes;
using Connector.Sandbox.Handlers;
using Connector.Sandbox.Storage;
using static Connector.Sandbox.WellKnownIds;

namespace Connector.Sandbox.Seeding;

/// <summary>
/// <c>seed</c> generated contacts of the well-known location, added between June 2025 and the well-known
/// contacts (so these stay the newest), and around them: users, businesses, tasks, notes, opportunities,
/// appointments on free slots, and conversations with messages. One seeded random generator drives it all.
/// </summary>
internal sealed class GeneratedSeed(int seed, SeedBatch batch)
{
    private static readonly long First = SeedBatch.Ms("2025-06-01T08:00:00Z");
    private static readonly long Last = SeedBatch.Ms("2026-01-04T20:00:00Z");
    private static readonly TimeZoneInfo Zone = LocalTime.Zone(WellKnownSeed.Zone);

    private readonly Random _random = new(seed);
    private readonly List<string> _users = [User];
    private readonly List<string> _businesses = [Business];
    private readonly HashSet<DateTimeOffset> _booked = [LocalTime.Parse("2026-01-05T10:00:00-05:00")!.Value];

    public void Add()
    {
        if (seed == 0)
        {
            return;
        }

        for (var i = 0; i < 3; i++)
        {
            AddUser(i);
        }

        AddLists();

        for (var i = 0; i < Math.Max(1, seed / 10); i++)
        {
            AddBusiness(i);
        }

        for (var i = 0; i < seed; i++)
        {
            AddContact(i);
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private void AddUser(int index)
    {
        var id = Ids.New(_random);
        var (first, last) = (Pick(SeedNames.FirstNames), Pick(SeedNames.LastNames));
        _users.Add(id);
        batch.Add(DocumentTypes.User, id, null, First, First, new JsonObject
        {
            ["id"] = id,
            ["companyId"] = Company,
            ["name"] = $"{first} {last}",
            ["firstName"] = first,
            ["lastName"] = last,
            ["email"] = $"{first}.{last}.{index}@deodental.com".ToLowerInvariant(),
            ["phone"] = Phone(),
            ["extension"] = "",
            ["permissions"] = new JsonObject { ["contactsEnabled"] = true, ["appointmentsEnabled"] = true },
            ["roles"] = new JsonObject
            {
                ["type"] = "account",
                ["role"] = "user",
                ["locationIds"] = JsonText.Array([Location]),
                ["restrictSubAccount"] = false,
            },
            ["deleted"] = false,
            ["platformLanguage"] = "en_US",
        });
    }

    // A second calendar, and more campaigns, workflows and custom fields than the well-known ones.
    private void AddLists()
    {
        var calendar = Ids.New(_random);
        var hours = """
            [{"daysOfTheWeek":[2,4],"hours":[{"openHour":14,"openMinute":0,"closeHour":18,"closeMinute":0}]}]
            """;
        var body = CalendarHandlers.New(calendar, Location, new()
        {
            ["groupId"] = CalendarGroup,
            ["name"] = "Placement test",
            ["slug"] = "placement-test",
            ["slotDuration"] = 1,
            ["slotDurationUnit"] = "hours",
            ["slotInterval"] = 1,
            ["slotIntervalUnit"] = "hours",
            ["teamMembers"] = new JsonArray(new JsonObject { ["userId"] = User, ["priority"] = 1 }),
            ["openHours"] = JsonNode.Parse(hours),
        });
        batch.Add(DocumentTypes.Calendar, calendar, Location, First, First, body);
        foreach (var (name, status) in new[] { ("Summer school", "draft"), ("Newsletter welcome", "published") })
        {
            Add(DocumentTypes.Campaign, Ids.New(_random), new() { ["name"] = name, ["status"] = status });
        }

        foreach (var name in new[] { "Appointment reminder", "Missed call text back" })
        {
            var bytes = new byte[16];
            _random.NextBytes(bytes);
            Add(DocumentTypes.Workflow, new Guid(bytes).ToString(), new()
            {
                ["name"] = name,
                ["status"] = "published",
                ["version"] = 1,
                ["createdAt"] = JsonText.Time(First),
                ["updatedAt"] = JsonText.Time(First),
            });
        }

        var fields = new[]
        {
            ("Course level", "SINGLE_OPTIONS", "contact"), ("Preferred days", "CHECKBOX", "contact"),
            ("Deposit paid", "MONETORY", "opportunity"),
        };
        for (var i = 0; i < fields.Length; i++)
        {
            var (name, type, model) = fields[i];
            Add(DocumentTypes.CustomField, Ids.New(_random), new()
            {
                ["name"] = name,
                ["fieldKey"] = $"{model}.{name.ToLowerInvariant().Replace(' ', '_')}",
                ["dataType"] = type,
                ["position"] = i + 1,
                ["model"] = model,
            });
        }
    }

    private void Add(string type, string id, JsonObject fields)
    {
        var body = new JsonObject { ["id"] = id, ["locationId"] = Location };
        JsonText.Merge(body, fields);
        batch.Add(type, id, Location, First, First, body);
    }

    private void AddBusiness(int index)
    {
        var id = Ids.New(_random);
        var (city, state, postal) = Pick(SeedNames.Places);
        var name = $"{Pick(SeedNames.Companies)} {index + 1}";
        _businesses.Add(id);
        batch.Add(DocumentTypes.Business, id, Location, First, First, new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["email"] = $"hello@{name.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()}.example",
            ["city"] = city,
            ["state"] = state,
            ["postalCode"] = postal,
            ["country"] = "US",
            ["locationId"] = Location,
            ["createdAt"] = JsonText.Time(First),
            ["updatedAt"] = JsonText.Time(First),
        });
    }

    private void AddContact(int index)
    {
        var id = Ids.New(_random);
        var added = First + (long)(_random.NextDouble() * (Last - First));
        var updated = Math.Min(Last, added + _random.Next(0, 30 * 24) * 3_600_000L);
        var (first, last) = (Pick(SeedNames.FirstNames), Pick(SeedNames.LastNames));
        var (city, state, postal) = Pick(SeedNames.Places);
        var contact = ContactFields.New(id, Location);
        ContactFields.Apply(contact, new JsonObject
        {
            ["firstName"] = first,
            ["lastName"] = last,
            ["email"] = $"{first}.{last}.{index}@example.com".ToLowerInvariant(),
            ["phone"] = Phone(),
            ["city"] = city,
            ["state"] = state,
            ["postalCode"] = postal,
            ["country"] = "US",
            ["timezone"] = WellKnownSeed.Zone,
            ["source"] = Pick(SeedNames.Sources),
            ["tags"] = JsonText.Array(SeedNames.Tags.Where(_ => _random.Next(4) == 0)),
            ["companyName"] = _random.Next(3) == 0 ? Pick(SeedNames.Companies) : null,
            ["assignedTo"] = Pick(_users),
            ["businessId"] = _random.Next(5) == 0 ? Pick(_businesses) : null,
        });
        ContactFields.Stamp(contact, added, updated);
        batch.Add(DocumentTypes.Contact, id, Location, added, updated, contact);

        AddTasksAndNotes(id, added);
        if (_random.Next(10) < 4)
        {
            AddOpportunity(id, $"{first} {last}", added);
        }

        if (_random.Next(10) < 2)
        {
            AddAppointment(id, $"{first} {last}", added);
        }

        if (_random.Next(2) == 0)
        {
            AddConversation(id, added);
        }
    }

    private void AddTasksAndNotes(string contactId, long added)
    {
        for (var i = _random.Next(3); i > 0; i--)
        {
            var id = Ids.New(_random);
            batch.Add(DocumentTypes.Task, id, Location, added, added, new JsonObject
            {
                ["id"] = id,
                ["contactId"] = contactId,
                ["title"] = Pick(SeedNames.TaskTitles),
                ["body"] = "",
                ["assignedTo"] = Pick(_users),
                ["dueDate"] = JsonText.Time(added + (_random.Next(1, 30) * 86_400_000L)),
                ["completed"] = _random.Next(3) == 0,
            });
        }

        for (var i = _random.Next(3); i > 0; i--)
        {
            var id = Ids.New(_random);
            batch.Add(DocumentTypes.Note, id, Location, added, added, new JsonObject
            {
                ["id"] = id,
                ["contactId"] = contactId,
                ["userId"] = Pick(_users),
                ["body"] = Pick(SeedNames.NoteBodies),
                ["pinned"] = false,
                ["dateAdded"] = JsonText.Time(added),
            });
        }
    }

    private void AddOpportunity(string contactId, string name, long added)
    {
        var id = Ids.New(_random);
        var stage = $"sTaG00000000000000a{_random.Next(1, 5)}";
        batch.Add(DocumentTypes.Opportunity, id, Location, added, added, new JsonObject
        {
            ["id"] = id,
            ["name"] = $"Spring course - {name}",
            ["monetaryValue"] = _random.Next(2, 20) * 50,
            ["pipelineId"] = Pipeline,
            ["pipelineStageId"] = stage,
            ["assignedTo"] = Pick(_users),
            ["status"] = Pick(SeedNames.OpportunityStatuses),
            ["source"] = Pick(SeedNames.Sources),
            ["lastStatusChangeAt"] = JsonText.Time(added),
            ["lastStageChangeAt"] = JsonText.Time(added),
            ["createdAt"] = JsonText.Time(added),
            ["updatedAt"] = JsonText.Time(added),
            ["contactId"] = contactId,
            ["locationId"] = Location,
            ["customFields"] = new JsonArray(),
            ["followers"] = new JsonArray(),
        });
    }

    // A free slot of the well-known calendar's hours (weekdays 9:00 to 17:00) from 7 January 2026 on.
    private void AddAppointment(string contactId, string name, long added)
    {
        DateTimeOffset start;
        do
        {
            var day = new DateTime(2026, 1, 7, 0, 0, 0, DateTimeKind.Unspecified).AddDays(_random.Next(0, 50));
            start = LocalTime.At(day.AddHours(9).AddMinutes(30 * _random.Next(0, 16)), Zone);
        }
        while (start.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || !_booked.Add(start));

        var id = Ids.New(_random);
        var user = Pick(_users);
        batch.Add(DocumentTypes.Appointment, id, Location, added, added, new JsonObject
        {
            ["id"] = id,
            ["title"] = $"Discovery call with {name}",
            ["calendarId"] = WellKnownIds.Calendar,
            ["locationId"] = Location,
            ["contactId"] = contactId,
            ["groupId"] = CalendarGroup,
            ["appointmentStatus"] = _random.Next(5) == 0 ? "new" : "confirmed",
            ["assignedUserId"] = user,
            ["users"] = JsonText.Array([user]),
            ["isRecurring"] = false,
            ["startTime"] = LocalTime.Format(start, Zone),
            ["endTime"] = LocalTime.Format(start.AddMinutes(30), Zone),
            ["dateAdded"] = LocalTime.Format(DateTimeOffset.FromUnixTimeMilliseconds(added), Zone),
            ["dateUpdated"] = LocalTime.Format(DateTimeOffset.FromUnixTimeMilliseconds(added), Zone),
            ["createdBy"] = new JsonObject { ["userId"] = user, ["source"] = "third_party" },
        });
    }

    private void AddConversation(string contactId, long added)
    {
        var id = Ids.New(_random);
        var count = _random.Next(1, 5);
        var last = (Body: "", Direction: "", At: added);
        for (var i = 0; i < count; i++)
        {
            var at = added + (i * 3_600_000L);
            var messageId = Ids.New(_random);
            last = (Pick(SeedNames.MessageBodies), i % 2 == 0 ? "inbound" : "outbound", at);
            batch.Add(DocumentTypes.Message, messageId, Location, at, at, new JsonObject
            {
                ["id"] = messageId,
                ["type"] = 2,
                ["messageType"] = "TYPE_SMS",
                ["locationId"] = Location,
                ["contactId"] = contactId,
                ["conversationId"] = id,
                ["dateAdded"] = JsonText.Time(at),
                ["body"] = last.Body,
                ["direction"] = last.Direction,
                ["status"] = "delivered",
                ["contentType"] = "text/plain",
                ["attachments"] = new JsonArray(),
                ["source"] = "app",
            });
        }

        batch.Add(DocumentTypes.Conversation, id, Location, added, last.At, new JsonObject
        {
            ["id"] = id,
            ["contactId"] = contactId,
            ["locationId"] = Location,
            ["deleted"] = false,
            ["inbox"] = true,
            ["type"] = 1,
            ["unreadCount"] = last.Direction == "inbound" ? 1 : 0,
            ["assignedTo"] = Pick(_users),
            ["starred"] = false,
            ["dateAdded"] = JsonText.Time(added),
            ["dateUpdated"] = JsonText.Time(last.At),
            ["lastMessageDate"] = JsonText.Time(last.At),
            ["lastMessageBody"] = last.Body,
            ["lastMessageType"] = "TYPE_SMS",
            ["lastMessageDirection"] = last.Direction,
        });
    }

    private string Phone() =>
        "+1555" + _random.Next(0, 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
}
