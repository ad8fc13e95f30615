// Shape of Azure-Samples/ms-identity-dotnetcore-maui MauiAppWithBroker/MSALClient/PlatformConfig.cs: a
// singleton whose RedirectUri each platform's start-up code sets.
namespace Contoso.Maui.MSALClient
{
    public class PlatformConfig
    {
        public static PlatformConfig Instance { get; } = new PlatformConfig();

        public string RedirectUri { get; set; }

        public object ParentWindow { get; set; }

        private PlatformConfig()
        {
        }
    }
}
