using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Connector.Sandbox.TrainerCentral;

namespace Connector.Sandbox.Tests.TrainerCentral;

/// <summary>Requests as a TrainerCentral client sends them: a Zoho-oauthtoken credential and JSON bodies.</summary>
internal static class TrainerCentralApi
{
    public const string Org = TrainerCentralIds.OrgId;

    public static async Task<(int Status, JsonNode? Body)> SendAsync(
        HttpClient http,
        HttpMethod method,
        string path,
        string? token,
        JsonNode? body = null,
        string scheme = "Zoho-oauthtoken")
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(scheme, token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public static Task<(int Status, JsonNode? Body)> GetAsync(HttpClient http, string path, string? token) =>
        SendAsync(http, HttpMethod.Get, path, token);

    public static Task<(int Status, JsonNode? Body)> PostAsync(
        HttpClient http,
        string path,
        string token,
        JsonNode body) =>
        SendAsync(http, HttpMethod.Post, path, token, body);

    /// <summary>Every item of a listing, read a page at a time until a page is shorter than the limit.</summary>
    public static async Task<List<List<JsonNode>>> ReadPagesAsync(
        HttpClient http,
        string path,
        string items,
        string token,
        int limit)
    {
        var pages = new List<List<JsonNode>>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        for (var start = 0; ; start += limit)
        {
            var (status, body) = await GetAsync(http, $"{path}{separator}limit={limit}&si={start}", token);
            Assert.Equal(200, status);
            var page = body![items]!.AsArray().Select(i => i!).ToList();
            pages.Add(page);
            if (page.Count < limit)
            {
                return pages;
            }
        }
    }

    public static string Text(JsonNode? node, string name) => node![name]!.GetValue<string>();

    public static JsonObject Attendee(string email, string? courseId = null, string? sessionId = null)
    {
        var attendee = new JsonObject { ["email"] = email, ["firstName"] = "Rosan", ["lastName"] = "Deo" };
        if (courseId is not null)
        {
            attendee["courseId"] = courseId;
        }

        if (sessionId is not null)
        {
            attendee["sessionId"] = sessionId;
        }

        return new JsonObject { ["courseAttendee"] = attendee };
    }
}
