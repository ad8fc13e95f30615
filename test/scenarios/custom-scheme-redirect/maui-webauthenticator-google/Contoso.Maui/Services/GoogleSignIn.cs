// Our own file in the shape of the MAUI docs' WebAuthenticator sample: a Google authorization request whose
// callback the Android activity receives.
namespace Contoso.Maui.Services;

public static class GoogleSignIn
{
    const string ClientId = "123456789012-abcdefghijklmnop.apps.googleusercontent.com";
    const string Callback = "com.googleusercontent.apps.123456789012-abcdefghijklmnop:/oauth2redirect";

    public static Task<WebAuthenticatorResult> SignInAsync() =>
        WebAuthenticator.Default.AuthenticateAsync(
            new Uri($"https://accounts.google.com/o/oauth2/v2/auth?client_id={ClientId}&response_type=code&scope=openid&redirect_uri={Callback}"),
            new Uri(Callback));
}
