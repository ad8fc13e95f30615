// Our own file in the shape of Azure-Samples/ms-identity-dotnetcore-maui MauiAppWithBroker/MSALClient/MSALClientHelper.cs:
// MSAL.NET's default redirect (msal<client id>://auth on Android) with an embedded web view, so the
// AndroidManifest.xml receiver never gets it from a system browser.
using Microsoft.Identity.Client;

namespace Contoso.Maui.MSALClient
{
    public class PcaWrapper
    {
        internal const string ClientId = "8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e";
        internal IPublicClientApplication Pca { get; } = PublicClientApplicationBuilder.Create(ClientId).Build();

        internal Task<AuthenticationResult> SignInAsync(string[] scopes, object parent) =>
            Pca.AcquireTokenInteractive(scopes)
                .WithParentActivityOrWindow(parent)
                .WithUseEmbeddedWebView(true)
                .ExecuteAsync();
    }
}
