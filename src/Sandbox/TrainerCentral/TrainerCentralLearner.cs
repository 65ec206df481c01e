namespace Connector.Sandbox.TrainerCentral;

/// <summary>A learner (portal member) of the sandbox's academy.</summary>
/// <param name="Id">The portal member id, as <c>portalMembers.json</c> lists it.</param>
/// <param name="OrgMemberId">The academy member id that course memberships name.</param>
/// <param name="Email">The learner's email, unique in the academy (compared without case).</param>
/// <param name="Name">First and last name.</param>
/// <param name="Status"><c>invited</c> until the learner signs up, then <c>active</c>.</param>
public sealed record TrainerCentralLearner(string Id, string OrgMemberId, string Email, string Name, string Status);
