// Shape of AzureAD/microsoft-authentication-library-for-dotnet tests/Microsoft.Identity.Test.Integration.netcore/
// HeadlessTests/FmiIntegrationTests.cs: a resource managed authority node asks for a federated managed identity
// (FMI) credential with MSAL.NET's own FMI client id (Constants.FmiNodeClientId), which is no GUID by design.
using Microsoft.Identity.Client;

public static class FmiCredentialClient
{
    public static IConfidentialClientApplication Create(string tenantId, Func<AssertionRequestOptions, Task<string>> rmaCredential) =>
        ConfidentialClientApplicationBuilder
            .Create("urn:microsoft:identity:fmi")
            .WithAuthority("https://login.microsoftonline.com/", tenantId)
            .WithClientAssertion(rmaCredential)
            .Build();

    // An app id URI is not a client id, and no other urn is MSAL's.
    public static IConfidentialClientApplication Mistaken(string tenantId, string secret) =>
        ConfidentialClientApplicationBuilder
            .Create("api://contoso-daemon") // expect: client-id-format/error
            .WithAuthority("https://login.microsoftonline.com/", tenantId)
            .WithClientSecret(secret)
            .Build();
}
