using System.Text.Json.Nodes;
using Connector.Operations.Definitions;
using Connector.Operations.Invoking;
using Connector.Operations.Tests.Support;
using Connector.Runtime.Auth;

namespace Connector.Operations.Tests.Invoking;

/// <summary>Every Contacts operation, invoked with its example against a server on 127.0.0.1.</summary>
public sealed class ContactsOperationsTests
{
    public static TheoryData<string> ContactsKeys => [.. ShippedCatalog.Instance.Operations
        .Where(o => o.Category == "Contacts")
        .Select(o => o.Key)];

    [Fact]
    public void Catalog_HasThirtyContactsOperations() => Assert.Equal(30, ContactsKeys.Count);

    [Theory]
    [MemberData(nameof(ContactsKeys))]
    public async Task InvokeAsync_Example_SendsTheDefinedRequestAndReadsTheOutput(string key)
    {
        var op = ShippedCatalog.Instance.Get(key);
        await using var server = new LoopbackServer(
            _ => ServerReply.Json(op.Request.Method == "POST" ? 201 : 200, ResponseFor(op)));
        using var clients = new ConnectorClients(new InvokerOptions { MaxRetries = 0 });
        var invoker = new OperationInvoker(ShippedCatalog.Instance, clients);
        var connection = new ConnectionContext
        {
            Auth = new StaticTokenSource("pit-" + Guid.NewGuid().ToString("N")),
            BaseUrl = server.BaseUrl,
            LocationId = "ve9EPM428h8vShlRW1KT",
            TokenType = TokenType.Location,
        };

        var result = await invoker.InvokeAsync(key, (JsonObject)op.Example.DeepClone(), connection);

        var request = Assert.Single(server.Requests);
        Assert.Equal(op.Request.Method, request.Method);
        Assert.Equal(ExpectedPath(op), request.Path);
        Assert.Equal(op.Version, request.Header("Version"));
        Assert.StartsWith("Bearer pit-", request.Header("Authorization"));
        AssertBodyKeysAreDeclared(op, request);
        if (op.Transforms?.After is null)
        {
            Assert.True(JsonNode.DeepEquals(op.Output.Sample, result.Output), $"{key}: output differs from the sample");
        }
    }

    private static JsonNode? ResponseFor(OperationDefinition op)
    {
        var sample = op.Output.Sample?.DeepClone();
        if (op.Output.Path is not { } path)
        {
            return sample;
        }

        foreach (var step in path.Split('.').Reverse())
        {
            sample = new JsonObject { [step] = sample };
        }

        return sample;
    }

    private static string ExpectedPath(OperationDefinition op)
    {
        var path = op.Request.Path;
        foreach (var input in op.Inputs)
        {
            if (op.Example[input.Key] is { } value)
            {
                path = path.Replace(
                    $"{{{input.Key}}}",
                    Uri.EscapeDataString(value.ToString()),
                    StringComparison.Ordinal);
            }
        }

        return path;
    }

    private static void AssertBodyKeysAreDeclared(OperationDefinition op, RecordedRequest request)
    {
        if (request.Json is not JsonObject sent
            || op.Request.Body is not JsonObject template
            || op.Transforms?.Before is not null)
        {
            return;
        }

        foreach (var (name, _) in sent)
        {
            Assert.True(template.ContainsKey(name), $"{op.Key}: sent body field '{name}' is not in its body template");
        }
    }
}
