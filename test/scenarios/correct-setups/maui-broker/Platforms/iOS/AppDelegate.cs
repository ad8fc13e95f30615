// Shape: AzureAD/microsoft-authentication-library-for-dotnet tests/devapps/MauiApps/MauiAppWithBroker/Platforms/iOS/AppDelegate.cs
// (msauth.<bundle id>://auth, and the broker's response handed back to MSAL).
using Contoso.Notes.MSALClient;
using Foundation;
using Microsoft.Identity.Client;
using UIKit;

namespace Contoso.Notes
{
    [Register("AppDelegate")]
    public class AppDelegate : MauiUIApplicationDelegate
    {
        private const string iOSRedirectURI = "msauth.com.contoso.notes://auth";

        public override bool FinishedLaunching(UIApplication application, NSDictionary launchOptions)
        {
            PlatformConfig.Instance.RedirectUri = iOSRedirectURI;
            return base.FinishedLaunching(application, launchOptions);
        }

        public override bool OpenUrl(UIApplication application, NSUrl url, NSDictionary options)
        {
            if (AuthenticationContinuationHelper.IsBrokerResponse(null))
            {
                AuthenticationContinuationHelper.SetBrokerContinuationEventArgs(url);
                return true;
            }
            return base.OpenUrl(application, url, options);
        }
    }
}
