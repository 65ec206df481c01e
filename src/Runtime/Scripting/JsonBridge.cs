using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Object;

namespace Connector.Runtime.Scripting;

/// <summary>
/// Moves JSON into and out of a script engine directly, value by value, with JSON.stringify's rules
/// for what has no JSON form (functions and undefined are left out; NaN and Infinity become null).
/// </summary>
internal static class JsonBridge
{
    private const int MaxDepth = 64;

    public static JsValue ToJs(Engine engine, JsonNode? node) => node switch
    {
        null => JsValue.Null,
        JsonObject obj => ToJsObject(engine, obj),
        JsonArray array => new JsArray(engine, [.. array.Select(e => ToJs(engine, e))]),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => JsString.Create(value.GetValue<string>()),
            JsonValueKind.Number => new JsNumber(ToDouble(value)),
            JsonValueKind.True => JsBoolean.True,
            JsonValueKind.False => JsBoolean.False,
            _ => JsValue.Null,
        },
        _ => JsValue.Null,
    };

    /// <summary>The JSON form of a script's value; false when it has none (undefined, a function).</summary>
    public static bool TryToJson(Engine engine, JsValue value, out JsonNode? json, int depth = 0)
    {
        json = null;
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException(
                $"the returned value is nested deeper than {MaxDepth} levels (or refers to itself)");
        }

        if (value.IsUndefined() || value is Jint.Native.Function.Function)
        {
            return false;
        }

        switch (value)
        {
            case { } when value.IsNull():
                return true;
            case JsString or { Type: Jint.Runtime.Types.String }:
                json = JsonValue.Create(value.ToString());
                return true;
            case JsBoolean boolean:
                json = JsonValue.Create(boolean.AsBoolean());
                return true;
            case JsNumber number:
                json = FromDouble(number.AsNumber());
                return true;
            case JsArray array:
                json = ToJsonArray(engine, array, depth);
                return true;
            case JsObject plain:
                json = ToJsonObject(engine, plain, depth);
                return true;
            default:
                // Dates, boxed values and other built-ins: let JSON.stringify decide their form.
                var text = new Jint.Native.Json.JsonSerializer(engine).Serialize(value!);
                json = text.IsUndefined() ? null : JsonNode.Parse(text.AsString());
                return !text.IsUndefined();
        }
    }

    private static JsObject ToJsObject(Engine engine, JsonObject obj)
    {
        var js = new JsObject(engine);
        foreach (var (key, value) in obj)
        {
            js.CreateDataProperty(key, ToJs(engine, value));
        }

        return js;
    }

    private static JsonArray ToJsonArray(Engine engine, JsArray array, int depth)
    {
        var json = new JsonArray();
        var length = array.Length;
        for (uint i = 0; i < length; i++)
        {
            json.Add(TryToJson(engine, array.Get(i), out var element, depth + 1) ? element : null);
        }

        return json;
    }

    private static JsonObject ToJsonObject(Engine engine, ObjectInstance obj, int depth)
    {
        var json = new JsonObject();
        foreach (var (key, descriptor) in obj.GetOwnProperties())
        {
            if (key.IsSymbol() || !descriptor.Enumerable)
            {
                continue;
            }

            if (TryToJson(engine, obj.Get(key), out var value, depth + 1))
            {
                json[key.ToString()] = value;
            }
        }

        return json;
    }

    private static JsonValue? FromDouble(double number)
    {
        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            return null;
        }

        return Math.Abs(number) < 9e15 && Math.Floor(number) == number
            ? JsonValue.Create((long)number)
            : JsonValue.Create(number);
    }

    private static double ToDouble(JsonValue value) =>
        value.TryGetValue<double>(out var number) ? number
        : value.TryGetValue<long>(out var whole) ? whole
        : value.TryGetValue<int>(out var small) ? small
        : double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);
}
