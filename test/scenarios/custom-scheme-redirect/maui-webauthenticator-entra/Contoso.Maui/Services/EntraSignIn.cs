// Our own file: MAUI's WebAuthenticator sent straight to Entra's authorize endpoint (the option the MAUI docs'
// WebAuthenticatorOptions gives), so Entra sees the custom-scheme callback and asks "Are you trying to sign in…?".
namespace Contoso.Maui.Services;

public static class EntraSignIn
{
    const string ClientId = "9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f";
    const string Callback = "contoso-maui://auth"; // expect: custom-scheme-redirect/warning

    public static Task<WebAuthenticatorResult> SignInAsync() =>
        WebAuthenticator.Default.AuthenticateAsync(new WebAuthenticatorOptions
        {
            Url = new Uri($"https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?client_id={ClientId}&response_type=code&scope=openid&redirect_uri={Callback}"),
            CallbackUrl = new Uri(Callback),
            PrefersEphemeralWebBrowserSession = true,
        });
}
