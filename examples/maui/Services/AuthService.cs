// Contoso Shelves (.NET MAUI): the shared part of a partial class builds the MSAL.NET client and hands the
// builder to a partial method each platform implements (Platforms/Android, Platforms/iOS).
using Microsoft.Identity.Client;

namespace Contoso.Shelves.Services;

public partial class AuthService
{
    private const string ClientId = "5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f";

    public IPublicClientApplication CreateClient()
    {
        var builder = PublicClientApplicationBuilder
            .Create(ClientId)
            .WithAuthority("https://login.microsoftonline.com/contoso.onmicrosoft.com");

        builder = AddPlatformConfiguration(builder);
        return builder.Build();
    }

    private partial PublicClientApplicationBuilder AddPlatformConfiguration(PublicClientApplicationBuilder builder);
}
