// Shape of NicklasC93/B2CTest B2CTest/B2CTest/App.xaml.cs: the redirect interpolates a constant of another file.
using Microsoft.Identity.Client;
using Xamarin.Forms;

namespace Contoso.Mobile
{
    public partial class App : Application
    {
        public static IPublicClientApplication AuthenticationClient { get; private set; }

        public App()
        {
            AuthenticationClient = PublicClientApplicationBuilder.Create(Constants.ClientId)
                .WithB2CAuthority(Constants.AuthoritySignIn)
                .WithRedirectUri($"msal{Constants.ClientId}://auth") // expect: custom-scheme-redirect/information
                .Build();
        }
    }
}
