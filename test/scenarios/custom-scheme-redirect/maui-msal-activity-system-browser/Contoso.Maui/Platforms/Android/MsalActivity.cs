// Our own file in the shape of Azure-Samples/ms-identity-dotnetcore-maui MauiAppBasic/Platforms/Android/MsalActivity.cs:
// MSAL.NET's BrowserTabActivity receives msal<client id>://auth, which MSALClient/PcaWrapper.cs sends
// (MSAL.NET's Android default) through the system browser.
using Android.App;
using Android.Content;
using Microsoft.Identity.Client;

namespace Contoso.Maui.Platforms.Android;

[Activity(Exported = true)]
[IntentFilter(new[] { Intent.ActionView },
    Categories = new[] { Intent.CategoryBrowsable, Intent.CategoryDefault },
    DataHost = "auth",
    DataScheme = "msal3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f")] // expect: custom-scheme-redirect/warning
public class MsalActivity : BrowserTabActivity
{
}
