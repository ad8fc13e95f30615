// Shape of Azure-Samples/ms-identity-dotnetcore-maui MauiAppBasic/Platforms/Android/MainActivity.cs.
using Android.App;
using Android.OS;
using Contoso.Maui.MSALClient;

namespace Contoso.Maui
{
    [Activity(MainLauncher = true)]
    public class MainActivity : MauiAppCompatActivity
    {
        protected override void OnCreate(Bundle savedInstanceState)
        {
            base.OnCreate(savedInstanceState);
            PlatformConfig.Instance.RedirectUri = $"msal{AuthSettings.ClientId}://auth";
            PlatformConfig.Instance.ParentWindow = this;
        }
    }
}
