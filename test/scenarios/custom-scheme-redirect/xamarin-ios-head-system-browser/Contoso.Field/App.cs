// Our own file in the shape of Azure-Samples/active-directory-xamarin-native-v2
// 1-Basic/UserDetailsClient/UserDetailsClient/App.cs: a Xamarin.Forms shared project builds the
// client and signs in through the system browser, which the msal<client id> scheme its iOS head
// declares receives.
using Microsoft.Identity.Client;

namespace Contoso.Field
{
    public static class SignIn
    {
        public static string ClientId = "0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b";
        public static IPublicClientApplication Pca;

        public static void Create()
        {
            Pca = PublicClientApplicationBuilder.Create(ClientId)
                .WithRedirectUri($"msal{ClientId}://auth") // expect: custom-scheme-redirect/warning
                .Build();
        }

        public static async void SignInAsync(object parentWindow)
        {
            await Pca.AcquireTokenInteractive(new[] { "User.Read" })
                .WithParentActivityOrWindow(parentWindow)
                .WithUseEmbeddedWebView(false)
                .ExecuteAsync();
        }
    }
}
