// Our own file in the shape of MSAL.NET's tests/devapps/MauiApps/MauiAppB2C/MSALClient/PCAWrapperB2C.cs: the
// builder writes the redirect its AndroidManifest.xml receives, and signs in through the system browser.
using Microsoft.Identity.Client;

namespace Contoso.Maui.MSALClient
{
    public class PcaWrapper
    {
        internal const string ClientId = "8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e";
        internal IPublicClientApplication Pca { get; }

        public PcaWrapper()
        {
            Pca = PublicClientApplicationBuilder
                .Create(ClientId)
                .WithAuthority("https://login.microsoftonline.com/organizations")
                .WithRedirectUri($"msal{ClientId}://auth") // expect: custom-scheme-redirect/warning
                .Build();
        }
    }
}
