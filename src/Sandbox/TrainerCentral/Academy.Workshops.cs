using System.Text.Json.Nodes;

namespace Connector.Sandbox.TrainerCentral;

/// <summary>Live workshops (talks), lessons, and registrations for workshops.</summary>
internal sealed partial class Academy
{
    /// <summary>Every live workshop, soonest first, past ones too (the listing's filter 5 is "all").</summary>
    public IEnumerable<JsonObject> Workshops() =>
        store.List(AcademyDocuments.Workshop, OrgId).Select(d => d.Parse())
            .OrderBy(w => AcademyIds.ParseTime(JsonText.String(w, "scheduledTime")) ?? 0)
            .ThenBy(w => JsonText.String(w, "sessionId"), StringComparer.Ordinal);

    public JsonObject Workshop(string sessionId) =>
        Load(AcademyDocuments.Workshop, sessionId, $"Live workshop {sessionId}");

    /// <summary>Schedules a live workshop (a session of delivery mode 3) and the talk that lists it.</summary>
    public JsonObject Schedule(string name, string? courseId, long start, long end, string timezone)
    {
        CheckSchedule(start, end, timezone);
        if (courseId is not null)
        {
            Course(courseId);
        }

        var sessionId = AcademyIds.New();
        var workshop = new JsonObject
        {
            ["id"] = AcademyIds.New(),
            ["sessionId"] = sessionId,
            ["name"] = name,
            ["courseId"] = courseId,
            ["scheduledTime"] = AcademyIds.Time(start),
            ["scheduledEndTime"] = AcademyIds.Time(end),
            ["timezone"] = timezone,
            ["joinURL"] = $"{TrainerCentralIds.AcademyUrl}/meeting/{sessionId}",
            ["registeredCount"] = 0,
            ["attendedCount"] = 0,
            ["createdTime"] = AcademyIds.Time(Now),
        };
        if (courseId is null)
        {
            workshop.Remove("courseId");
        }

        Save(AcademyDocuments.Workshop, sessionId, Now, workshop);
        return workshop;
    }

    /// <summary>Adds an on-demand lesson (delivery mode 4) to a course; lessons are not listed as talks.</summary>
    public JsonObject AddLesson(string name, string courseId)
    {
        Course(courseId);
        var sessionId = AcademyIds.New();
        var lesson = new JsonObject
        {
            ["sessionId"] = sessionId,
            ["name"] = name,
            ["courseId"] = courseId,
            ["deliveryMode"] = 4,
            ["createdTime"] = AcademyIds.Time(Now),
        };
        Save(AcademyDocuments.Lesson, sessionId, Now, lesson);
        return lesson;
    }

    public JsonObject Reschedule(string sessionId, long start, long end)
    {
        lock (_gate)
        {
            var workshop = Workshop(sessionId);
            CheckSchedule(start, end, JsonText.String(workshop, "timezone")!);
            workshop["scheduledTime"] = AcademyIds.Time(start);
            workshop["scheduledEndTime"] = AcademyIds.Time(end);
            Update(AcademyDocuments.Workshop, sessionId, workshop);
            return workshop;
        }
    }

    /// <summary>Deletes a workshop (with its registrations) or a lesson; 404 when there is neither.</summary>
    public void DeleteSession(string sessionId)
    {
        lock (_gate)
        {
            if (store.Delete(AcademyDocuments.Lesson, sessionId))
            {
                return;
            }

            if (!store.Delete(AcademyDocuments.Workshop, sessionId))
            {
                throw AcademyError.NotFound($"Session {sessionId}");
            }

            foreach (var registration in Registrations(sessionId).ToList())
            {
                store.Delete(AcademyDocuments.Registration, registration.Id);
            }
        }
    }

    /// <summary>Registers a learner for a workshop once: a second registration changes nothing.</summary>
    public JsonObject Register(JsonObject learner, string sessionId)
    {
        lock (_gate)
        {
            var workshop = Workshop(sessionId);
            var orgMemberId = JsonText.String(learner, "orgMemberId")!;
            var id = $"{sessionId}:{orgMemberId}";
            if (store.Get(AcademyDocuments.Registration, id) is not null)
            {
                return workshop;
            }

            Save(AcademyDocuments.Registration, id, Now, new JsonObject
            {
                ["sessionId"] = sessionId,
                ["orgMemberId"] = orgMemberId,
                ["email"] = JsonText.String(learner, "email"),
                ["registeredTime"] = AcademyIds.Time(Now),
            });
            workshop["registeredCount"] = (int)(JsonText.Number(workshop, "registeredCount") ?? 0) + 1;
            Update(AcademyDocuments.Workshop, sessionId, workshop);
            return workshop;
        }
    }

    /// <summary>The emails of those registered for a workshop, in the order they registered.</summary>
    public IReadOnlyList<string> Registrants(string sessionId)
    {
        Workshop(sessionId);
        return [.. Registrations(sessionId)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => JsonText.String(d.Parse(), "email")!)];
    }

    private IEnumerable<Storage.StoredDocument> Registrations(string sessionId) =>
        store.List(AcademyDocuments.Registration, OrgId)
            .Where(d => d.Id.StartsWith(sessionId + ":", StringComparison.Ordinal));

    private static void CheckSchedule(long start, long end, string timezone)
    {
        if (end <= start)
        {
            throw AcademyError.Invalid("scheduledEndTime must be after scheduledTime");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timezone, out _))
        {
            throw AcademyError.Invalid($"'{timezone}' is not a known time zone");
        }
    }
}
