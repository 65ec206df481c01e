using System.Text.Json.Nodes;
using Connector.Operations.Catalog;
using Connector.Operations.Definitions;
using Connector.Operations.Invoking;
using Connector.Operations.Loading;
using Connector.Operations.Tests.Support;
using Connector.Runtime.Auth;
using Connector.Runtime.Scripting;

namespace Connector.Operations.Tests.Invoking;

public sealed class OperationInvokerTests : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConnectorClients _clients = new(new InvokerOptions { MaxRetries = 0 });
    private readonly OperationInvoker _invoker;
    private readonly ConnectionContext _connection;

    public OperationInvokerTests()
    {
        _server = new LoopbackServer(
            _ => ServerReply.Json(200, new JsonObject { ["contact"] = new JsonObject { ["id"] = "c9" } }));
        _invoker = new OperationInvoker(ShippedCatalog.Instance, _clients, new InvokerOptions { MaxRetries = 0 });
        _connection = new ConnectionContext
        {
            Auth = new StaticTokenSource("pit-" + Guid.NewGuid().ToString("N")),
            BaseUrl = _server.BaseUrl,
            LocationId = "loc1",
            TokenType = TokenType.Location,
        };
    }

    [Fact]
    public async Task InvokeAsync_ContactsCreate_SendsTypedBodyWithoutAbsentFields()
    {
        var inputs = new JsonObject { ["firstName"] = "Ada", ["dnd"] = true, ["tags"] = new JsonArray("a", "b") };

        var result = await _invoker.InvokeAsync("contacts.create", inputs, _connection);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/contacts/", request.Path);
        Assert.Equal("2021-07-28", request.Header("Version"));
        var body = Assert.IsType<JsonObject>(request.Json);
        Assert.Equal(["locationId", "firstName", "dnd", "tags"], body.Select(p => p.Key));
        Assert.True(body["dnd"]!.GetValue<bool>());
        Assert.Equal("loc1", body["locationId"]!.GetValue<string>());
        Assert.Equal("c9", result.Output!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task InvokeAsync_SameInputsTwice_LeavesThemAsTheCallerGaveThem()
    {
        var inputs = new JsonObject { ["firstName"] = "Ada", ["tags"] = new JsonArray("a", "b") };
        var given = inputs.ToJsonString();

        await _invoker.InvokeAsync("contacts.create", inputs, _connection);
        await _invoker.InvokeAsync("contacts.create", inputs, _connection);

        Assert.Equal(given, inputs.ToJsonString());
        Assert.Equal(2, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.Equal(["a", "b"], r.Json!["tags"]!.AsArray().Select(t => (string)t!)));
    }

    [Fact]
    public async Task InvokeAsync_PathParameter_IsEscapedAsOneSegment()
    {
        await _invoker.InvokeAsync("contacts.get", new JsonObject { ["contactId"] = "a/../b c" }, _connection);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/contacts/a%2F..%2Fb%20c", request.Path);
    }

    [Theory]
    [InlineData("""{"firstName": 3}""", "input 'firstName' must be a string, not 3")]
    [InlineData("""{"nickname": "Ada"}""", "unknown input 'nickname'")]
    [InlineData("""{"gender": "other"}""", "input 'gender' must be one of \"male\", \"female\", not \"other\"")]
    [InlineData("""{"tags": "vip"}""", "input 'tags' must be an array of string")]
    public async Task InvokeAsync_BadInput_IsRefusedBeforeSending(string inputs, string expected)
    {
        var error = await Assert.ThrowsAsync<InvocationException>(() =>
            _invoker.InvokeAsync("contacts.create", JsonNode.Parse(inputs)!.AsObject(), _connection));

        Assert.Contains(expected, error.Message);
        Assert.StartsWith("contacts.create: ", error.Message);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task InvokeAsync_MissingRequiredInput_NamesTheField()
    {
        var error = await Assert.ThrowsAsync<InvocationException>(() =>
            _invoker.InvokeAsync("contacts.notes.create", new JsonObject { ["contactId"] = "c1" }, _connection));

        Assert.Equal("contacts.notes.create: input 'body' is required", error.Message);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task InvokeAsync_AgencyOnlyOperationWithALocationToken_IsRefusedBeforeSending()
    {
        var error = await Assert.ThrowsAsync<InvocationException>(() =>
            _invoker.InvokeAsync("companies.get", ShippedCatalog.Instance.Get("companies.get").Example, _connection));

        Assert.Contains("is agency only", error.Message);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task InvokeAsync_ConnectionWithoutTheScope_NamesTheMissingScope()
    {
        var readOnly = _connection with { Scopes = new HashSet<string> { "contacts.readonly" } };

        var error = await Assert.ThrowsAsync<InvocationException>(() =>
            _invoker.InvokeAsync("contacts.create", new JsonObject { ["firstName"] = "Ada" }, readOnly));

        Assert.Contains("lacks the scope 'contacts.write'", error.Message);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task InvokeAsync_TransformsReshapeTheRequestAndTheOutput()
    {
        using var folder = new DefinitionFolder();
        folder.Write("contacts.shaped", """
            key: contacts.shaped
            kind: action
            category: Contacts
            title: Shaped
            scopes: [contacts.readonly]
            inputs:
              - { key: name, type: string, required: true }
            request:
              method: GET
              path: /contacts/shaped
            transforms:
              before: |
                request.query.q = inputs.name.toUpperCase();
                return request;
              after: |
                return { name: output.contact.id + '!', status };
            output: { sample: {} }
            example: { name: ada }
            """);
        var invoker = new OperationInvoker(LoadValid(folder), _clients);

        var result = await invoker.InvokeAsync("contacts.shaped", new JsonObject { ["name"] = "ada" }, _connection);

        Assert.Equal("?q=ADA", Assert.Single(_server.Requests).Query);
        Assert.Equal("""{"name":"c9!","status":200}""", result.Output!.ToJsonString());
    }

    [Fact]
    public async Task InvokeAsync_ScriptThatLoopsForever_FailsThatInvocationWithTheYamlLine()
    {
        using var folder = new DefinitionFolder();
        folder.Write("contacts.looping", """
            key: contacts.looping
            kind: action
            category: Contacts
            title: Looping
            scopes: [contacts.readonly]
            request:
              method: GET
              path: /contacts/looping
            transforms:
              after: |
                let n = 0;
                while (true) { n++; }
            output: { sample: {} }
            example: {}
            """);
        var limits = new InvokerOptions { Scripts = new ScriptLimits { Timeout = TimeSpan.FromMilliseconds(100) } };
        var invoker = new OperationInvoker(LoadValid(folder), _clients, limits);

        var error = await Assert.ThrowsAsync<ScriptException>(
            () => invoker.InvokeAsync("contacts.looping", [], _connection));

        Assert.StartsWith("contacts.looping: transforms.after line 2 (", error.Message);
        Assert.Contains("contacts.looping.yaml:12)", error.Message);
        Assert.Contains("ran longer than 100 ms", error.Message);
    }

    [Fact]
    public async Task ReadItemsAsync_StartAfterCursor_SendsBothCursorsAndStopsAtAShortPage()
    {
        await using var server = new LoopbackServer(request =>
        {
            var after = request.QueryParameters["startAfterId"].FirstOrDefault();
            var ids = after switch { null => new[] { "c1", "c2" }, "c2" => ["c3", "c4"], _ => ["c5"] };
            return ServerReply.Json(200, new JsonObject
            {
                ["contacts"] = new JsonArray([.. ids.Select(id => new JsonObject { ["id"] = id })]),
                ["meta"] = new JsonObject { ["startAfter"] = 1000 + ids.Length, ["startAfterId"] = ids[^1] },
            });
        });
        var connection = _connection with { BaseUrl = server.BaseUrl };

        var items = await _invoker
            .ReadItemsAsync("contacts.list", new JsonObject { ["limit"] = 2 }, connection)
            .ToListAsync();

        Assert.Equal(["c1", "c2", "c3", "c4", "c5"], items.Select(i => i!["id"]!.GetValue<string>()));
        var requests = server.Requests.ToList();
        Assert.Equal(3, requests.Count);
        Assert.Empty(requests[0].QueryParameters["startAfterId"]);
        Assert.Equal("c2", requests[1].QueryParameters["startAfterId"].Single());
        Assert.Equal("1002", requests[1].QueryParameters["startAfter"].Single());
    }

    [Fact]
    public async Task ReadItemsAsync_PageStyleInTheBody_CountsPagesUntilAShortOne()
    {
        var pages = new List<int>();
        await using var server = new LoopbackServer(request =>
        {
            var body = request.Json!.AsObject();
            var page = body["page"]!.GetValue<int>();
            pages.Add(page);
            var size = body["pageLimit"]!.GetValue<int>();
            var count = page < 3 ? size : 1;
            return ServerReply.Json(200, new JsonObject
            {
                ["contacts"] = new JsonArray(
                    [.. Enumerable.Range(0, count).Select(i => new JsonObject { ["id"] = $"p{page}-{i}" })]),
                ["total"] = (2 * size) + 1,
            });
        });

        var items = await _invoker.ReadItemsAsync("contacts.search", new JsonObject { ["pageLimit"] = 10 },
            _connection with { BaseUrl = server.BaseUrl }).ToListAsync();

        Assert.Equal(21, items.Count);
        Assert.Equal([1, 2, 3], pages);
    }

    private static OperationCatalog LoadValid(DefinitionFolder folder)
    {
        var result = DefinitionLoader.Load(folder.Root);
        Assert.Empty(result.Problems);
        return result.Catalog;
    }

    public async ValueTask DisposeAsync()
    {
        _clients.Dispose();
        await _server.DisposeAsync();
    }
}
