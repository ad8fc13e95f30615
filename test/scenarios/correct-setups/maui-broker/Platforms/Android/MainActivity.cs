// Shape: AzureAD/microsoft-authentication-library-for-dotnet tests/devapps/MauiApps/MauiAppWithBroker/Platforms/Android/MainActivity.cs
// (the broker redirect msauth://<package>/<signature hash>, the result handed back to MSAL).
using Android.App;
using Android.Content;
using Android.OS;
using Android.Runtime;
using Contoso.Notes.MSALClient;
using Microsoft.Identity.Client;

namespace Contoso.Notes
{
    [Activity(MainLauncher = true)]
    public class MainActivity : MauiAppCompatActivity
    {
        private const string AndroidRedirectURI = "msauth://com.contoso.notes/1wIqXSqBj7w+h11ZifsnqwgyKrY=";

        protected override void OnCreate(Bundle savedInstanceState)
        {
            base.OnCreate(savedInstanceState);
            PlatformConfig.Instance.RedirectUri = AndroidRedirectURI;
            PlatformConfig.Instance.ParentWindow = this;
        }

        protected override void OnActivityResult(int requestCode, [GeneratedEnum] Result resultCode, Intent data)
        {
            base.OnActivityResult(requestCode, resultCode, data);
            AuthenticationContinuationHelper.SetAuthenticationContinuationEventArgs(requestCode, resultCode, data);
        }
    }
}
