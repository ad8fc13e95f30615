using Microsoft.Identity.Client;

namespace Contoso.Mobile;

public static class MsalClient
{
    public const string ClientId = "8a9b0c1d-2e3f-4a5b-9c6d-7e8f9a0b1c2d";

    public static IPublicClientApplication Create()
    {
        var builder = PublicClientApplicationBuilder.Create(ClientId)
            .WithTenantId("contoso.onmicrosoft.com");
#if __IOS__
        builder = builder.WithRedirectUri("msauth.com.contoso.mobile://auth");
#elif __ANDROID__
        builder = builder.WithRedirectUri($"msal{ClientId}://auth");
#else
        builder = builder.WithRedirectUri("http://localhost");
#endif
        return builder.Build();
    }
}
