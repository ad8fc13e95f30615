// Our own file in the shape of ahaggqvist/Uroskur-Mobile src/Platforms/Android/WebAuthenticationCallbackActivity.cs
// (the MAUI docs' callback activity, with a C# 12 collection expression as in SubtitlesApp): it receives the
// callback of Services/EntraSignIn.cs, which is judged there, where it is written.
using Android.App;
using Android.Content;
using Android.Content.PM;

namespace Contoso.Maui;

[Activity(NoHistory = true, LaunchMode = LaunchMode.SingleTop, Exported = true)]
[IntentFilter([Intent.ActionView], Categories = [Intent.CategoryDefault, Intent.CategoryBrowsable], DataScheme = CALLBACK_SCHEME)]
public class WebAuthenticationCallbackActivity : WebAuthenticatorCallbackActivity
{
    private const string CALLBACK_SCHEME = "contoso-maui";
}
