using System.Text.Json.Nodes;

namespace Connector.Sandbox.TrainerCentral;

/// <summary>
/// The TrainerCentral side of a running sandbox (<see cref="SandboxServer.TrainerCentral"/>): credentials for
/// tests, and changes to the academy between two polls, as learners and trainers would make them. Every
/// change is visible at once in the API's listings. Unknown emails, courses and sessions are refused with
/// an <see cref="ArgumentException"/> that names them.
/// </summary>
public sealed class TrainerCentralSandbox
{
    private readonly Academy _academy;
    private readonly ZohoTokenService _tokens;
    private readonly SandboxData _data;

    internal TrainerCentralSandbox(Academy academy, ZohoTokenService tokens, SandboxData data)
    {
        _academy = academy;
        _tokens = tokens;
        _data = data;
    }

    /// <summary>The academy's org id (<see cref="TrainerCentralIds.OrgId"/>): a connection's <c>orgId</c>.</summary>
    public string OrgId { get; } = Academy.OrgId;

    /// <summary>
    /// Mints a refresh token and an access token (one hour from now, on the sandbox's clock) with the scopes
    /// named (default: every TrainerCentral scope). The refresh token works at /oauth/v2/token with the
    /// credentials of <paramref name="client"/>; without a client, only the access token is of use.
    /// </summary>
    /// <exception cref="ArgumentException">A scope that is not TrainerCentral's.</exception>
    public Task<TrainerCentralToken> CreateTokenAsync(
        IEnumerable<string>? scopes = null,
        SandboxOAuthClient? client = null,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var chosen = scopes?.ToHashSet(StringComparer.Ordinal) ?? [.. TrainerCentralScopes.All];
        var unknown = chosen.Where(s => !TrainerCentralScopes.All.Contains(s)).Order(StringComparer.Ordinal);
        if (unknown.Any() || chosen.Count == 0)
        {
            var known = string.Join(' ', TrainerCentralScopes.All);
            throw new ArgumentException(
                $"Unknown scope(s): '{string.Join(", ", unknown)}'. Known: {known}", nameof(scopes));
        }

        var (access, refresh) = _tokens.IssuePair(client?.ClientId, chosen);
        return Task.FromResult(new TrainerCentralToken(access.Value, refresh.Value, client?.ClientId,
            [.. chosen.Order(StringComparer.Ordinal)], access.ExpiresAt!.Value));
    }

    /// <summary>Registers an OAuth client for /oauth/v2/auth and /oauth/v2/token (GHL's OAuth takes it too).</summary>
    public Task<SandboxOAuthClient> RegisterOAuthClientAsync(
        string? clientId = null,
        string? clientSecret = null,
        CancellationToken cancellationToken = default) =>
        _data.RegisterOAuthClientAsync(clientId, clientSecret, cancellationToken);

    /// <summary>A person signs up to the academy on their own: a new, active learner.</summary>
    /// <exception cref="ArgumentException">Not an email, or a learner has it already.</exception>
    public Task<TrainerCentralLearner> AddLearnerAsync(
        string email,
        string firstName,
        string lastName,
        CancellationToken cancellationToken = default) =>
        Change(() => Describe(_academy.Join(email, firstName, lastName)), cancellationToken);

    /// <summary>
    /// A learner's name, status (<c>active</c>, <c>invited</c>) or the way their email is written changes:
    /// what the learner triggers' hash of email, name and status sees. A value left null stays as it is.
    /// </summary>
    /// <param name="newEmail">The same address written another way, such as in other letter case.</param>
    public Task<TrainerCentralLearner> ChangeLearnerAsync(
        string email,
        string? firstName = null,
        string? lastName = null,
        string? status = null,
        string? newEmail = null,
        CancellationToken cancellationToken = default) =>
        Change(
            () => Describe(_academy.ChangeLearner(email, firstName, lastName, status, newEmail)),
            cancellationToken);

    /// <summary>Enrols a learner in a course (as a trainer would); returns the course membership's id.</summary>
    public Task<string> EnrolAsync(
        string learnerEmail,
        string courseId,
        CancellationToken cancellationToken = default) =>
        Change(
            () => JsonText.String(_academy.Enrol(_academy.Learner(learnerEmail), courseId, null), "courseMembersId")!,
            cancellationToken);

    /// <summary>
    /// A learner progresses in a course to <paramref name="percentage"/> (0 to 100): lessons completed follow,
    /// lastLogin becomes now, and 100 makes the membership's status <c>completed</c>.
    /// </summary>
    public Task AdvanceProgressAsync(
        string learnerEmail,
        string courseId,
        int percentage,
        CancellationToken cancellationToken = default) =>
        Change(() => _academy.SetProgress(learnerEmail, courseId, percentage), cancellationToken);

    /// <summary>A trainer schedules a live workshop; returns its session id.</summary>
    public Task<string> ScheduleWorkshopAsync(
        string name,
        DateTimeOffset start,
        DateTimeOffset end,
        string timezone,
        string? courseId = null,
        CancellationToken cancellationToken = default) =>
        Change(() => JsonText.String(_academy.Schedule(name, courseId, start.ToUnixTimeMilliseconds(),
            end.ToUnixTimeMilliseconds(), timezone), "sessionId")!, cancellationToken);

    /// <summary>A trainer moves a live workshop to new times.</summary>
    public Task RescheduleWorkshopAsync(
        string sessionId,
        DateTimeOffset newStart,
        DateTimeOffset newEnd,
        CancellationToken cancellationToken = default) =>
        Change(
            () => _academy.Reschedule(sessionId, newStart.ToUnixTimeMilliseconds(), newEnd.ToUnixTimeMilliseconds()),
            cancellationToken);

    /// <summary>
    /// A trainer cancels a live workshop: as the API's delete does, it and its registrations are gone, and it
    /// drops out of the workshop listing (TrainerCentral keeps no cancelled state to list).
    /// </summary>
    public Task CancelWorkshopAsync(string sessionId, CancellationToken cancellationToken = default) =>
        Change(() =>
        {
            _academy.Workshop(sessionId);
            _academy.DeleteSession(sessionId);
            return true;
        }, cancellationToken);

    /// <summary>The emails registered for a live workshop, in the order they registered.</summary>
    public Task<IReadOnlyList<string>> WorkshopRegistrantsAsync(
        string sessionId,
        CancellationToken cancellationToken = default) =>
        Change(() => _academy.Registrants(sessionId), cancellationToken);

    private static TrainerCentralLearner Describe(JsonObject learner) => new(
        JsonText.String(learner, "id")!,
        JsonText.String(learner, "orgMemberId")!,
        JsonText.String(learner, "email")!,
        JsonText.String(learner, "name")!,
        JsonText.String(learner, "status")!);

    // The academy answers the API's refusals; callers of the hosting API get them as bad arguments.
    private static Task<T> Change<T>(Func<T> change, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return Task.FromResult(change());
        }
        catch (AcademyError error)
        {
            throw new ArgumentException(error.Message, error);
        }
    }
}
