// Our own file in the shape of MSAL.NET's tests/devapps/MauiApps/MauiAppWithBroker/MSALClient/PCAWrapper.cs:
// the broker is on and the redirect is the broker's; without a broker app installed MSAL falls back to the
// browser, which the receiver in Platforms/Android/MsalActivity.cs catches (reported here, where it is written).
using Microsoft.Identity.Client;

namespace Contoso.Maui.MSALClient
{
    public class PcaWrapper
    {
        internal const string ClientId = "4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a";
        internal IPublicClientApplication Pca { get; }

        public PcaWrapper()
        {
            Pca = PublicClientApplicationBuilder
                .Create(ClientId)
                .WithBroker()
                .WithRedirectUri("msauth://com.contoso.maui/Ab3dEf6hIj9kLm2nOp5qRs8tUv1%3D") // expect: custom-scheme-redirect/information
                .Build();
        }
    }
}
