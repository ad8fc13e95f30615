// Shape of NicklasC93/B2CTest B2CTest/B2CTest/Constants.cs: the app's settings as constants of their own file.
namespace Contoso.Mobile
{
    public static class Constants
    {
        public static readonly string ClientId = "6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
        public static readonly string AuthoritySignIn = "https://contosob2c.b2clogin.com/tfp/contosob2c.onmicrosoft.com/B2C_1_signin";
        public const string IosRedirect = "msauth.com.contoso.mobile://auth";
    }
}
