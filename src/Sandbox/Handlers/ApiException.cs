using System.Text.Json.Nodes;

namespace Connector.Sandbox.Handlers;

/// <summary>An error answer in the vendor's shape: status, message (messages, for 422), extra fields.</summary>
internal sealed class ApiException : Exception
{
    public ApiException(int status, string message, JsonObject? extra = null)
        : base(message)
    {
        Status = status;
        Messages = [message];
        Extra = extra;
    }

    public ApiException(int status, IReadOnlyList<string> messages)
        : base(string.Join("; ", messages))
    {
        Status = status;
        Messages = messages;
        AsList = true;
    }

    public ApiException()
        : this(500, "Internal server error")
    {
    }

    public ApiException(string message)
        : this(400, message)
    {
    }

    public ApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 500;
        Messages = [message];
    }

    public int Status { get; }

    public IReadOnlyList<string> Messages { get; }

    /// <summary>Whether <c>message</c> is an array of strings (422 answers), not one string.</summary>
    public bool AsList { get; }

    public JsonObject? Extra { get; }

    public static ApiException NotFound(string what) => new(404, $"{what} not found");

    public static ApiException BadRequest(string message) => new(400, message);

    public static ApiException Unprocessable(params string[] messages) => new(422, messages);
}
