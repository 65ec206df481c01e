using System.Text.Json.Nodes;
using Connector.Sandbox.Storage;

namespace Connector.Sandbox.TrainerCentral;

/// <summary>
/// The sandbox's TrainerCentral academy: its portal, courses, learners, course memberships and live
/// workshops, kept as documents in the sandbox's store. What the API's handlers and the hosting API
/// change, they change here, so that both see one world. Writes that read first hold one lock.
/// </summary>
internal sealed partial class Academy(SandboxStore store, TimeProvider time)
{
    private readonly Lock _gate = new();

    /// <summary>The one academy the sandbox has.</summary>
    public static string OrgId => TrainerCentralIds.OrgId;

    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    public IEnumerable<JsonObject> Portals() =>
        store.List(AcademyDocuments.Portal).OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => d.Parse());

    public bool HasOrg(string orgId) => store.Get(AcademyDocuments.Portal, orgId) is not null;

    /// <summary>The courses, newest first.</summary>
    public IEnumerable<JsonObject> Courses() => Newest(AcademyDocuments.Course);

    public JsonObject Course(string courseId) => Load(AcademyDocuments.Course, courseId, $"Course {courseId}");

    /// <summary>The learners, newest first: a learner added between two polls comes on the first page.</summary>
    public IEnumerable<JsonObject> Learners() => Newest(AcademyDocuments.Learner);

    public JsonObject? FindLearner(string email) =>
        store.List(AcademyDocuments.Learner, OrgId).Select(d => d.Parse())
            .FirstOrDefault(l => string.Equals(
                JsonText.String(l, "email"), email.Trim(), StringComparison.OrdinalIgnoreCase));

    public JsonObject Learner(string email) =>
        FindLearner(email) ?? throw AcademyError.NotFound($"Learner {email}");

    /// <summary>The learner of that email, invited now when there is none; an existing one stays as is.</summary>
    public JsonObject Invite(string email, string? firstName, string? lastName)
    {
        var address = CheckEmail(email);
        lock (_gate)
        {
            return FindLearner(address) ?? AddLearner(address, firstName, lastName, "invited", Now);
        }
    }

    /// <summary>A learner who signed up on their own, active at once; 409 when the email is taken.</summary>
    public JsonObject Join(string email, string? firstName, string? lastName)
    {
        var address = CheckEmail(email);
        lock (_gate)
        {
            return FindLearner(address) is null
                ? AddLearner(address, firstName, lastName, "active", Now)
                : throw new AcademyError(409, "DUPLICATE", $"{address} is a learner of the academy already");
        }
    }

    /// <summary>
    /// Renames a learner, changes their status, or rewrites their email (the same address: Zoho compares
    /// emails without case); their course memberships follow.
    /// </summary>
    public JsonObject ChangeLearner(string email, string? firstName, string? lastName, string? status, string? newEmail)
    {
        if (newEmail is not null && !string.Equals(newEmail.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            throw AcademyError.Invalid($"'{newEmail}' is another address than '{email}'; only its writing may change");
        }

        lock (_gate)
        {
            var learner = Learner(email);
            learner["email"] = newEmail?.Trim() ?? JsonText.String(learner, "email");
            learner["firstName"] = firstName ?? JsonText.String(learner, "firstName");
            learner["lastName"] = lastName ?? JsonText.String(learner, "lastName");
            var (first, last) = (JsonText.String(learner, "firstName"), JsonText.String(learner, "lastName"));
            learner["name"] = FullName(first, last, email);
            learner["status"] = status ?? JsonText.String(learner, "status");
            Update(AcademyDocuments.Learner, JsonText.String(learner, "id")!, learner);
            foreach (var enrolment in EnrolmentsOf(JsonText.String(learner, "orgMemberId")!))
            {
                enrolment["name"] = learner["name"]!.DeepClone();
                enrolment["email"] = learner["email"]!.DeepClone();
                Update(AcademyDocuments.Enrolment, JsonText.String(enrolment, "courseMembersId")!, enrolment);
            }

            return learner;
        }
    }

    internal static string FullName(string? firstName, string? lastName, string email)
    {
        var name = $"{firstName} {lastName}".Trim();
        return name.Length > 0 ? name : email[..email.IndexOf('@', StringComparison.Ordinal)];
    }

    private JsonObject AddLearner(string email, string? firstName, string? lastName, string status, long at)
    {
        var id = AcademyIds.New();
        var learner = new JsonObject
        {
            ["id"] = id,
            ["orgMemberId"] = AcademyIds.New(),
            ["email"] = email,
            ["name"] = FullName(firstName, lastName, email),
            ["firstName"] = firstName ?? "",
            ["lastName"] = lastName ?? "",
            ["status"] = status,
            ["time"] = AcademyIds.Time(at),
        };
        Save(AcademyDocuments.Learner, id, at, learner);
        return learner;
    }

    private static string CheckEmail(string email)
    {
        var address = email.Trim();
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < address.Length - 1 && !address.Contains(' ', StringComparison.Ordinal)
            ? address
            : throw AcademyError.Invalid($"'{email}' is not an email address");
    }

    private IEnumerable<JsonObject> Newest(string type) =>
        store.List(type, OrgId)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id, StringComparer.Ordinal)
            .Select(d => d.Parse());

    private JsonObject Load(string type, string id, string what) =>
        store.Get(type, id)?.Parse() ?? throw AcademyError.NotFound(what);

    private void Save(string type, string id, long createdAt, JsonObject body) =>
        store.Put(StoredDocument.From(type, id, OrgId, createdAt, Now, body));

    // An update keeps the creation time, which orders the listings.
    private void Update(string type, string id, JsonObject body)
    {
        var createdAt = store.Get(type, id)?.CreatedAt ?? Now;
        Save(type, id, createdAt, body);
    }
}
