// Our own file in the shape of MSAL.NET's tests/devapps/MauiApps/MauiAppBasic/MSALClient/PCAWrapper.cs:
// the embedded web view only in the iOS build (`#if IOS`), the system browser elsewhere.
using Microsoft.Identity.Client;

namespace Contoso.Maui.MSALClient
{
    public class PcaWrapper
    {
        internal IPublicClientApplication Pca { get; }
        internal bool UseEmbedded { get; set; }

        public PcaWrapper()
        {
            Pca = PublicClientApplicationBuilder.Create(AuthSettings.ClientId).Build();
        }

        internal async Task<AuthenticationResult> SignInAsync(string[] scopes, object parent)
        {
#if IOS
            if (UseEmbedded)
            {
                return await Pca.AcquireTokenInteractive(scopes)
                    .WithUseEmbeddedWebView(true)
                    .WithParentActivityOrWindow(parent)
                    .ExecuteAsync();
            }
#endif
            return await Pca.AcquireTokenInteractive(scopes)
                .WithParentActivityOrWindow(parent)
                .ExecuteAsync();
        }
    }
}
