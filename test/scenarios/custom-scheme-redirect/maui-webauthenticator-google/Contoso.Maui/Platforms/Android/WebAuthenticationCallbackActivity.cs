// Our own file in the shape of BookShelves src/BookShelves.Maui/Platforms/Android/MsalActivity.cs (its
// WebAuthenticationCallbackActivity) and the MAUI docs' WebAuthenticator callback: the scheme is a const of the
// class. The app signs in with Google (Services/GoogleSignIn.cs), so Entra never sees this redirect.
using Android.App;
using Android.Content;
using Android.Content.PM;

namespace Contoso.Maui.Platforms.Android;

[Activity(NoHistory = true, Exported = true, LaunchMode = LaunchMode.SingleTop)]
[IntentFilter(new[] { Intent.ActionView }, Categories = new[] { Intent.CategoryDefault, Intent.CategoryBrowsable }, DataScheme = CALLBACK_SCHEME)]
public class WebAuthenticationCallbackActivity : WebAuthenticatorCallbackActivity
{
    const string CALLBACK_SCHEME = "com.googleusercontent.apps.123456789012-abcdefghijklmnop";
}
