namespace Contoso.Maui.MSALClient
{
    public static class AuthSettings
    {
        public const string ClientId = "4b0db8c2-9f26-4417-8bde-3f0e3656f8e0";
        public const string Authority = "https://login.microsoftonline.com/common";
    }
}
