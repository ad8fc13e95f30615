import * as assert from 'node:assert/strict';
import { findSecrets } from '../../../src/core/secrets/detector';

// The text detector in registration scripts and Python apps: an assignment's value there is code unless
// it is quoted. Shapes: microsoftgraph/msgraph-sdk-powershell samples/9-Applications.ps1
// (`$secret = Add-MgApplicationPassword …`), Azure-Samples AppCreationScripts Configure-WithCertificates.ps1
// (`$certificatePassword = ConvertTo-SecureString …`), AzureAD/microsoft-authentication-library-for-python
// (msal/token_cache.py `"secret": access_token,`, docstrings about PEM keys, sample/vault_jwt_sample.py).

const values = (text: string) => findSecrets(text).map((h) => h.value);

describe('secret detector: code in scripts', () => {
  it('does not take a command or a variable for a secret', () => {
    assert.deepEqual(values('$secret = Add-MgApplicationPassword -applicationId $app.Id\n'), []);
    assert.deepEqual(values('$certificatePassword = ConvertTo-SecureString $unsecureCertificatePassword -AsPlainText -Force\n'), []);
    assert.deepEqual(values('at = {\n    "secret": access_token,\n    "home_account_id": home_account_id,\n}\n'), []);
  });

  it('does not take prose about PEM or a sample name for a key', () => {
    assert.deepEqual(values('"""\n    {"private_key": "...-----BEGIN PRIVATE KEY-----... in PEM format", "thumbprint": "A1B2"}\n"""\n'), []);
    assert.deepEqual(values('{ "vault_clientsecret": "your_vault_client_secret" }\n'), []);
  });

  it('still finds literal secrets in scripts, .env files and PEM blocks', () => {
    assert.deepEqual(values('$ClientSecret = "Qm7x8Q~abcdefghijklmnopqrstuvwxyz01234"\n'), ['Qm7x8Q~abcdefghijklmnopqrstuvwxyz01234']);
    assert.deepEqual(values('CLIENT_SECRET=Vr5abcdefghij123 # the app\n'), ['Vr5abcdefghij123']);
    assert.deepEqual(values('CLIENT_SECRET = "Fl4t-literal-value-123"\n'), ['Fl4t-literal-value-123']);
    assert.equal(findSecrets('key = "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBg\\n-----END PRIVATE KEY-----"').length, 1);
  });
});

describe('secret detector: links', () => {
  it('does not take a query parameter of a link for a secret', () => {
    // Shape: AzureAD/microsoft-authentication-library-for-python tests/test_e2e.py (lab links in docstrings).
    assert.deepEqual(values('        password="***"  # From https://aka.ms/GetLabSecret?Secret=msidlabXYZ\n'), []);
    assert.deepEqual(values('see <https://example.test/x?a=1&client_secret=Zq7vLm2xRt9wKp4n>\n'), []);
    assert.deepEqual(values('Secret=Zq7vLm2xRt9wKp4n\nx?Secret=Zq7vLm2xRt9wKp4n\n'), ['Zq7vLm2xRt9wKp4n', 'Zq7vLm2xRt9wKp4n']);
  });
});
