// The builder-parameter case with the broker enabled where the builder is made (shape of derekaz/BookShelves
// src/BookShelves.Maui/Services/AuthenticationService.cs).
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
            .WithBroker();

        builder = AddPlatformConfiguration(builder);
        return builder.Build();
    }

    private partial PublicClientApplicationBuilder AddPlatformConfiguration(PublicClientApplicationBuilder builder);
}
