using Microsoft.Identity.Client;

public static class DesktopAuth
{
    public static IPublicClientApplication Create() =>
        PublicClientApplicationBuilder.Create("6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b")
            .WithAuthority("https://login.microsoftonline.com/organizations")
            .WithRedirectUri("http://localhost") // expect: public-client-redirect-on-web-platform/error
            .Build();
}
