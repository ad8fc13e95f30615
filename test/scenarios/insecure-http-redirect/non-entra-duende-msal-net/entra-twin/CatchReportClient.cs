// The Entra twin of ../CatchReportClient.cs: the same http:// redirect with an Entra authority fails with AADSTS500117.
using Microsoft.Identity.Client;

public static class EntraCatchReportClient
{
    public static IConfidentialClientApplication Create(string secret) =>
        ConfidentialClientApplicationBuilder.Create("6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b")
            .WithRedirectUri("http://some_redirect_uri") // expect: insecure-http-redirect/error
            .WithClientSecret(secret)
            .WithAuthority("https://login.microsoftonline.com/contoso.onmicrosoft.com")
            .Build();
}
