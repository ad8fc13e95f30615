// Shape: Azure-Samples/ms-identity-dotnet-desktop-tutorial 1-Calling-MSGraph/1-1-AzureAD/Console-Interactive-MultiTarget
// (MSAL.NET desktop: the system browser and the loopback redirect http://localhost).
using Microsoft.Identity.Client;

public static class Program
{
    private const string ClientId = "5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c";
    private const string Tenant = "contoso.onmicrosoft.com";

    public static async Task Main()
    {
        IPublicClientApplication app = PublicClientApplicationBuilder.Create(ClientId)
            .WithAuthority(AzureCloudInstance.AzurePublic, Tenant)
            .WithRedirectUri("http://localhost")
            .Build();
        var result = await app.AcquireTokenInteractive(new[] { "User.Read" }).ExecuteAsync();
        Console.WriteLine(result.Account.Username);
    }
}
