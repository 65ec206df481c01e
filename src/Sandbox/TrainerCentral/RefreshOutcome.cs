using Connector.Sandbox.Storage;

namespace Connector.Sandbox.TrainerCentral;

/// <summary>What a refresh came to: a new access token, or none (refresh token unknown or over its limit).</summary>
/// <param name="Access">The new access token; null when refused.</param>
/// <param name="TooMany">Whether the refusal is the 10-in-10-minutes limit (else an unknown refresh token).</param>
internal sealed record RefreshOutcome(TokenRecord? Access, bool TooMany);
