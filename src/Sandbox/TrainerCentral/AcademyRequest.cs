using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Connector.Sandbox.TrainerCentral;

/// <summary>A TrainerCentral request that passed the token, scope and academy checks.</summary>
internal sealed class AcademyRequest
{
    /// <summary>What a listing answers when no <c>limit</c> is sent; the API documents none.</summary>
    public const int DefaultLimit = 20;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public required HttpContext Http { get; init; }

    public required Academy Academy { get; init; }

    public required IReadOnlyDictionary<string, string> Values { get; init; }

    /// <summary>The JSON body; null when there is none.</summary>
    public JsonObject? Body { get; init; }

    public string Path(string name) => Values[name];

    public string? Query(string name) =>
        Http.Request.Query.TryGetValue(name, out var values) && values.Count > 0 && values[0] is { Length: > 0 } value
            ? value
            : null;

    /// <summary>One page of a listing, by <c>si</c> (the 0-based start index) and <c>limit</c>.</summary>
    public JsonArray Page(IEnumerable<JsonObject> items)
    {
        var start = Count("si", 0);
        var limit = Count("limit", DefaultLimit);
        if (limit == 0)
        {
            throw AcademyError.Invalid("limit must be 1 or more");
        }

        return new JsonArray([.. items.Skip(start).Take(limit)]);
    }

    /// <summary>A body field that is an object; 400 when it is absent or something else.</summary>
    public JsonObject Object(string name) =>
        Body?[name] as JsonObject ?? throw AcademyError.Invalid($"The body needs the object {name}");

    /// <summary>
    /// A whole number (a time in milliseconds, a delivery mode), sent as a number or as digits in a string, as
    /// TrainerCentral writes them back; null when absent.
    /// </summary>
    public static long? Whole(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number
            && long.TryParse(value.ToJsonString(), NumberStyles.Integer, Invariant, out var number) => number,
        JsonValue value when value.GetValueKind() == JsonValueKind.String
            && AcademyIds.ParseTime(value.GetValue<string>()) is { } text => text,
        _ => throw AcademyError.Invalid($"{name} must be a whole number"),
    };

    /// <summary>A text field; null when absent or empty; 400 when it is not text.</summary>
    public static string? Text(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String =>
            value.GetValue<string>() is { Length: > 0 } text ? text : null,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.ToJsonString(),
        _ => throw AcademyError.Invalid($"{name} must be text"),
    };

    private int Count(string name, int fallback)
    {
        if (Query(name) is not { } text)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw AcademyError.Invalid($"{name} must be a whole number of 0 or more, not '{text}'");
    }
}
