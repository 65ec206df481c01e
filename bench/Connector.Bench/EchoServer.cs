using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Connector.Bench;

/// <summary>A Kestrel server on 127.0.0.1 that answers contacts.create as GHL does, as cheaply as it can.</summary>
internal sealed class EchoServer : IAsyncDisposable
{
    private const string Created =
        """{"contact":{"id":"seD4PfOuKoVMLkEZqohJ","firstName":"Rosan","lastName":"Deo","email":"rosan@deos.com"}}""";

    private readonly WebApplication _app;

    private EchoServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<EchoServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/contacts/", async context =>
        {
            // Read the body as the vendor would, then answer.
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.StatusCode = 201;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Created);
        });
        await app.StartAsync();
        var address = app.Urls.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        return new EchoServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
