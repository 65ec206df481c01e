using System.Text.Json.Nodes;
using Connector.Operations.Tests.Support;

namespace Connector.Cli.Tests;

public sealed class InvokeCommandTests
{
    private static readonly string Token = "pit-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Invoke_ContactsCreateExample_PrintsTheCreatedContact()
    {
        await using var server = new LoopbackServer(request => ServerReply.Json(201, new JsonObject
        {
            ["contact"] = new JsonObject { ["id"] = "new-1", ["email"] = request.Json!["email"]!.DeepClone() },
        }));

        var run = await CliRun.ExecuteAsync(
            "invoke", "contacts.create", "--example", "--base-url", server.BaseUrl.ToString(), "--token", Token);

        Assert.True(run.ExitCode == 0, run.Error);
        var output = JsonNode.Parse(run.Output)!;
        Assert.Equal("new-1", output["id"]!.GetValue<string>());
        Assert.Equal("rosan@deos.com", output["email"]!.GetValue<string>());
        Assert.Equal($"Bearer {Token}", Assert.Single(server.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task Invoke_InputFromAFile_IsSent()
    {
        await using var server = new LoopbackServer(
            _ => ServerReply.Json(200, new JsonObject { ["contact"] = new JsonObject() }));
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, """{"contactId": "abc"}""");

        var run = await CliRun.ExecuteAsync(
            "invoke", "contacts.get", "--input", "@" + file,
            "--base-url", server.BaseUrl.ToString(), "--token", Token);

        File.Delete(file);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("/contacts/abc", Assert.Single(server.Requests).Path);
    }

    [Fact]
    public async Task Invoke_VendorError_FailsWithOneLineNamingTheOperationAndNoToken()
    {
        await using var server = new LoopbackServer(_ => ServerReply.Json(422, new JsonObject
        {
            ["statusCode"] = 422,
            ["message"] = new JsonArray("email must be an email"),
            ["traceId"] = "t-1",
        }));

        var run = await CliRun.ExecuteAsync(
            "invoke", "contacts.create", "--example", "--base-url", server.BaseUrl.ToString(), "--token", Token);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("connector: contacts.create: HTTP 422: email must be an email (traceId t-1)", run.Error.TrimEnd());
        Assert.DoesNotContain(Token, run.Error + run.Output);
    }

    [Fact]
    public async Task Invoke_BadInputJson_FailsBeforeSending()
    {
        var run = await CliRun.ExecuteAsync("invoke", "contacts.get", "--input", "{not json", "--token", Token);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("connector: --input is not valid JSON", run.Error);
    }

    [Fact]
    public async Task Invoke_NeitherInputNorExample_IsAUsageError()
    {
        var run = await CliRun.ExecuteAsync("invoke", "contacts.get", "--token", Token);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Give exactly one of --input and --example.", run.Error);
    }
}
