// The Entra twin of ../GenericAuthorityClient.cs: Duende's client id "m2m" with an Entra authority is no app id.
using Microsoft.Identity.Client;

public static class EntraAuthorityClient
{
    public static IConfidentialClientApplication Create() =>
        ConfidentialClientApplicationBuilder.Create("m2m") // expect: client-id-format/error
            .WithAuthority("https://login.microsoftonline.com/contoso.onmicrosoft.com")
            .WithClientSecret(System.Environment.GetEnvironmentVariable("DEMO_SECRET"))
            .Build();
}
