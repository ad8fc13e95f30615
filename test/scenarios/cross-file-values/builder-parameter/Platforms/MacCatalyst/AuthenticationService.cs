// Shape of derekaz/BookShelves src/BookShelves.Maui/Platforms/MacCatalyst/AuthenticationService.cs.
using Microsoft.Identity.Client;

namespace Contoso.Shelves.Services;

public partial class AuthenticationService
{
    private partial PublicClientApplicationBuilder AddPlatformConfiguration(PublicClientApplicationBuilder builder)
    {
        builder.WithRedirectUri("http://localhost");
        return builder;
    }
}
