using Microsoft.Identity.Client;

namespace Contoso.Shelves.Services;

public partial class AuthService
{
    // Bad: MSAL.NET signs in through the system browser (Custom Tabs) here, where msal<client id>://auth
    // shows "Are you trying to sign in to …?" (AADSTS50199).
    private partial PublicClientApplicationBuilder AddPlatformConfiguration(PublicClientApplicationBuilder builder)
    {
        return builder.WithRedirectUri($"msal{ClientId}://auth");
    }
}
