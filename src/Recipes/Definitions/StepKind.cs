namespace Connector.Recipes.Definitions;

public enum StepKind
{
    /// <summary>Runs an operation.</summary>
    Action,

    /// <summary>Runs an operation that finds something; a null output means nothing was found.</summary>
    Search,

    /// <summary>Stops the run unless a condition holds.</summary>
    Filter,

    /// <summary>Runs JavaScript; what it returns is the step's output.</summary>
    Code,

    /// <summary>Reads a remembered value from a named map; null when there is none.</summary>
    Lookup,

    /// <summary>Stores a value in a named map.</summary>
    Remember,
}
