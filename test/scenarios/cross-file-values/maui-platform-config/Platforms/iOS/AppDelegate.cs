// Shape of Azure-Samples/ms-identity-dotnetcore-maui MauiAppBasic/Platforms/iOS/AppDelegate.cs.
using Foundation;
using Contoso.Maui.MSALClient;
using UIKit;

namespace Contoso.Maui
{
    [Register("AppDelegate")]
    public class AppDelegate : MauiUIApplicationDelegate
    {
        private const string iOSRedirectURI = "msauth.com.contoso.mauiapp://auth";

        public override bool FinishedLaunching(UIApplication application, NSDictionary launchOptions)
        {
            PlatformConfig.Instance.RedirectUri = iOSRedirectURI;
            return base.FinishedLaunching(application, launchOptions);
        }
    }
}
