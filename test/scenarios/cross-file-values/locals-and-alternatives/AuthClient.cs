// A redirect read from settings with a fallback (`??`), held in a local and passed to the builder;
// every alternative that is a custom scheme is reported.
using Microsoft.Identity.Client;

namespace Contoso.Desktop
{
    public class AuthClient
    {
        private const string ClientId = "0e9c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b";

        private readonly string configuredRedirect;

        public IPublicClientApplication Create(bool loopback)
        {
            var redirectUri = configuredRedirect ?? $"msal{ClientId}://auth"; // expect: custom-scheme-redirect/warning
            var chosen = loopback ? "http://localhost" : redirectUri;
            return PublicClientApplicationBuilder.Create(ClientId)
                .WithRedirectUri(chosen)
                .Build();
        }
    }
}
