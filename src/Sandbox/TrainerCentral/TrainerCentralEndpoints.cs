using Microsoft.AspNetCore.Http;

namespace Connector.Sandbox.TrainerCentral;

/// <summary>
/// Where the sandbox's one address leads TrainerCentral requests: /oauth/v2/ to Zoho accounts, /api/v4/ to
/// the academy. GHL has neither prefix, so both connectors share one base URL.
/// </summary>
internal sealed class TrainerCentralEndpoints(ZohoAccountsEndpoints accounts, AcademyApi api)
{
    /// <summary>Answers the request when it is TrainerCentral's; false leaves it to GHL's routes.</summary>
    public async Task<bool> TryHandleAsync(HttpContext context, string path)
    {
        if (path.StartsWith(AcademyApi.Prefix, StringComparison.Ordinal))
        {
            await api.HandleAsync(context, path).ConfigureAwait(false);
            return true;
        }

        return path.StartsWith(ZohoAccountsEndpoints.Prefix, StringComparison.Ordinal)
            && await accounts.TryHandleAsync(context, path).ConfigureAwait(false);
    }
}
