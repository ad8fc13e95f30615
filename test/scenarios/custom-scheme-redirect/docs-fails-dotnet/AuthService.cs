using Microsoft.Identity.Client;

public static class AuthService
{
    private const string ClientId = "6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";

    public static IPublicClientApplication Create() =>
        PublicClientApplicationBuilder.Create(ClientId)
            .WithAuthority(AzureCloudInstance.AzurePublic, "organizations")
            .WithRedirectUri($"msal{ClientId}://auth") // expect: custom-scheme-redirect/warning
            .Build();
}
