namespace Connector.Recipes.Storage;

public enum RunStatus
{
    /// <summary>Fired by the trigger, not started yet.</summary>
    Queued,

    Running,

    Succeeded,

    /// <summary>A step failed with the halt policy, or ran out of retries; replay resumes from it.</summary>
    Failed,

    /// <summary>A filter step (or a search that found nothing, set to stop) ended the run early, as meant.</summary>
    Stopped,

    /// <summary>A connection needs re-authorization; the run resumes once it is signed in again.</summary>
    Paused,
}
