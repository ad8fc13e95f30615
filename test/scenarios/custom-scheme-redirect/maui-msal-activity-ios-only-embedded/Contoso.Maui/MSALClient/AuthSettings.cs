// Our own file in the shape of MSAL.NET's tests/devapps/MauiApps/*/MSALClient/: constants of the shared project.
namespace Contoso.Maui.MSALClient
{
    public static class AuthSettings
    {
        public const string ClientId = "6f7a8b9c-0d1e-4f2a-9b3c-4d5e6f7a8b9c";
        public const string AndroidScheme = "msal6f7a8b9c-0d1e-4f2a-9b3c-4d5e6f7a8b9c";
    }
}
