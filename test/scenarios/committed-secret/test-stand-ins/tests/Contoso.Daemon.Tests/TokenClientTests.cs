// Shape of AzureAD/microsoft-authentication-library-for-dotnet tests/Microsoft.Identity.Test.Unit (MSTest classes
// that build a confidential client with a literal secret): a typed word-like secret in a test is a stand-in.
using Microsoft.Identity.Client;

[TestClass]
public class TokenClientTests
{
    [TestMethod]
    public void BuildsWithSecret()
    {
        var app = ConfidentialClientApplicationBuilder.Create("6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b")
            .WithAuthority("https://login.microsoftonline.com/contoso.onmicrosoft.com")
            .WithClientSecret("blue_Falcon_riverside@2024")
            .Build();
    }
}
