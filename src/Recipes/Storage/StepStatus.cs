namespace Connector.Recipes.Storage;

public enum StepStatus
{
    /// <summary>
    /// Begun and not known to have finished: after a crash, the step may or may not have taken effect.
    /// </summary>
    Started,

    Succeeded,

    /// <summary>Failed; the run went on because the step's policy is continue.</summary>
    Failed,

    /// <summary>Ended the run as meant: a filter that did not hold, or a search that found nothing.</summary>
    Stopped,

    /// <summary>Not run, because its <c>when</c> condition did not hold; the run went on.</summary>
    Skipped,
}
