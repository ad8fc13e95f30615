// Our own file in the shape of Duende's IdentityModel.OidcClient MAUI sample (Platforms/Android/WebAuthenticatorActivity.cs):
// the callback activity of an app that signs in with Duende IdentityServer, not Entra.
using Android.App;
using Android.Content;
using Android.Content.PM;

namespace Contoso.Maui.Platforms.Android
{
    [Activity(NoHistory = true, LaunchMode = LaunchMode.SingleTop, Exported = true)]
    [IntentFilter(new[] { Intent.ActionView },
        Categories = new[] { Intent.CategoryDefault, Intent.CategoryBrowsable },
        DataScheme = "contosomaui")]
    public class WebAuthenticatorActivity : Microsoft.Maui.Authentication.WebAuthenticatorCallbackActivity
    {
    }
}
