using System.Text.Json.Nodes;

namespace Connector.Operations.Tests.Conformance;

/// <summary>The request body: its content type, the vendor's required fields, and the keys sent.</summary>
internal sealed partial class ConformanceCheck
{
    private const string JsonType = "application/json";
    private const string FormType = "application/x-www-form-urlencoded";

    private void CompareBody(VendorOperation vendor)
    {
        var request = _operation.Request;
        var (body, contentType) = request.Form is { } form ? (form, FormType) : (request.Body, JsonType);
        var vendorTypes = vendor.RequestContentTypes;
        if (vendorTypes.Count == 0)
        {
            if (body is not null)
            {
                Differ($"sends a request body, but the vendor declares none for {vendor.Describe}");
            }
        }
        else if (body is null)
        {
            RequireNoBodyNeeded(vendor, vendor.RequestSchema(vendorTypes[0]) ?? VendorSchema.None);
        }
        else if (vendor.RequestSchema(contentType) is { } schema)
        {
            CompareBody(body, schema);
        }
        else
        {
            Differ($"sends {contentType}, but the vendor's request body is "
                + string.Join(" or ", vendorTypes));
        }
    }

    private void RequireNoBodyNeeded(VendorOperation vendor, VendorSchema schema)
    {
        if (schema.Required.Count > 0)
        {
            Differ($"sends no body, but the vendor schema {schema.Name} requires "
                + $"{string.Join(", ", schema.Required.Order(StringComparer.Ordinal))} ({vendor.Describe})");
        }
    }

    private void CompareBody(JsonNode body, VendorSchema schema)
    {
        if (schema.Items is null)
        {
            CompareFields(body, schema, "body");
        }
        else if (body is JsonArray elements)
        {
            for (var i = 0; i < elements.Count; i++)
            {
                CompareFields(elements[i], schema.Items, $"body[{i}]");
            }
        }
        else
        {
            Differ($"body is not a list, but the vendor schema {schema.Name} is a list of "
                + schema.Items.Name);
        }
    }

    private void CompareFields(JsonNode? body, VendorSchema schema, string where)
    {
        if (body is not JsonObject fields)
        {
            Differ($"{where} is not an object, so the fields of the vendor schema {schema.Name} "
                + "cannot be checked");
            return;
        }

        foreach (var name in schema.Required.Order(StringComparer.Ordinal))
        {
            if (fields.TryGetPropertyValue(name, out var value))
            {
                RequireAlwaysSent($"{where} field '{name}'", value);
            }
            else
            {
                Differ($"{where} lacks the field '{name}' that the vendor schema {schema.Name} requires");
            }
        }

        CompareFieldNames(fields, schema, where);
    }

    private void CompareFieldNames(JsonObject fields, VendorSchema schema, string where)
    {
        if (schema.Properties.Count == 0)
        {
            // Nothing to compare the names with: the gap must be known, or it would pass unseen.
            if (fields.Count > 0 && !IsKnownGap(GapKind.EmptyBodySchema, schema.Name))
            {
                var names = string.Join(", ", fields.Select(f => f.Key));
                Differ($"the vendor schema {schema.Name} has no properties, so {where} fields {names} "
                    + "cannot be checked; list it in KnownGaps");
            }

            return;
        }

        foreach (var (name, _) in fields.Where(f => !schema.Properties.Contains(f.Key)))
        {
            Differ($"{where} field '{name}' is not in the vendor schema {schema.Name}");
        }
    }
}
