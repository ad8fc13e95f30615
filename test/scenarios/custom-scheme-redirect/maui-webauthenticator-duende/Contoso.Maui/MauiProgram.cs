// Our own file in the shape of Duende's IdentityModel.OidcClient MAUI sample (MauiProgram.cs): the OIDC client
// signs in with Duende's demo IdentityServer through a WebAuthenticator browser.
namespace Contoso.Maui;

public static class MauiProgram
{
    public static MauiApp CreateMauiApp()
    {
        var builder = MauiApp.CreateBuilder();
        builder.Services.AddSingleton(new OidcClient(new OidcClientOptions
        {
            Authority = "https://demo.duendesoftware.com",
            ClientId = "interactive.public",
            Scope = "openid profile api",
            RedirectUri = "contosomaui://callback",
            Browser = new MauiAuthenticationBrowser()
        }));
        return builder.Build();
    }
}
