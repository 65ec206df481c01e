using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Connector.Sandbox.Tests.Support;

/// <summary>Requests as a client of the vendor's API sends them: bearer token, Version header, JSON body.</summary>
internal static class Api
{
    public const string ContactsVersion = "2021-07-28";
    public const string CalendarsVersion = "2021-04-15";

    public static HttpRequestMessage Request(
        HttpMethod method,
        string path,
        string? token,
        string? version = ContactsVersion,
        JsonNode? body = null)
    {
        var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (version is not null)
        {
            request.Headers.Add("Version", version);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return request;
    }

    public static async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> SendAsync(
        HttpClient http,
        HttpRequestMessage request)
    {
        using (request)
        {
            var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
        }
    }

    public static Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> GetAsync(
        HttpClient http,
        string path,
        string? token,
        string? version = ContactsVersion) =>
        SendAsync(http, Request(HttpMethod.Get, path, token, version));

    public static Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> PostAsync(
        HttpClient http,
        string path,
        string? token,
        JsonNode body,
        string? version = ContactsVersion) =>
        SendAsync(http, Request(HttpMethod.Post, path, token, version, body));

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
}
