// Shape: OfficeDev/TeamsFx packages/simpleauth/src/TeamsFxSimpleAuth/Constants.cs and
// AzureAD/microsoft-authentication-library-for-dotnet src/client/Microsoft.Identity.Client/OAuth2/OAuthConstants.cs:
// constants that name a setting or a protocol parameter are not secrets.
public static class Constants
{
    public const string ClientSecret = "CLIENT_SECRET";
    public const string OAuthClientSecret = "client_secret";
    public static string M365ClientSecret = "M365_CLIENT_SECRET";
}
