import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFormat } from '../../../src/core/formats';
import { swiftFormat } from '../../../src/core/formats/swift';
import type { AuthConfig, ParsedFile } from '../../../src/core/model';
import { rangeText as slice, stripBom } from '../../../src/core/io/text';
import { coveredText, FIXTURES, lintFixtures } from '../../helpers/expectations';

// The scenario runner checks every finding of test/fixtures/formats/swift; here: what the reader reads
// (values, exact ranges, user agents, providers) and that bad input never breaks it.

const dir = path.join(FIXTURES, 'formats/swift');
const fixture = (name: string) => path.join(dir, name);
const read = (name: string) => stripBom(fs.readFileSync(fixture(name), 'utf8'));
const parse = (name: string): ParsedFile => swiftFormat.parse(fixture(name), read(name));
const parseText = (text: string): ParsedFile => swiftFormat.parse('/w/Auth.swift', text);
const redirects = (config: AuthConfig) => config.redirectUris.map((u) => `${u.value}${u.partial ? ' (partial)' : ''}`);

describe('format: Swift', () => {
  it('reads a .swift file only when it mentions MSAL, AppAuth or a redirect URI', () => {
    assert.equal(swiftFormat.byName('/w/App/SignIn.swift'), 'sniff');
    assert.equal(swiftFormat.byName('/w/App/SignIn.m'), 'no');
    assert.equal(detectFormat('/w/App/View.swift', 'struct V: View { var body: some View { Text("hi") } }'), undefined);
    assert.equal(detectFormat('/w/App/Whatever.swift', read('BrokerViewController.swift'))?.id, 'swift');
    assert.equal(detectFormat('/w/App/Constants.swift', 'enum C { static let redirectUri = "x://y" }')?.id, 'swift');
  });

  it('follows enum constants and interpolation to the redirect, with the range of the literal as written', () => {
    const text = read('NotesAuthConstants.swift');
    const [config] = parse('NotesAuthConstants.swift').configs;
    assert.equal(config.library, 'msal-ios');
    assert.equal(config.platform, 'ios');
    assert.equal(config.clientId?.value, '3f2a9c4e-7b1d-4e6a-9f8c-2d5b7a1e4c90');
    assert.equal(config.authority?.value, 'https://login.microsoftonline.com/contoso.onmicrosoft.com');
    assert.deepEqual(redirects(config), ['msal3f2a9c4e-7b1d-4e6a-9f8c-2d5b7a1e4c90://auth']);
    assert.equal(slice(text, config.redirectUris[0].range), 'msal\\(clientId)://auth');
    assert.equal(slice(text, config.range), 'MSALPublicClientApplicationConfig');
  });

  it('leaves the broker at MSAL’s default (.auto) unless the file turns it off', () => {
    const broker = parse('BrokerViewController.swift').configs[0].userAgent!;
    assert.deepEqual([broker.kind, broker.fallback, broker.range], ['broker', 'system-browser', undefined]);
    assert.match(broker.description, /the broker when Microsoft Authenticator is installed, otherwise ASWebAuthenticationSession/);
    const text = read('SafariFallback.swift');
    const safari = parse('SafariFallback.swift').configs[0];
    assert.equal(safari.userAgent?.kind, 'system-browser');
    assert.equal(safari.userAgent?.description, 'SFSafariViewController (webviewType .safariViewController; brokerAvailability .none)');
    assert.equal(slice(text, safari.userAgent!.range!), '.safariViewController');
    // The redirect and authority set as properties after the initializer.
    assert.deepEqual(redirects(safari), ['com.contoso.notes.auth://callback']);
    assert.equal(safari.authority?.value, 'https://login.microsoftonline.com/organizations');
  });

  it('sees an embedded WKWebView, and MSAL 1.x web view settings per application', () => {
    const embedded = parse('EmbeddedWebView.swift').configs[0].userAgent!;
    assert.equal(embedded.kind, 'embedded');
    assert.match(embedded.description, /^an embedded WKWebView \(webviewType \.wkWebView; bypassRedirectURIValidation turns the broker off\)$/);
    const [global, perApplication] = parse('LegacyApi.swift').configs;
    assert.equal(global.userAgent?.fallback, 'embedded');
    assert.deepEqual(redirects(global), ['legacy-embedded://auth']);
    assert.equal(perApplication.userAgent?.fallback, 'system-browser');
    assert.match(perApplication.userAgent!.description, /SFSafariViewController/);
  });

  it('takes B2C from the authority the file builds, so the broker is never used', () => {
    const [config] = parse('B2CDefaultRedirect.swift').configs;
    assert.equal(config.authority?.value, 'https://contosob2c.b2clogin.com/tfp/contosob2c.onmicrosoft.com/');
    assert.equal(config.redirectUris.length, 0);
    assert.deepEqual(
      [config.userAgent?.kind, config.userAgent?.description],
      ['system-browser', 'ASWebAuthenticationSession (MSAL never uses the broker with this authority)'],
    );
  });

  it('reads AppAuth requests with the discovered issuer or the configuration’s authorization endpoint', () => {
    const [discovered, endpoints] = parse('AppAuthEntra.swift').configs;
    assert.equal(discovered.library, 'appauth-ios');
    assert.equal(discovered.authority?.value, 'https://login.microsoftonline.com/consumers/v2.0');
    assert.deepEqual(redirects(discovered), ['msauth.com.contoso.notes://auth/']);
    assert.equal(endpoints.authority?.value, 'https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize');
    assert.deepEqual(redirects(endpoints), ['com.contoso.notes:/oauth2redirect']);
    assert.equal(discovered.userAgent?.kind, 'system-browser');
    const [google, okta] = parse('AppAuthGoogle.swift').configs;
    assert.equal(google.authority?.value, 'https://accounts.google.com');
    assert.equal(okta.authority?.value, 'https://contoso.okta.com/oauth2/default/v1/authorize');
  });

  it('reads ternaries and ?? as alternatives and `#if` constants, and keeps nothing it cannot see', () => {
    const [config] = parse('Alternatives.swift').configs;
    // A hole with one value per `#if` branch is not substituted (the shared evaluator's rule): partial.
    assert.deepEqual(redirects(config), ['msauth.com.contoso.notes{bundleSuffix}://auth (partial)', 'contoso-dev://auth']);
    const [unknown] = parse('UnknownValues.swift').configs;
    assert.deepEqual([unknown.clientId, unknown.redirectUris, unknown.authority], [undefined, [], undefined]);
  });

  it('never reads comments, multi-line or raw strings as code', () => {
    const parsed = parse('CommentsAndStrings.swift');
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.configs.length, 1);
    assert.deepEqual(redirects(parsed.configs[0]), ['notes-live://auth']);
    assert.ok(parsed.comments!.length >= 4);
  });

  it('keeps exact ranges with a BOM, CRLF and tabs', () => {
    const raw = fs.readFileSync(fixture('CrlfBom.swift'), 'utf8');
    const { findings } = lintFixtures([fixture('CrlfBom.swift')]);
    const finding = findings.get(fixture('CrlfBom.swift'))!.find((f) => f.ruleId === 'custom-scheme-redirect')!;
    assert.deepEqual([finding.start.line, finding.start.character], [5, 21]);
    assert.equal(coveredText(raw, finding), 'contoso-crlf://auth');
  });

  it('reads the MSAL 1.x initializer, `Type.init(…)`, a typed variable and a computed property', () => {
    const text = [
      'struct Settings { static var redirect: String { return "contoso-computed://auth" } }',
      'let config: MSALPublicClientApplicationConfig = MSALPublicClientApplicationConfig.init(clientId: "c", redirectUri: Settings.redirect, authority: nil)',
      'config.redirectUri = "contoso-later://auth"',
    ].join('\n');
    const [config] = parseText(text).configs;
    assert.deepEqual(redirects(config), ['contoso-computed://auth', 'contoso-later://auth']);
    assert.equal(slice(text, config.redirectUris[1].range), 'contoso-later://auth');
  });

  it('judges nothing of a scheme that is only an unknown hole, and marks unknown parts partial', () => {
    const text =
      'let c = MSALPublicClientApplicationConfig(clientId: id, redirectUri: "\\(scheme)://auth", authority: nil)\nlet d = MSALPublicClientApplicationConfig(clientId: id, redirectUri: "msal\\(id)://auth", authority: nil)';
    const [c, d] = parseText(text).configs;
    assert.deepEqual(c.redirectUris, []);
    assert.deepEqual(redirects(d), ['msal{id}://auth (partial)']);
  });
});

describe('format: Swift — bad input', () => {
  const hostile = [
    `let a = MSALPublicClientApplicationConfig(clientId: ${'('.repeat(100_000)}"x"${')'.repeat(100_000)})`,
    `let a = MSALPublicClientApplicationConfig(clientId: "x", redirectUri: "${'\\('.repeat(20_000)}`,
    `${'let a = b\n'.repeat(20_000)}let b = a\nlet c = MSALPublicClientApplicationConfig(clientId: a, redirectUri: b, authority: nil)`,
    'let x = MSALPublicClientApplicationConfig(clientId: "c", redirectUri: "unterminated://auth, authority: nil)\n/* never closed',
    '\u0000\uFFFF\uD800 MSALPublicClientApplicationConfig( redirectUri: ) ) ] } #if #endif #else',
    `${'MSALPublicClientApplicationConfig('.repeat(5_000)}`,
    `let r = ${'a ?? '.repeat(5_000)}"z://auth"\nMSALPublicClientApplicationConfig(redirectUri: r)`,
  ];

  it('never throws, returns ranges inside the text, and reports what is broken', () => {
    for (const text of hostile) {
      const parsed = parseText(text);
      for (const config of parsed.configs) {
        for (const u of config.redirectUris) assert.ok(u.range.start >= 0 && u.range.end <= text.length && u.range.start <= u.range.end);
      }
    }
    assert.ok(parseText(hostile[3]).problems.length > 0);
  });

  it('reads a cycle of constants without looping', () => {
    const [config] = parseText(hostile[2]).configs;
    assert.deepEqual(config.redirectUris, []);
  });
});
