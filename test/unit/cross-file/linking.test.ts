import * as assert from 'node:assert/strict';
import type { AppRegistration, AuthConfig, Finding, Located, ParsedFile, RedirectUri } from '../../../src/core/model';
import { Project } from '../../../src/core/engine/project';
import { applyEdits } from '../../../src/core/fixes/apply';

// Workspaces built from ParsedFile objects, for config shapes whose formats are written elsewhere
// (appsettings response types, several registrations of one app) and for the quiet cases.

const APP_ID = '0c2e4a6b-8d0f-4a1b-9c3d-5e7f9a1b3c5d';

/** The value `needle` at its first occurrence in `text` (after `from`), with its range. */
function at<T = string>(text: string, needle: string, value?: T, from = 0): Located<T> {
  const start = text.indexOf(needle, from);
  assert.ok(start >= 0, `${needle} is in the text`);
  return { value: (value ?? needle) as T, range: { start, end: start + needle.length } };
}

function redirect(text: string, value: string, platform: RedirectUri['platform'], extra: Partial<RedirectUri> = {}): RedirectUri {
  return { ...at(text, value), platform, role: 'redirect', ...extra };
}

function file(path: string, text: string, parts: { configs?: AuthConfig[]; registrations?: AppRegistration[] }): ParsedFile {
  return {
    path,
    format: path.endsWith('.json') ? 'graph-manifest' : 'msal-js',
    text,
    configs: parts.configs ?? [],
    registrations: parts.registrations ?? [],
    problems: [],
  };
}

function lint(files: ParsedFile[]): Map<string, Finding[]> {
  const project = new Project();
  for (const f of files) project.index.set(f);
  const result = new Map<string, Finding[]>();
  for (const f of files)
    result.set(
      f.path,
      project.lintFile(f.path).filter((x) => x.ruleId !== 'custom-scheme-redirect' && x.ruleId !== 'loopback-redirect'),
    );
  return result;
}

const manifestText = `{
  "appId": "${APP_ID}",
  "signInAudience": "PersonalMicrosoftAccount",
  "web": {
    "redirectUris": ["https://notes.contoso.example/signin-oidc"],
    "implicitGrantSettings": { "enableAccessTokenIssuance": false, "enableIdTokenIssuance": false }
  }
}`;

function manifest(overrides: Partial<AppRegistration> = {}): AppRegistration {
  return {
    kind: 'registration',
    appId: at(manifestText, APP_ID),
    signInAudience: at(manifestText, 'PersonalMicrosoftAccount'),
    implicitAccessToken: at(manifestText, 'false', false, manifestText.indexOf('enableAccessTokenIssuance')),
    implicitIdToken: at(manifestText, 'false', false, manifestText.indexOf('enableIdTokenIssuance')),
    redirectUris: [redirect(manifestText, 'https://notes.contoso.example/signin-oidc', 'web')],
    redirectLists: {},
    redirectsComplete: true,
    range: { start: 0, end: manifestText.length },
    ...overrides,
  };
}

const settingsText = `{ "AzureAd": { "Instance": "https://login.microsoftonline.com/", "TenantId": "organizations", "ClientId": "${APP_ID}", "ResponseType": "code id_token", "RedirectUri": "https://notes.contoso.example/signin-oidc" } }`;

function webConfig(overrides: Partial<AuthConfig> = {}): AuthConfig {
  return {
    kind: 'config',
    library: 'ms-identity-web',
    platform: 'web',
    clientId: at(settingsText, APP_ID),
    instance: at(settingsText, 'https://login.microsoftonline.com/'),
    tenant: at(settingsText, 'organizations'),
    responseType: at(settingsText, 'code id_token'),
    redirectUris: [redirect(settingsText, 'https://notes.contoso.example/signin-oidc', 'web')],
    range: { start: 0, end: settingsText.length },
    ...overrides,
  };
}

describe('cross-file: linking configs to registrations', () => {
  it('reports response_type id_token against ID token issuance off (AADSTS700054) and offers to turn it on', () => {
    const reg = file('/w/app.json', manifestText, { registrations: [manifest({ signInAudience: undefined })] });
    const findings = lint([reg, file('/w/appsettings.js', settingsText, { configs: [webConfig()] })]).get('/w/appsettings.js')!;
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity, f.codes.join()]),
      [['implicit-grant-enabled', 'error', 'AADSTS700054']],
    );
    assert.equal(findings[0].related[0].range.start, manifestText.indexOf('false', manifestText.indexOf('enableIdTokenIssuance')));
    const fixed = applyEdits(manifestText, findings[0].fixes[0].edits);
    assert.ok(fixed.includes('"enableAccessTokenIssuance": false, "enableIdTokenIssuance": true'));
  });

  it('reports response_type token against access token issuance off (AADSTS700051)', () => {
    const reg = file('/w/app.json', manifestText, { registrations: [manifest({ signInAudience: undefined })] });
    const config = webConfig({ responseType: at(settingsText, 'code id_token', 'token') });
    const findings = lint([reg, file('/w/a.js', settingsText, { configs: [config] })]).get('/w/a.js')!;
    assert.deepEqual(
      findings.map((f) => f.codes.join()),
      ['AADSTS700051'],
    );
  });

  it('stays quiet when the registration does not state implicit settings', () => {
    const reg = file('/w/app.json', manifestText, { registrations: [manifest({ signInAudience: undefined, implicitIdToken: undefined })] });
    assert.deepEqual(lint([reg, file('/w/a.js', settingsText, { configs: [webConfig()] })]).get('/w/a.js'), []);
  });

  it('warns about /organizations against a personal-accounts-only app (AADSTS500207) and proposes consumers', () => {
    const reg = file('/w/app.json', manifestText, { registrations: [manifest()] });
    const findings = lint([reg, file('/w/a.js', settingsText, { configs: [webConfig({ responseType: undefined })] })]).get('/w/a.js')!;
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity, f.codes.join()]),
      [['authority-audience-mismatch', 'warning', 'AADSTS500207']],
    );
    assert.equal(settingsText.slice(findings[0].range.start, findings[0].range.end), 'organizations');
    assert.ok(applyEdits(settingsText, findings[0].fixes[0].edits).includes('"TenantId": "consumers"'));
  });

  it('offers no tenant fix for /common against a single-tenant app when the workspace does not know the tenant', () => {
    const reg = file('/w/app.json', manifestText, { registrations: [manifest({ signInAudience: { value: 'AzureADMyOrg', range: { start: 0, end: 1 } } })] });
    const config = webConfig({ responseType: undefined, tenant: at(settingsText, 'organizations') });
    const findings = lint([reg, file('/w/a.js', settingsText, { configs: [config] })]).get('/w/a.js')!;
    assert.deepEqual(
      findings.map((f) => f.codes.join()),
      ['AADSTS50194'],
    );
    assert.match(findings[0].message, /use the app's own tenant\.$/);
    assert.match(findings[0].detail ?? '', /Use the tenant id or domain of the app's directory, or make the app multi-tenant\.$/);
    assert.deepEqual(findings[0].fixes, []);
  });

  it('stays quiet when registrations of one appId disagree on the audience', () => {
    const a = file('/w/a.json', manifestText, { registrations: [manifest()] });
    const b = file('/w/b.json', manifestText, { registrations: [manifest({ signInAudience: { value: 'AzureADMultipleOrgs', range: { start: 0, end: 1 } } })] });
    const findings = lint([a, b, file('/w/c.js', settingsText, { configs: [webConfig({ responseType: undefined })] })]);
    assert.deepEqual(findings.get('/w/c.js'), []);
  });

  it('accepts a redirect that any registration with the appId lists', () => {
    const other = `{"appId": "${APP_ID}", "web": {"redirectUris": ["https://notes.contoso.example/other"]}}`;
    const a = file('/w/a.json', other, {
      registrations: [
        manifest({
          signInAudience: undefined,
          redirectUris: [redirect(other, 'https://notes.contoso.example/other', 'web')],
          appId: at(other, APP_ID),
          range: { start: 0, end: other.length },
        }),
      ],
    });
    const b = file('/w/b.json', manifestText, { registrations: [manifest({ signInAudience: undefined })] });
    const config = webConfig({ responseType: undefined, tenant: undefined });
    assert.deepEqual(lint([a, b, file('/w/c.js', settingsText, { configs: [config] })]).get('/w/c.js'), []);
    // Without the registration that lists it, the redirect is unregistered and the other one is related.
    const alone = lint([a, file('/w/c.js', settingsText, { configs: [config] })]).get('/w/c.js')!;
    assert.deepEqual(
      alone.map((f) => f.ruleId),
      ['unregistered-redirect'],
    );
    assert.deepEqual(
      alone[0].related.map((r) => r.file),
      ['/w/a.json'],
    );
  });

  it('says nothing when a registration holds templated redirect URIs or no redirect information', () => {
    const templated = manifest({
      signInAudience: undefined,
      redirectUris: [redirect(manifestText, 'https://notes.contoso.example/signin-oidc', 'web', { value: '${{ vars.BASE_URL }}/signin-oidc', partial: true })],
    });
    const config = webConfig({
      responseType: undefined,
      tenant: undefined,
      redirectUris: [redirect(settingsText, 'https://notes.contoso.example/signin-oidc', 'web', { value: 'https://elsewhere.contoso.example/cb' })],
    });
    assert.deepEqual(
      lint([file('/w/a.json', manifestText, { registrations: [templated] }), file('/w/c.js', settingsText, { configs: [config] })]).get('/w/c.js'),
      [],
    );
    // Terraform without redirect blocks says nothing about redirects; a portal manifest without lists has none.
    const silent = manifest({ signInAudience: undefined, redirectUris: [], redirectLists: {} });
    const terraform: ParsedFile = {
      ...file('/w/main.tf', manifestText, { registrations: [{ ...silent, redirectsComplete: undefined }] }),
      format: 'terraform',
    };
    assert.deepEqual(lint([terraform, file('/w/c.js', settingsText, { configs: [config] })]).get('/w/c.js'), []);
    const empty = lint([file('/w/a.json', manifestText, { registrations: [silent] }), file('/w/c.js', settingsText, { configs: [config] })]).get('/w/c.js')!;
    assert.deepEqual(
      empty.map((f) => f.ruleId),
      ['unregistered-redirect'],
    );
  });

  it('does not flag implicit issuance when a linked config may still need it (not MSAL 2+)', () => {
    const on = manifest({ signInAudience: undefined, implicitIdToken: at(manifestText, 'false', true, manifestText.indexOf('enableIdTokenIssuance')) });
    const files = [
      file('/w/a.json', manifestText, { registrations: [on] }),
      file('/w/c.js', settingsText, { configs: [webConfig({ responseType: undefined, tenant: undefined })] }),
    ];
    assert.deepEqual(lint(files).get('/w/a.json'), []);
    const msal2 = webConfig({ library: 'msal-node', responseType: undefined, tenant: undefined });
    const flagged = lint([files[0], file('/w/c.js', settingsText, { configs: [msal2] })]).get('/w/a.json')!;
    assert.deepEqual(
      flagged.map((f) => [f.ruleId, f.severity]),
      [['implicit-grant-enabled', 'warning']],
    );
  });

  it('still reports when the manifest cannot take the edit ("spa": null), just without that fix', () => {
    const text = `{ "appId": "${APP_ID}", "spa": null, "web": { "redirectUris": [] } }`;
    const project = new Project();
    project.setFile('/w/manifest.json', text);
    const config: AuthConfig = {
      kind: 'config',
      library: 'msal-browser',
      platform: 'spa',
      clientId: at(settingsText, APP_ID),
      redirectUris: [redirect(settingsText, 'https://notes.contoso.example/signin-oidc', 'spa')],
      range: { start: 0, end: 1 },
    };
    project.index.set(file('/w/authConfig.js', settingsText, { configs: [config] }));
    const findings = project.lintFile('/w/authConfig.js').filter((f) => f.ruleId === 'unregistered-redirect');
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0].fixes, []);
    // With a usable manifest the same finding offers the registration edit.
    project.setFile('/w/manifest.json', text.replace('"spa": null', '"spa": {}'));
    const fixed = project.lintFile('/w/authConfig.js').find((f) => f.ruleId === 'unregistered-redirect')!;
    assert.equal(
      applyEdits(
        project.index.get('/w/manifest.json')!.text,
        fixed.fixes[0].edits.filter((e) => e.file === '/w/manifest.json'),
      ).includes('"spa": {\n    "redirectUris": [\n      "https://notes.contoso.example/signin-oidc"\n    ]\n  }'),
      true,
      JSON.stringify(fixed.fixes),
    );
  });

  it('re-lints the linked files when a config or a registration changes', () => {
    const project = new Project();
    project.index.set(file('/w/a.json', manifestText, { registrations: [manifest()] }));
    project.index.set(file('/w/c.js', settingsText, { configs: [webConfig({ clientId: at(settingsText, APP_ID, APP_ID.toUpperCase()) })] }));
    project.index.set(
      file('/w/unrelated.js', settingsText, { configs: [webConfig({ clientId: at(settingsText, APP_ID, '11111111-2222-4333-8444-555555555555') })] }),
    );
    assert.deepEqual(project.dependentsOf('/w/a.json').sort(), ['/w/a.json', '/w/c.js']);
    assert.deepEqual(project.dependentsOf('/w/c.js').sort(), ['/w/a.json', '/w/c.js']);
    // Another config of the same app (its tenant feeds a fix) is re-linted too.
    project.index.set(file('/w/admin.js', settingsText, { configs: [webConfig()] }));
    assert.deepEqual(project.dependentsOf('/w/admin.js').sort(), ['/w/a.json', '/w/admin.js', '/w/c.js']);
  });
});
