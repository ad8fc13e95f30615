// Shape of AzureAD/microsoft-authentication-library-for-js lib/msal-common/test/cache/entities/cacheConstants.ts
// and lib/msal-node/test/cache/cacheConstants.ts: token-cache entities whose `secret` is the cached token
// (a JWT-shaped stand-in or a word), never a client secret. No committed-secret finding on them (the JS reader
// still reads each entity's clientId as a config's: client-id-format, at most information in test code).
import { AccessTokenEntity } from "../../src/cache/entities/AccessTokenEntity";
import { IdTokenEntity } from "../../src/cache/entities/IdTokenEntity";

export const mockIdTokenEntity: IdTokenEntity = {
    homeAccountId: "uid.utid",
    environment: "login.microsoftonline.com",
    credentialType: "IdToken",
    clientId: "mock_client_id", // expect: client-id-format
    secret: "header.eyJvaWQiOiAib2JqZWN0OTg3NiIsICJzdWIiOiAic3ViIn0.signature",
    realm: "microsoft",
};

export const mockAccessTokenEntity: AccessTokenEntity = {
    homeAccountId: "uid.utid",
    environment: "login.microsoftonline.com",
    credentialType: "AccessToken",
    clientId: "mock_client_id", // expect: client-id-format
    secret: "cached_access_Token_for_scope1",
    realm: "microsoft",
    target: "scope1 scope2",
    cachedAt: "1000",
    expiresOn: "4600",
};

// Next to them, a confidential client's credential is still one (a test's generated secret: capped at warning).
export const mockConfidentialClient = {
    clientId: "b1e5c2a7-4d3f-4e8a-9c6b-2f1a0d9e8c7b",
    authority: "https://login.microsoftonline.com/common",
    secret: "Kd7Q~vN2pX9rT4mW8zL1cB6hJ3fY0sA5gE7uR2qPx", // expect: committed-secret/warning
};
