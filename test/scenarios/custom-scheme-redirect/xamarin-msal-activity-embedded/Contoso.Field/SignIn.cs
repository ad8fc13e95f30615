// Our own file in the shape of Azure-Samples/active-directory-xamarin-native-v2
// 2-With-broker/UserDetailsClient/UserDetailsClient/MainPage.xaml.cs: the shared project builds the client
// with MSAL.NET's default redirect and asks for the embedded web view.
using Microsoft.Identity.Client;

namespace Contoso.Field
{
    public static class SignIn
    {
        public const string ClientId = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";
        public static IPublicClientApplication Pca;

        public static async void SignInAsync(object parentWindow)
        {
            Pca ??= PublicClientApplicationBuilder.Create(ClientId).Build();
            await Pca.AcquireTokenInteractive(new[] { "User.Read" })
                .WithParentActivityOrWindow(parentWindow)
                .WithUseEmbeddedWebView(true)
                .ExecuteAsync();
        }
    }
}
