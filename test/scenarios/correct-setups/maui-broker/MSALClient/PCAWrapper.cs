// Shape: AzureAD/microsoft-authentication-library-for-dotnet tests/devapps/MauiApps/MauiAppWithBroker/MSALClient/PCAWrapper.cs
// (one builder in shared code, the broker on, the redirect from a singleton each platform's start-up sets).
using Microsoft.Identity.Client;

namespace Contoso.Notes.MSALClient
{
    public class PCAWrapper
    {
        internal const string ClientId = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
        internal const string TenantId = "contoso.onmicrosoft.com";

        internal IPublicClientApplication PCA { get; }

        public PCAWrapper()
        {
            PCA = PublicClientApplicationBuilder.Create(ClientId)
                .WithTenantId(TenantId)
                .WithBroker()
                .WithRedirectUri(PlatformConfig.Instance.RedirectUri) // expect: custom-scheme-redirect/information
                .Build();
        }
    }
}
