namespace Connector.Recipes.Definitions;

public enum ErrorMode
{
    /// <summary>The run fails at this step (the default); replay resumes from it.</summary>
    Halt,

    /// <summary>The step is tried again with backoff, then the run fails.</summary>
    Retry,

    /// <summary>The step is recorded as failed and the run goes on.</summary>
    Continue,
}
