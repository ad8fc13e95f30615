import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { coveredText, lintFixtures } from '../../helpers/expectations';
import { SCENARIOS } from '../../helpers/scenarios';
import { configFile, lintModel, registrationFile } from './model-builders';
import { LIMIT_WITH_PERSONAL, LIMIT_WORK_SCHOOL } from '../../../src/core/rules/too-many-redirects';
import { isLiteralSecret } from '../../../src/core/rules/committed-secret';
import { holdsPlaceholder } from '../../../src/core/entra/uri';

// What each registration and appsettings file reports is in its scenario (test/scenarios/registrations/,
// test/scenarios/committed-secret/); these tests check ranges, codes, messages and the rules' helpers.
const registrations = path.join(SCENARIOS, 'registrations');
const secrets = path.join(SCENARIOS, 'committed-secret/appsettings-environments');

describe('redirect URI rules over registration fixtures', () => {
  it('anchor each finding on the offending value', () => {
    const file = path.join(registrations, 'personal-audience/personal-manifest.json');
    const { findings } = lintFixtures([file]);
    const text = fs.readFileSync(file, 'utf8');
    const urn = findings.get(file)!.find((f) => f.ruleId === 'urn-redirect')!;
    assert.equal(coveredText(text, urn), 'urn:ietf:wg:oauth:2.0:oob');
    assert.deepEqual(urn.codes, ['AADSTS500119']);
    const http = findings.get(file)!.find((f) => f.ruleId === 'insecure-http-redirect')!;
    assert.equal(coveredText(text, http), 'http://contoso.example.com/signin-oidc');
    assert.deepEqual(http.codes, ['AADSTS500117']);
    const placeholder = findings
      .get(file)!
      .filter((f) => f.ruleId === 'placeholder-value')
      .map((f) => f.codes[0]);
    assert.deepEqual(placeholder, ['AADSTS700016', 'AADSTS50011']);
  });
});

describe('committed-secret', () => {
  it('reports a literal secret masked', () => {
    const file = path.join(secrets, 'appsettings.json');
    const [finding] = lintFixtures([file])
      .findings.get(file)!
      .filter((f) => f.ruleId === 'committed-secret');
    assert.ok(finding.message.includes('Xy7********'));
    assert.ok(!finding.message.includes('abcdEFGH'), 'the secret itself never appears');
  });

  it('tells literal secrets from references and samples', () => {
    assert.equal(isLiteralSecret('Xy7Q~abcdEFGH1234ijklMNOP5678qrstUVWX90yz'), true);
    for (const value of [
      '',
      'short',
      '${CLIENT_SECRET}',
      '$(ClientSecret)',
      '%CLIENT_SECRET%',
      '#{ClientSecret}#',
      'Enter_the_Client_Secret_Here',
      'your-client-secret',
      '<client-secret>',
      'xxxxxxxxxxxx',
    ]) {
      assert.equal(isLiteralSecret(value), false, value);
    }
  });
});

describe('placeholder-value', () => {
  it('recognises sample markers, also inside a longer value', () => {
    for (const value of [
      'Enter_the_Application_Id_Here',
      'https://login.microsoftonline.com/Enter_the_Tenant_Info_Here',
      '<enter_your_redirect_uri>',
      '[REPLACE with your app id]',
      'msal[Enter_the_Application_Id_Here]://auth',
      'msal[client-id]://auth',
      'CLIENT_ID',
      'YOUR_TENANT_ID',
      'client-id-from-app-registration',
      'tenant_id_from_the_azure_portal',
    ]) {
      assert.equal(holdsPlaceholder(value), true, value);
    }
    for (const value of [
      '6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
      'https://login.microsoftonline.com/organizations',
      'msauth.com.contoso.app://auth',
      'https://contoso.com/from/app/registration',
    ]) {
      assert.equal(holdsPlaceholder(value), false, value);
    }
    assert.equal(holdsPlaceholder('${redirectBase}/auth', true), false, 'a template is unknown, not a placeholder');
    assert.equal(holdsPlaceholder('<your redirect uri>', true), true, 'a whole value of bracketed words is a placeholder, partial or not');
    assert.equal(holdsPlaceholder('https://app.contoso.com/<see docs> here', true), false, 'bracketed words inside a longer value are not');
    assert.equal(holdsPlaceholder('msauth://UserDetailsClient.Droid/{Your package signature}', true), true, 'unless they ask for the value');
    assert.equal(holdsPlaceholder('TODO <Your ClientID>'), true);
    assert.equal(holdsPlaceholder('https://app.contoso.com/{yourself}', true), false, 'a word that only starts with "your"');
  });

  // No clock here (shared machines are noisy): a backtracking matcher would not finish these within the suite's timeout.
  it('answers on long hostile values (no quadratic backtracking)', () => {
    for (const value of [
      'enter_the_'.repeat(20000),
      '[replace'.repeat(20000),
      `<${'a'.repeat(200000)}`,
      `<${'a '.repeat(100000)}`,
      'a-from-'.repeat(30000),
      `{your ${'a'.repeat(200000)}`,
      '{your'.repeat(40000),
    ]) {
      assert.equal(holdsPlaceholder(value), false, value.slice(0, 12));
      assert.equal(holdsPlaceholder(value, true), false, value.slice(0, 12));
    }
  });
});

describe('too-many-redirects', () => {
  const uris = (n: number) => Array.from({ length: n }, (_, i) => `https://app${i}.contoso.example.com/auth`);
  const personal = { signInAudience: { value: 'AzureADandPersonalMicrosoftAccount', range: { start: 0, end: 0 } } };

  it('fires on the first entry over the limit of the audience', () => {
    const file = registrationFile('/w/manifest.json', uris(LIMIT_WITH_PERSONAL + 1), personal);
    const findings = lintModel([file], file.path, 'too-many-redirects');
    assert.equal(findings.length, 1);
    assert.equal(coveredText(file.text, findings[0]), `https://app${LIMIT_WITH_PERSONAL}.contoso.example.com/auth`);
    assert.equal(findings[0].severity, 'error');
  });

  it('does not fire at the limit, nor under the work-and-school limit', () => {
    assert.deepEqual(lintModel([registrationFile('/w/a.json', uris(LIMIT_WITH_PERSONAL), personal)], '/w/a.json', 'too-many-redirects'), []);
    assert.deepEqual(lintModel([registrationFile('/w/b.json', uris(LIMIT_WITH_PERSONAL + 1))], '/w/b.json', 'too-many-redirects'), []);
    assert.equal(lintModel([registrationFile('/w/c.json', uris(LIMIT_WORK_SCHOOL + 1))], '/w/c.json', 'too-many-redirects').length, 1);
  });

  it('names the audience that sets the limit, quoted', () => {
    const [finding] = lintModel([registrationFile('/w/a.json', uris(LIMIT_WORK_SCHOOL + 1))], '/w/a.json', 'too-many-redirects');
    assert.equal(finding.message, `Redirect URI 257 of 257: at most 256 are allowed with signInAudience 'AzureADMyOrg' (the default); remove some.`);
  });
});

describe('loopback-redirect (model)', () => {
  it('warns about localhost URIs that differ only by port, but not about 127.0.0.1 ones (Entra keeps their port)', () => {
    const localhost = registrationFile('/w/a.json', ['http://localhost:3000/app', 'http://localhost:4200/app'], {}, 'spa');
    const [finding] = lintModel([localhost], localhost.path, 'loopback-redirect');
    assert.equal(coveredText(localhost.text, finding), 'http://localhost:4200/app');
    assert.equal(finding.severity, 'warning');
    assert.match(
      finding.message,
      /^Redirect URI 'http:\/\/localhost:4200\/app' differs from 'http:\/\/localhost:3000\/app' only by port; tell them apart by path\.$/,
    );
    const ip = registrationFile('/w/b.json', ['http://127.0.0.1:3000/app', 'http://127.0.0.1:4200/app'], {}, 'spa');
    assert.deepEqual(lintModel([ip], ip.path, 'loopback-redirect'), []);
  });
});

describe('redirect-uri-format (model)', () => {
  it('fires on a relative redirect of a native app and on an over-long URI', () => {
    assert.equal(lintModel([configFile('/w/a.ts', '/auth')], '/w/a.ts', 'redirect-uri-format').length, 1);
    assert.equal(lintModel([configFile('/w/b.ts', 'localhost:3000/auth')], '/w/b.ts', 'redirect-uri-format').length, 1);
    const long = `https://contoso.example.com/${'a'.repeat(240)}`;
    const [finding] = lintModel([configFile('/w/c.ts', long)], '/w/c.ts', 'redirect-uri-format');
    assert.match(finding.message, /268 characters long/);
  });

  it('accepts a relative redirect of msal-browser and judges only the known part of a partial value', () => {
    assert.deepEqual(
      lintModel([configFile('/w/a.ts', '/', { library: 'msal-browser', platform: 'spa' }, { platform: 'spa' })], '/w/a.ts', 'redirect-uri-format'),
      [],
    );
    assert.deepEqual(lintModel([configFile('/w/b.ts', '${window.location.origin}/auth', {}, { partial: true })], '/w/b.ts', 'redirect-uri-format'), []);
    assert.equal(lintModel([configFile('/w/c.ts', '${base}/auth#x', {}, { partial: true })], '/w/c.ts', 'redirect-uri-format').length, 1);
  });

  it('rejects a query only when personal accounts are in the audience (through the registration of the client id)', () => {
    const id = { value: '6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b', range: { start: 0, end: 0 } };
    const config = configFile(
      '/w/app.ts',
      'https://contoso.example.com/auth?x=1',
      { clientId: id, platform: 'web', library: 'msal-node' },
      { platform: 'web' },
    );
    assert.deepEqual(lintModel([config], config.path, 'redirect-uri-format'), []);
    const registration = registrationFile('/w/manifest.json', [], {
      appId: id,
      signInAudience: { value: 'AzureADandPersonalMicrosoftAccount', range: { start: 0, end: 0 } },
    });
    assert.equal(lintModel([config, registration], config.path, 'redirect-uri-format').length, 1);
  });
});

describe('insecure-http-redirect (model)', () => {
  it('skips loopback hosts and hosts that are not statically known', () => {
    for (const value of ['http://localhost:8080/cb', 'http://127.0.0.1/cb', 'http://${host}/cb', 'https://contoso.example.com']) {
      assert.deepEqual(
        lintModel([configFile('/w/a.ts', value, {}, { partial: value.includes('$') || undefined })], '/w/a.ts', 'insecure-http-redirect'),
        [],
        value,
      );
    }
    const [partial] = lintModel([configFile('/w/b.ts', 'http://contoso.example.com/${path}', {}, { partial: true })], '/w/b.ts', 'insecure-http-redirect');
    assert.equal(partial.fixes[0].edits[0].newText, 'https');
  });
});
