// Shape of Azure-Samples/ms-identity-dotnetcore-maui MauiAppB2C/MSALClient/MSALClientHelper.cs: the builder
// is made in one method and finished in another, with the redirect URI the platform code set.
using Microsoft.Identity.Client;

namespace Contoso.Maui.MSALClient
{
    public class MSALClientHelper
    {
        public PublicClientApplicationBuilder Builder { get; private set; }

        public IPublicClientApplication PublicClientApplication { get; private set; }

        private void InitializeBuilder()
        {
            this.Builder = PublicClientApplicationBuilder.Create(AuthSettings.ClientId)
                .WithAuthority(AuthSettings.Authority)
                .WithIosKeychainSecurityGroup("com.microsoft.adalcache");
        }

        public void InitializePublicClientApp()
        {
            this.PublicClientApplication = this.Builder
                .WithRedirectUri(PlatformConfig.Instance.RedirectUri) // expect: custom-scheme-redirect/warning
                .Build();
        }
    }
}
