namespace Connector.Sandbox.TrainerCentral;

/// <summary>
/// A refusal of the TrainerCentral API, answered as <c>{"error": {"code", "message"}}</c>. The API
/// documents no error format; this is the form Zoho's APIs of the same family use.
/// </summary>
internal sealed class AcademyError : Exception
{
    public AcademyError(int status, string code, string message)
        : base(message)
    {
        Status = status;
        Code = code;
    }

    public AcademyError()
        : this(500, "INTERNAL_ERROR", "Internal error")
    {
    }

    public AcademyError(string message)
        : this(400, "INVALID_INPUT", message)
    {
    }

    public AcademyError(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 500;
        Code = "INTERNAL_ERROR";
    }

    public int Status { get; }

    public string Code { get; }

    public static AcademyError NotFound(string what) => new(404, "NOT_FOUND", $"{what} does not exist");

    public static AcademyError Invalid(string message) => new(400, "INVALID_INPUT", message);
}
