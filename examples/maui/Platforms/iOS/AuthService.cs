using Microsoft.Identity.Client;

namespace Contoso.Shelves.Services;

public partial class AuthService
{
    // Good: the broker redirect with the broker on; Microsoft Authenticator signs the user in without the
    // prompt (it appears only on a device without the broker app, hence an information finding).
    private partial PublicClientApplicationBuilder AddPlatformConfiguration(PublicClientApplicationBuilder builder)
    {
        return builder
            .WithRedirectUri("msauth.com.contoso.shelves://auth")
            .WithBroker()
            .WithIosKeychainSecurityGroup("com.microsoft.adalcache");
    }
}
