// Shape: AzureAD/microsoft-authentication-library-for-dotnet tests/Microsoft.Identity.Test.Unit/PublicApiTests/
// ConfidentialClientApplicationTests.cs — test doubles for secrets ("the_secret", "ClientSecret") are not
// secrets; a generated-looking one in a test is still reported, at warning.
using Microsoft.Identity.Client;

public class ConfidentialClientApplicationTests
{
    public void BuildsWithDummySecrets()
    {
        var a = ConfidentialClientApplicationBuilder.Create("6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b")
            .WithClientSecret("the_secret")
            .Build();
        var b = ConfidentialClientApplicationBuilder.Create("6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b")
            .WithClientSecret("ClientSecret")
            .Build();
        var c = ConfidentialClientApplicationBuilder.Create("6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b")
            .WithClientSecret("Rq3~7vKp0WmZyBdLcX2nHs9gJ4eUa6iOoTf1.aQe") // expect: committed-secret/warning
            .Build();
    }
}
