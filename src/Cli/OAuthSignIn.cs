using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Connector.Runtime.Auth;
using Connector.Runtime.Connections;

namespace Connector.Cli;

/// <summary>
/// The authorization-code flow from a terminal: prints (and opens) the sign-in address, listens on
/// 127.0.0.1 for the redirect, checks <c>state</c>, and exchanges the code for tokens.
/// </summary>
internal sealed class OAuthSignIn(OAuthClient oauth, TextWriter output, bool openBrowser, TimeSpan timeout)
{
    public async Task<StoredConnection> SignInAsync(
        string name,
        string connector,
        string clientId,
        string clientSecret,
        IReadOnlyList<string> scopes,
        bool whiteLabel,
        Uri? baseUrl,
        CancellationToken cancellationToken)
    {
        var port = FreePort();
        var redirect = new Uri($"http://127.0.0.1:{port}/callback");
        var state = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();

        var address = oauth.AuthorizeUrl(clientId, redirect, scopes, state, whiteLabel);
        await output.WriteLineAsync("Open this address to connect your account:");
        // AbsoluteUri keeps the escapes: ToString() would print the scopes' separators as raw spaces.
        await output.WriteLineAsync(address.AbsoluteUri);
        await output.FlushAsync(cancellationToken);
        if (openBrowser)
        {
            TryOpenBrowser(address);
        }

        var code = await WaitForCodeAsync(listener, state, cancellationToken);
        var tokens = await oauth.ExchangeCodeAsync(clientId, clientSecret, code, redirect, null, cancellationToken);
        return new StoredConnection
        {
            Name = name,
            Connector = connector,
            Kind = ConnectionKind.OAuth2,
            BaseUrl = baseUrl,
            UserType = tokens.UserType,
            CompanyId = tokens.CompanyId,
            LocationId = tokens.LocationId,
            LocationIds = tokens.ApprovedLocations ?? [],
            UserId = tokens.UserId,
            Scopes = tokens.Scope?.Split(oauth.Settings.ScopeSeparator, StringSplitOptions.RemoveEmptyEntries)
                ?? [.. scopes],
            ClientId = clientId,
            ClientSecret = clientSecret,
            AccessToken = tokens.AccessToken,
            RefreshToken = tokens.RefreshToken,
            ExpiresAt = oauth.ExpiryOf(tokens.ExpiresIn),
            WhiteLabel = whiteLabel,
        };
    }

    private async Task<string> WaitForCodeAsync(
        HttpListener listener,
        string state,
        CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new CommandException($"no sign-in within {timeout.TotalSeconds:0} s");
            }

            var query = System.Web.HttpUtility.ParseQueryString(context.Request.Url?.Query ?? "");
            if (context.Request.Url?.AbsolutePath != "/callback")
            {
                await RespondAsync(context, 404, "Not found.");
                continue;
            }

            if (query["state"] != state)
            {
                await RespondAsync(context, 400, "This sign-in was not started here (state does not match).");
                throw new CommandException("the sign-in redirect carried a different state: refused");
            }

            if (query["code"] is not { Length: > 0 } code)
            {
                var error = query["error"] ?? "no code";
                await RespondAsync(context, 400, $"Sign-in failed: {error}.");
                throw new CommandException($"the sign-in was not approved ({error})");
            }

            await RespondAsync(context, 200, "Connected. You can close this tab and return to the terminal.");
            return code;
        }
    }

    private static async Task RespondAsync(HttpListenerContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(message));
        context.Response.Close();
    }

    private static void TryOpenBrowser(Uri address)
    {
        var opener = OperatingSystem.IsMacOS() ? "open"
            : OperatingSystem.IsWindows() ? "explorer"
            : Environment.GetEnvironmentVariable("DISPLAY") is not null
                    || Environment.GetEnvironmentVariable("WAYLAND_DISPLAY") is not null
                ? "xdg-open"
                : null;
        if (opener is null)
        {
            return;
        }

        try
        {
            Process.Start(new ProcessStartInfo(opener, address.AbsoluteUri) { UseShellExecute = false })?.Dispose();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No browser here: the printed address is enough.
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
