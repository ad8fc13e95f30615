// Shape of Azure-Samples/ms-identity-dotnetcore-maui MauiAppB2C/Platforms/Windows/App.xaml.cs.
using Contoso.Maui.MSALClient;

namespace Contoso.Maui.WinUI
{
    public partial class App : MauiWinUIApplication
    {
        public App()
        {
            this.InitializeComponent();
            PlatformConfig.Instance.RedirectUri = "http://localhost";
        }
    }
}
