// Shape of AzureAD/microsoft-authentication-library-for-dotnet tests/Microsoft.Identity.Test.Unit/CoreTests/
// InstanceTests/GenericAuthorityTests.cs (WithOidcAuthority): a desktop app against Google's issuer with the IPv6
// loopback redirect, which Google's installed-app flow accepts. Google is not Entra: no finding.
using Microsoft.Identity.Client;

public static class GoogleDesktopClient
{
    public static IPublicClientApplication Create() =>
        PublicClientApplicationBuilder.Create("123456789012-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com")
            .WithOidcAuthority("https://accounts.google.com")
            .WithRedirectUri("http://[::1]:8400/")
            .Build();
}
