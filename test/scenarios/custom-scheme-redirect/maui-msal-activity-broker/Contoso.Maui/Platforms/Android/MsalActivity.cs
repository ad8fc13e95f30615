// Our own file in the shape of Azure-Samples/ms-identity-dotnetcore-maui MauiAppWithBroker (its Android
// manifest's msauth filter) written as the attribute MSAL.NET documents for the broker's browser fallback.
using Android.App;
using Android.Content;
using Microsoft.Identity.Client;

namespace Contoso.Maui.Platforms.Android;

[Activity(Exported = true)]
[IntentFilter(new[] { Intent.ActionView },
    Categories = new[] { Intent.CategoryBrowsable, Intent.CategoryDefault },
    DataScheme = "msauth",
    DataHost = "com.contoso.maui",
    DataPath = "/Ab3dEf6hIj9kLm2nOp5qRs8tUv1=")]
public class MsalActivity : BrowserTabActivity
{
}
