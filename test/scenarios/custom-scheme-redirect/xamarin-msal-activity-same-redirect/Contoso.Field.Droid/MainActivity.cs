// Our own file in the shape of Azure-Samples/active-directory-xamarin-native-v2 1-Basic (UserDetailsClient/App.cs
// and UserDetailsClient.Droid/MsalActivity.cs), folded into one Android head file: the builder writes the
// redirect down, and the receiver beside it receives that same redirect, so it is reported once, at the builder.
using Android.App;
using Android.Content;
using Microsoft.Identity.Client;

namespace Contoso.Field.Droid
{
    public static class Auth
    {
        public const string ClientId = "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d";

        public static IPublicClientApplication Create() =>
            PublicClientApplicationBuilder.Create(ClientId)
                .WithRedirectUri($"msal{ClientId}://auth") // expect: custom-scheme-redirect/warning
                .Build();
    }

    [Activity(Exported = true)]
    [IntentFilter(new[] { Intent.ActionView },
        Categories = new[] { Intent.CategoryBrowsable, Intent.CategoryDefault },
        DataHost = "auth",
        DataScheme = "msal" + Auth.ClientId)]
    public class MsalActivity : BrowserTabActivity
    {
    }
}
