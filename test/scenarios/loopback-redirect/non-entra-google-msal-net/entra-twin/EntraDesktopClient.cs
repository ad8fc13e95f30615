// The Entra twin of ../GoogleDesktopClient.cs: Entra does not accept the IPv6 loopback (AADSTS50011).
using Microsoft.Identity.Client;

public static class EntraDesktopClient
{
    public static IPublicClientApplication Create() =>
        PublicClientApplicationBuilder.Create("6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b")
            .WithAuthority("https://login.microsoftonline.com/organizations")
            .WithRedirectUri("http://[::1]:8400/") // expect: loopback-redirect/error
            .Build();
}
