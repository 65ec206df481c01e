namespace Connector.Operations.Definitions;

/// <summary>The type of an input field's value.</summary>
public enum FieldType
{
    String,
    Number,
    Integer,
    Boolean,

    /// <summary>An ISO 8601 date and time, sent as a string.</summary>
    Datetime,
    Array,
    Object,
}
