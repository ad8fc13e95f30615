import * as assert from 'node:assert/strict';
import { findSecrets, looksLikeTestStandIn } from '../../../src/core/secrets/detector';
import { isTestFile } from '../../../src/core/rules/shared/test-file';
import { effectiveOptions } from '../../../src/core/engine/options';
import type { ParsedFile } from '../../../src/core/model';

// The shapes of issue 16's last committed-secret false alarms (real9: cli-microsoft365 login.spec.ts, the
// MSAL.js cache constants, MSAL.NET WithAttributeTokensTests.cs); whole files are in
// test/scenarios/committed-secret/token-cache-entries and test-stand-ins.

const kinds = (text: string) => findSecrets(text).map((h) => `${h.kind}: ${h.value}`);

describe('committed-secret: token-cache entries', () => {
  it('reads the `secret` of an MSAL cache entity (JS object, C# named arguments, serialized JSON) as a cached token', () => {
    assert.deepEqual(kinds('export const e = {\n  homeAccountId: "uid.utid",\n  credentialType: "RefreshToken",\n  secret: "rt_value_Kq8zP4mWx",\n};'), [
      'cached token: rt_value_Kq8zP4mWx',
    ]);
    assert.deepEqual(kinds('new MsalAccessTokenCacheItem(\n  clientId: ClientId,\n  secret: "obo_at_B_injected",\n  cachedAt: now,\n  expiresOn: later);'), [
      'cached token: obo_at_B_injected',
    ]);
    assert.deepEqual(kinds('{"secret": "eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJ4In0.c2ln", "credential_type": "AccessToken", "home_account_id": "u.t"}'), [
      'cached token: eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJ4In0.c2ln',
    ]);
  });

  it('keeps a client secret a client secret: one cache field is not enough, a sibling object does not count, other keys stay', () => {
    const secret = 'Zp8~q2VhTn5LcW0yRk7sXb3Jf9MdQa1Ge6Uo4Hi_';
    assert.deepEqual(kinds(`const c = { realm: "contoso", secret: "${secret}" };`), [`client secret: ${secret}`]);
    const sibling = `const a = { homeAccountId: "u", credentialType: "IdToken" };\nconst b = { clientId: "x", secret: "${secret}" };`;
    assert.deepEqual(kinds(sibling), [`client secret: ${secret}`]);
    assert.deepEqual(kinds(`{ homeAccountId: "u", credentialType: "AccessToken", clientSecret: "${secret}" }`), [`client secret: ${secret}`]);
  });
});

describe('committed-secret: stand-ins typed in tests', () => {
  it('are words joined by _, @, digits, or JWT-shaped', () => {
    for (const value of [
      'unBrEakaBle@123',
      'obo_at_B_injected',
      'blue_Falcon_riverside@2024',
      'header.eyJvaWQiOiAib2JqZWN0MTIzNCJ9.signature',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc',
    ]) {
      assert.ok(looksLikeTestStandIn(value), value);
    }
  });

  it('never a generated secret: Entra secrets, older base64 ones, random values', () => {
    for (const value of [
      'Xy7Q~b3NpV9tR2wK8mL4cD6hF1jZ0sA5gE7uT3qW',
      'abc8Q~Xy7zQ1wErTyUiOpAsDfGhJkLzXcVbNm12',
      'kZ3v+9QwE1rT/yU8iO2pA4sD6fG7hJ0kL5zX=',
      'Pfx-Pa55w0rd-Lk2Vb8Tq4W',
      'q8KzR2mWx7TnV4pLc9YbJ3sF',
    ]) {
      assert.equal(looksLikeTestStandIn(value), false, value);
    }
  });

  it('a file is a test by its own name (testPaths) or its test framework, not by a folder above it', () => {
    const options = effectiveOptions({});
    const file = (path: string, text = ''): ParsedFile => ({ path, format: 'msal-js', text, configs: [], registrations: [], problems: [] });
    assert.ok(isTestFile(file('/repo/src/m365/commands/login.spec.ts'), options));
    assert.ok(isTestFile(file('/repo/tests/Unit/WithAttributeTokensTests.cs'), options));
    assert.ok(isTestFile(file('/repo/lib/cacheHelpers.ts', "describe('cache', () => {});"), options));
    assert.ok(isTestFile(file('/repo/app/src/test/java/LoginTest.java', '@Test\npublic void signsIn() {}'), options));
    assert.equal(isTestFile(file('/home/me/tests/contoso-app/src/authConfig.ts', 'export const msalConfig = {};'), options), false);
    assert.equal(isTestFile(file('/repo/src/login.spec.ts'), effectiveOptions({ testPaths: [] })), false);
  });
});
