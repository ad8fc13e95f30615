// Shape of Azure-Samples/active-directory-xamarin-native-v2 2-With-broker UserDetailsClient/App.cs and
// 3-With-Intune MAM PCAWrapper.cs: a bracketed request inside a longer value is a placeholder, reported as one
// (not as a client id that is no GUID, nor as a redirect URI that contains whitespace).
using Microsoft.Identity.Client;

namespace UserDetailsClient
{
    public static class App
    {
        private const string ClientId = "TODO <Your ClientID>"; // expect: placeholder-value/error
        public const string BrokerRedirectUriOnAndroid = "msauth://com.contoso.userdetails/{Your package signature}"; // expect: placeholder-value/error

        public static IPublicClientApplication Build() =>
            PublicClientApplicationBuilder.Create(ClientId)
                .WithBroker()
                .WithRedirectUri(BrokerRedirectUriOnAndroid)
                .Build();
    }
}
