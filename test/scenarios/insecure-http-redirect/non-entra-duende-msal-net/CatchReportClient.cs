// Shape of AzureAD/microsoft-authentication-library-for-dotnet tests/Microsoft.Identity.Test.Unit/CoreTests/
// InstanceTests/GenericAuthorityTests.cs: MSAL.NET's generic OIDC authority against Duende's demo server, with
// an http:// redirect on a host that is not localhost. Duende is not Entra: no finding.
using Microsoft.Identity.Client;

public static class CatchReportClient
{
    public static IConfidentialClientApplication Create(string secret) =>
        ConfidentialClientApplicationBuilder.Create("m2m")
            .WithRedirectUri("http://some_redirect_uri")
            .WithClientSecret(secret)
            .WithOidcAuthority("https://demo.duendesoftware.com")
            .Build();
}
