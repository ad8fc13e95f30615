// Shape: AzureAD/microsoft-authentication-library-for-dotnet tests/devapps/MauiApps/MauiAppWithBroker/MSALClient/PlatformConfig.cs.
namespace Contoso.Notes.MSALClient
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
