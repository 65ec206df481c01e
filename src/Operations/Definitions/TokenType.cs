namespace Connector.Operations.Definitions;

/// <summary>Whose token an operation accepts.</summary>
public enum TokenType
{
    /// <summary>A sub-account (location) token.</summary>
    Location,

    /// <summary>An agency (company) token.</summary>
    Company,
}
