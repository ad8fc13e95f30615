// Shape of derekaz/BookShelves src/BookShelves.Maui/Services/AuthenticationService.cs: the shared part of a
// partial class builds the client and hands the builder to a partial method each platform implements.
using Microsoft.Identity.Client;

namespace Contoso.Shelves.Services;

public partial class AuthenticationService
{
    private const string ClientId = "1429bc60-21a6-4f87-98a5-27016b33f86a";

    private IPublicClientApplication CreateClient()
    {
        var builder = PublicClientApplicationBuilder
            .Create(ClientId)
            .WithAuthority("https://login.microsoftonline.com/common")
            .WithDefaultRedirectUri();

        builder = AddPlatformConfiguration(builder);
        return builder.Build();
    }

    private partial PublicClientApplicationBuilder AddPlatformConfiguration(PublicClientApplicationBuilder builder);
}
