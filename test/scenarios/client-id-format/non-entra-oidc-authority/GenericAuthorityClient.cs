// Shape of AzureAD/microsoft-authentication-library-for-dotnet tests/Microsoft.Identity.Test.Integration.netcore/
// HeadlessTests/GenericAuthorityTests.cs: MSAL.NET against a generic OIDC authority (Duende's demo server),
// whose client ids are its own ("m2m"), not Entra GUIDs. No finding.
using Microsoft.Identity.Client;

public static class GenericAuthorityClient
{
    private const string DemoAuthority = "https://demo.duendesoftware.com";

    public static IConfidentialClientApplication Create() =>
        ConfidentialClientApplicationBuilder.Create("m2m")
            .WithOidcAuthority(DemoAuthority)
            .WithClientSecret(System.Environment.GetEnvironmentVariable("DEMO_SECRET"))
            .Build();
}
