// Shape: the builder made in shared code, the redirect from a platform singleton, the broker on
// (Azure-Samples/ms-identity-dotnetcore-maui MauiAppWithBroker/MSALClient/MSALClientHelper.cs).
using Microsoft.Identity.Client;

public class MsalClientHelper
{
    public IPublicClientApplication Build()
    {
        return PublicClientApplicationBuilder.Create(AzureAdConfig.ClientId)
            .WithAuthority(AzureAdConfig.Authority)
            .WithRedirectUri(PlatformConfig.Instance.RedirectUri)
            .WithBroker()
            .Build();
    }
}
