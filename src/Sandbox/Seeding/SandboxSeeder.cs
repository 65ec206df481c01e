using Connector.Sandbox.Storage;
using Connector.Sandbox.TrainerCentral;

namespace Connector.Sandbox.Seeding;

/// <summary>
/// Builds a sandbox's starting data: the objects under the well-known example ids, then
/// <c>seed</c> generated contacts and what surrounds them; beside them, the TrainerCentral academy with
/// <c>seed</c> generated learners. Everything comes from the seed number (no clock,
/// no system randomness), so the same number always gives the same data.
/// </summary>
internal sealed class SandboxSeeder(int seed)
{
    public IReadOnlyList<StoredDocument> Build()
    {
        var batch = new SeedBatch();
        WellKnownSeed.Add(batch);
        new GeneratedSeed(seed, batch).Add();
        new AcademySeed(seed, batch).Add();
        return batch.Documents;
    }
}
