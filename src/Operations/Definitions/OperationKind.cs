namespace Connector.Operations.Definitions;

/// <summary>What an operation is for.</summary>
public enum OperationKind
{
    /// <summary>Lists items that a recipe polls for new or changed ones.</summary>
    Trigger,

    /// <summary>Does one thing: creates, updates, deletes or looks something up.</summary>
    Action,
}
