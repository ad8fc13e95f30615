// Shape of derekaz/BookShelves src/BookShelves.Maui/Platforms/iOS/AuthenticationService.cs.
using Microsoft.Identity.Client;

namespace Contoso.Shelves.Services;

public partial class AuthenticationService
{
    private partial PublicClientApplicationBuilder AddPlatformConfiguration(PublicClientApplicationBuilder builder)
    {
        builder.WithRedirectUri("msauth.com.contoso.shelves://auth"); // expect: custom-scheme-redirect/information
        return builder.WithIosKeychainSecurityGroup("com.microsoft.adalcache");
    }
}
