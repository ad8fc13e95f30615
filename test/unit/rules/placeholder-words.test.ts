import * as assert from 'node:assert/strict';
import { holdsPlaceholder } from '../../../src/core/entra/uri';

// Words that ask for the real value (MSAL.js samples ChromiumExtensionSample/auth.js, TestingSample/app/authConfig.js).
describe('placeholders written as words', () => {
  it('start with "your" or end with "here"', () => {
    for (const value of ['your-client-id-here', 'client_id_here', 'tenanted_authority_here', 'your_tenant_id', 'YourClientId', 'your client id']) {
      assert.ok(holdsPlaceholder(value), value);
    }
  });

  it('never a real value: ids, domains, URIs, words that only contain the letters', () => {
    for (const value of [
      '6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
      'contoso.onmicrosoft.com',
      'yourapp://auth',
      'https://your-app.azurewebsites.net/here',
      'hereford',
      'sphere',
      'm2m',
    ]) {
      assert.equal(holdsPlaceholder(value), false, value);
    }
  });

  it('is linear on a long run of words', () => {
    assert.equal(holdsPlaceholder(`${'word_'.repeat(20000)}x`), false);
  });
});
