// Our own file in the shape of MSAL.NET's tests/devapps/MauiApps/MauiAppBasic/MSALClient/PCAWrapper.cs: the
// builder writes no redirect, so MSAL.NET sends msal<client id>://auth on Android, through the system browser.
using Microsoft.Identity.Client;

namespace Contoso.Maui.MSALClient
{
    public class PcaWrapper
    {
        internal const string ClientId = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";
        internal IPublicClientApplication Pca { get; }

        public PcaWrapper(object parentWindow)
        {
            Pca = PublicClientApplicationBuilder
                .Create(ClientId)
                .WithAuthority("https://login.microsoftonline.com/organizations")
                .WithParentActivityOrWindow(() => parentWindow)
                .Build();
        }
    }
}
