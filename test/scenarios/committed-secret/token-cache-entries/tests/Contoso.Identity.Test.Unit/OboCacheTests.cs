// Shape of AzureAD/microsoft-authentication-library-for-dotnet tests/Microsoft.Identity.Test.Unit/PublicApiTests/
// WithAttributeTokensTests.cs: a test seeds the token cache with an MsalAccessTokenCacheItem whose `secret:` is
// the access token it caches. No finding.
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.Cache.Items;

[TestClass]
public class OboCacheTests
{
    [TestMethod]
    public void SeedsTwoAttributedTokens()
    {
        var app = ConfidentialClientApplicationBuilder
            .Create(TestConstants.ClientId)
            .WithAuthority("https://login.microsoftonline.com/", TestConstants.TenantId)
            .WithClientSecret(TestConstants.ClientSecret)
            .BuildConcrete();

        var injected = new MsalAccessTokenCacheItem(
            preferredCacheEnv: TestConstants.ProductionPrefCacheEnvironment,
            clientId: TestConstants.ClientId,
            scopes: "user.read",
            tenantId: TestConstants.TenantId,
            secret: "obo_at_B_injected",
            cachedAt: DateTimeOffset.UtcNow,
            expiresOn: DateTimeOffset.UtcNow + TimeSpan.FromSeconds(3600),
            extendedExpiresOn: DateTimeOffset.UtcNow + TimeSpan.FromSeconds(7200),
            rawClientInfo: TestConstants.RawClientId,
            homeAccountId: TestConstants.HomeAccountId);
        app.UserTokenCacheInternal.Accessor.SaveAccessToken(injected);
    }
}
