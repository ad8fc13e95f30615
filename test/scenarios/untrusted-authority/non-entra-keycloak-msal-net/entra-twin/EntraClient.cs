// The Entra twin of ../KeycloakClient.cs: an Entra authority written with http://, which MSAL rejects.
using Microsoft.Identity.Client;

public static class EntraClient
{
    public static IConfidentialClientApplication Create(string secret) =>
        ConfidentialClientApplicationBuilder.Create("6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b")
            .WithAuthority("http://login.microsoftonline.com/contoso.onmicrosoft.com") // expect: untrusted-authority/error
            .WithClientSecret(secret)
            .Build();
}
