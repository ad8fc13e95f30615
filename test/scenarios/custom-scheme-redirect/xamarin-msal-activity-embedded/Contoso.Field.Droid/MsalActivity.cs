// Our own file in the shape of Azure-Samples/active-directory-xamarin-native-v2
// 2-With-broker/UserDetailsClient/UserDetailsClient.Droid/MsalActivity.cs: the Android head's receiver of the
// shared project's redirect; the shared project signs in with an embedded web view, so no browser is involved.
using Android.App;
using Android.Content;
using Microsoft.Identity.Client;

namespace Contoso.Field.Droid
{
    [Activity(Exported = true)]
    [IntentFilter(new[] { Intent.ActionView },
        Categories = new[] { Intent.CategoryBrowsable, Intent.CategoryDefault },
        DataHost = "auth",
        DataScheme = "msal5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b")]
    public class MsalActivity : BrowserTabActivity
    {
    }
}
