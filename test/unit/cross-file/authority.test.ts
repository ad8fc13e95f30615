import * as assert from 'node:assert/strict';
import { AzureCloudInstance, ClientConfigurationErrorCodes } from '@azure/msal-node';
import { CLOUD_HOSTS, configAuthority, inKnownAuthorities, MSAL_ERROR, parseAuthority, tenantRange } from '../../../src/core/entra/authority';
import type { AuthConfig } from '../../../src/core/model';

describe('cross-file: authorities', () => {
  it("takes msal's error codes and cloud hosts from @azure/msal-node", () => {
    assert.equal(MSAL_ERROR.untrustedAuthority, ClientConfigurationErrorCodes.untrustedAuthority);
    assert.equal(MSAL_ERROR.authorityUriInsecure, ClientConfigurationErrorCodes.authorityUriInsecure);
    assert.ok(CLOUD_HOSTS.includes(new URL(AzureCloudInstance.AzurePublic).host));
    assert.ok(CLOUD_HOSTS.includes(new URL(AzureCloudInstance.AzureUsGovernment).host));
    assert.ok(!CLOUD_HOSTS.includes('none'));
  });

  it('reads host, kind, tenant and audience', () => {
    assert.deepEqual(parseAuthority('https://login.microsoftonline.com/common/'), {
      scheme: 'https',
      host: 'login.microsoftonline.com',
      kind: 'entra',
      tenant: 'common',
      audience: 'common',
    });
    assert.equal(parseAuthority('https://login.microsoftonline.com/Organizations')?.audience, 'organizations');
    assert.equal(parseAuthority('https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad')?.audience, 'consumers');
    assert.equal(parseAuthority('https://login.microsoftonline.com/contoso.onmicrosoft.com')?.audience, 'tenant');
    assert.equal(parseAuthority('https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_susi')?.kind, 'b2c');
    assert.equal(parseAuthority('https://login.contoso.example/tfp/contoso.onmicrosoft.com/B2C_1_susi')?.kind, 'b2c');
    assert.equal(parseAuthority('https://contoso.ciamlogin.com/')?.kind, 'ciam');
    assert.equal(parseAuthority('https://sts.contoso.example/adfs')?.kind, 'adfs');
    assert.equal(parseAuthority('https://login.contoso.example/contoso')?.kind, 'other');
    // Microsoft's pre-production cloud (msal-common AzureCloudInstance.AzurePpe; MSAL.js e2e samples sign in there).
    assert.equal(parseAuthority('https://login.windows-ppe.net/common/')?.kind, 'entra');
    assert.equal(parseAuthority('https://login.windows.net/contoso.onmicrosoft.com')?.kind, 'entra');
  });

  it('leaves templates, placeholders and relative values unread', () => {
    assert.equal(parseAuthority('https://login.microsoftonline.com/${tenantId}'), undefined);
    assert.equal(parseAuthority('https://login.microsoftonline.com/Enter_the_Tenant_Info_Here')?.audience, undefined);
    assert.equal(parseAuthority('common'), undefined);
  });

  it('lets a separate tenant value win over the instance (appsettings Instance + TenantId)', () => {
    const text = '{"Instance": "https://login.microsoftonline.com/", "TenantId": "common"}';
    const config: AuthConfig = {
      kind: 'config',
      library: 'ms-identity-web',
      platform: 'web',
      instance: { value: 'https://login.microsoftonline.com/', range: { start: 14, end: 48 } },
      tenant: { value: 'common', range: { start: text.indexOf('common'), end: text.indexOf('common') + 6 } },
      redirectUris: [],
      range: { start: 0, end: text.length },
    };
    assert.equal(configAuthority(config)?.info.audience, 'common');
    assert.deepEqual(tenantRange(config, text), { start: 64, end: 70 });
  });

  it('reads a tenant given alone as a tenant of the public cloud (MSAL default instance)', () => {
    const text = '.WithTenantId("organizations")';
    const config: AuthConfig = {
      kind: 'config',
      library: 'msal-dotnet',
      platform: 'publicClient',
      tenant: { value: 'organizations', range: { start: 15, end: 28 } },
      redirectUris: [],
      range: { start: 0, end: 30 },
    };
    assert.deepEqual(configAuthority(config)?.info, {
      scheme: 'https',
      host: 'login.microsoftonline.com',
      kind: 'entra',
      tenant: 'organizations',
      audience: 'organizations',
    });
    assert.deepEqual(tenantRange(config, text), { start: 15, end: 28 });
  });

  it('finds the tenant segment inside an authority written verbatim', () => {
    const text = 'authority: "https://login.microsoftonline.com/common/v2.0"';
    const config: AuthConfig = {
      kind: 'config',
      library: 'msal-browser',
      platform: 'spa',
      authority: { value: 'https://login.microsoftonline.com/common/v2.0', range: { start: 12, end: 57 } },
      redirectUris: [],
      range: { start: 0, end: 58 },
    };
    const range = tenantRange(config, text)!;
    assert.equal(text.slice(range.start, range.end), 'common');
  });

  it('accepts knownAuthorities entries as hosts or URLs', () => {
    assert.equal(inKnownAuthorities('contoso.b2clogin.com', ['Contoso.B2CLogin.com']), true);
    assert.equal(inKnownAuthorities('contoso.b2clogin.com', ['https://contoso.b2clogin.com/']), true);
    assert.equal(inKnownAuthorities('contoso.b2clogin.com', ['fabrikam.b2clogin.com']), false);
    assert.equal(inKnownAuthorities('contoso.b2clogin.com', undefined), false);
  });
});
