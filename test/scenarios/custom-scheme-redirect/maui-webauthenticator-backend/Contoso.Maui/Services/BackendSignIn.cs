// Our own file in the shape of the MAUI docs' WebAuthenticator sample: the app's web backend signs in with
// Entra (which only ever sees the backend's https redirect) and hands the result to the app's callback.
namespace Contoso.Maui.Services;

public static class BackendSignIn
{
    const string Backend = "https://contoso-field.azurewebsites.net/mobileauth/";

    public static Task<WebAuthenticatorResult> SignInAsync(string provider) =>
        WebAuthenticator.AuthenticateAsync(new Uri(Backend + provider), new Uri("contoso-maui://"));
}
