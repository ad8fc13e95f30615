// Shape of derekaz/BookShelves src/BookShelves.Maui/Platforms/Android/AuthenticationService.cs: Android signs
// in through the embedded web view, so the custom scheme never meets the system browser.
using Microsoft.Identity.Client;

namespace Contoso.Shelves.Services;

public partial class AuthenticationService
{
    private partial PublicClientApplicationBuilder AddPlatformConfiguration(PublicClientApplicationBuilder builder)
    {
        builder.WithRedirectUri($"msal{ClientId}://auth");
        return builder;
    }

    private partial AcquireTokenInteractiveParameterBuilder AddInteractivePlatformConfiguration(AcquireTokenInteractiveParameterBuilder builder)
    {
        builder.WithUseEmbeddedWebView(true);
        return builder;
    }
}
