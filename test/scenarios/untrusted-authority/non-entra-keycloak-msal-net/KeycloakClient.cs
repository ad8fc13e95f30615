// Shape of AzureAD/microsoft-authentication-library-for-dotnet tests/Microsoft.Identity.Test.Unit/CoreTests/
// InstanceTests/GenericAuthorityTests.cs (WithOidcAuthority) and the Keycloak issuer of
// FormidableLabs/react-native-app-auth docs/docs/providers/keycloak.md: a local Keycloak realm served over
// http://. Keycloak is not Entra, and MSAL's http check is for Entra authorities: no finding.
using Microsoft.Identity.Client;

public static class KeycloakClient
{
    public static IConfidentialClientApplication Create(string secret) =>
        ConfidentialClientApplicationBuilder.Create("web_app")
            .WithOidcAuthority("http://keycloak.contoso.lan:9080/realms/jhipster")
            .WithClientSecret(secret)
            .Build();
}
