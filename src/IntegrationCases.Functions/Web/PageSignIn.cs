using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace IntegrationCases.Functions.Web;

/// <summary>
/// Whether a request to the page's API comes from a user signed in through App Service authentication (Entra ID).
/// The page's routes need no function key, so this is their only gate in the code, behind the platform's own:
/// App Service authentication requires sign-in for every path but <c>/api/*</c> and the host's webhooks
/// (infra-bicep/modules/appSignIn.bicep), puts the user in the <c>X-MS-CLIENT-PRINCIPAL*</c> headers and drops
/// such headers when a client sends them; the platform sets <c>WEBSITE_AUTH_ENABLED=True</c> when it is on. If
/// authentication were switched off, the headers could be forged, so without that setting nobody is signed in.
/// </summary>
public sealed class PageSignIn(IConfiguration configuration)
{
    public const string AuthEnabledSetting = "WEBSITE_AUTH_ENABLED";
    public const string PrincipalIdHeader = "X-MS-CLIENT-PRINCIPAL-ID";
    public const string PrincipalIdpHeader = "X-MS-CLIENT-PRINCIPAL-IDP";

    public bool IsSignedIn(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(configuration[AuthEnabledSetting], "true", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var id = request.Headers[PrincipalIdHeader];
        var idp = request.Headers[PrincipalIdpHeader];
        if (id.Count != 1 || string.IsNullOrWhiteSpace(id[0]) || idp.Count != 1 || !string.Equals(idp[0], "aad", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // A browser that says where a call comes from must say it is the page itself, not another site.
        var site = request.Headers["Sec-Fetch-Site"];
        return site.Count == 0 || site[0] is "same-origin" or "none";
    }
}
