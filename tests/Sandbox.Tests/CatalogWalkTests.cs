using System.Text;
using System.Text.Json.Nodes;
using Connector.Operations.Definitions;
using Connector.Sandbox.Tests.Support;

namespace Connector.Sandbox.Tests;

/// <summary>
/// Every operation of the catalog, sent as its definition's example to a freshly reset sandbox, is
/// answered with a status the vendor documents for it, and a body that fits the vendor's response schema, or,
/// where that schema is wrong or missing, the corrected schema that <see cref="SchemaCorrections"/> names.
/// </summary>
public sealed class CatalogWalkTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    // TrainerCentral's operations are walked by TrainerCentral/ExampleTests: no vendor schemas describe them.
    public static TheoryData<string> Keys =>
        new(TestCatalog.Value.Operations.Where(o => o.Connector.Key == "ghl").Select(o => o.Key));

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task Example_is_answered_as_the_vendor_documents(string key)
    {
        await sandbox.Server.ResetAsync();
        var operation = TestCatalog.Value.Get(key);
        var token = operation.TokenTypes.Contains(TokenType.Location) ? sandbox.LocationToken : sandbox.CompanyToken;
        using var request = ExampleRequest.Build(operation, token);

        using var response = await sandbox.Http.SendAsync(request);

        var body = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(body);
        var (statuses, schema) = VendorSchemas.For(key);
        Assert.True(statuses.Contains((int)response.StatusCode), $"{key}: {(int)response.StatusCode} {text}");
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (SchemaCorrections.ByKey.TryGetValue(key, out var correction))
        {
            AssertFitsCorrected(key, correction, schema, mediaType, body);
            return;
        }

        Assert.True(schema is not null, $"{key} has no vendor schema: add a correction with the reason");
        Assert.Equal("application/json", mediaType);
        AssertFits(key, schema, text);
    }

    /// <summary>
    /// The answer fits the corrected schema, while the vendor's own still cannot judge it: a correction the
    /// vendor's files no longer need fails here, so that it is removed.
    /// </summary>
    private static void AssertFitsCorrected(
        string key,
        SchemaCorrection correction,
        JsonNode? schema,
        string? mediaType,
        byte[] body)
    {
        if (!correction.IsJson)
        {
            Assert.True(schema is null, $"{key} is corrected ({correction.Reason}) but has a JSON schema now");
            Assert.Equal(VendorSchemas.DocumentedContentType(key), mediaType);
            Assert.NotEmpty(body);
            return;
        }

        Assert.Equal("application/json", mediaType);
        var text = Encoding.UTF8.GetString(body);
        Assert.True(VendorSchemas.IsEmpty(schema) || VendorSchemas.Check(schema!, JsonNode.Parse(text)).Count > 0,
            $"{key} is corrected ({correction.Reason}) but fits the vendor's schema now: remove the correction");
        var corrected = correction.Apply(schema);
        Assert.False(VendorSchemas.IsEmpty(corrected), $"{key}: the corrected schema says nothing");
        AssertFits($"{key} (corrected: {correction.Reason})", corrected, text);
    }

    private static void AssertFits(string what, JsonNode schema, string text)
    {
        var problems = VendorSchemas.Check(schema, JsonNode.Parse(text));
        var lines = string.Join(Environment.NewLine, problems);
        Assert.True(problems.Count == 0, $"{what}: {lines}{Environment.NewLine}{text}");
    }
}
