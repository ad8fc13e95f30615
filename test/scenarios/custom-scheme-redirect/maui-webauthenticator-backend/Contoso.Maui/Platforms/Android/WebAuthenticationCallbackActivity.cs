// Our own file in the shape of GiannisPapa/XEADemo XEADemo/XEADemo.Android/WebAuthenticationCallbackActivity.cs
// (Xamarin.Essentials): the callback of a web backend's sign-in (Services/BackendSignIn.cs).
using Android.App;
using Android.Content;
using Android.Content.PM;

namespace Contoso.Maui.Droid
{
    [Activity(NoHistory = true, LaunchMode = LaunchMode.SingleTop)]
    [IntentFilter(new[] { Android.Content.Intent.ActionView },
        Categories = new[] { Android.Content.Intent.CategoryDefault, Android.Content.Intent.CategoryBrowsable },
        DataScheme = "contoso-maui")]
    public class WebAuthenticationCallbackActivity : Xamarin.Essentials.WebAuthenticatorCallbackActivity
    {
    }
}
