// Our own file in the shape of MSAL.NET's tests/devapps/MauiApps/MauiAppBasic/Platforms/Android/MsalActivity.cs.
// The scheme is a constant of the shared project's AuthSettings.cs. The embedded web view of
// PcaWrapper.cs is chosen in an `#if IOS` branch, so Android signs in through the system browser.
using Android.App;
using Android.Content;
using Microsoft.Identity.Client;

namespace Contoso.Maui.Platforms.Android
{
    [Activity(Exported = true)]
    [IntentFilter(new[] { Intent.ActionView },
        Categories = new[] { Intent.CategoryBrowsable, Intent.CategoryDefault },
        DataHost = "auth",
        DataScheme = AuthSettings.AndroidScheme)] // expect: custom-scheme-redirect/warning
    public class MsalActivity : BrowserTabActivity
    {
    }
}
