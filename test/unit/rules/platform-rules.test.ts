import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { lintFixtures } from '../../helpers/expectations';
import { SCENARIOS } from '../../helpers/scenarios';
import type { ParsedFile } from '../../../src/core/model';
import { encodeHash, intentAccepts, matchesPathPattern, splitRedirect } from '../../../src/core/rules/shared/android-app';
import { schemeCovers } from '../../../src/core/rules/shared/ios-app';
import { configFile, lintModel } from './model-builders';

const RULES = ['android-redirect-mismatch', 'ios-url-scheme-missing'];
const RAW = 'aB3+cD4/eF5gH6iJ7kL8mN9oP0q=';
const ENCODED = 'aB3%2BcD4%2FeF5gH6iJ7kL8mN9oP0q%3D';

// What each module reports is in its scenario (test/scenarios/android-redirect-mismatch/, …/ios-url-scheme-missing/);
// these tests check what a scenario cannot: fix edits and the matching helpers.

describe('android-redirect-mismatch', () => {
  const android = path.join(SCENARIOS, 'android-redirect-mismatch');

  it('offers unattended fixes that encode the config hash and decode the manifest path', () => {
    const config = path.join(android, 'docs-fails-raw-hash/src/main/res/raw/auth_config.json');
    const manifest = path.join(android, 'docs-fails-encoded-path/src/main/AndroidManifest.xml');
    const { findings } = lintFixtures([config, manifest]);
    const [configFix] = findings.get(config)!.find((f) => f.ruleId === RULES[0])!.fixes;
    assert.equal(configFix.unattended, true);
    assert.deepEqual(
      configFix.edits.map((e) => e.newText),
      [ENCODED],
    );
    const [manifestFix] = findings.get(manifest)!.find((f) => f.ruleId === RULES[0])!.fixes;
    assert.equal(manifestFix.unattended, true);
    assert.deepEqual(
      manifestFix.edits.map((e) => e.newText),
      [`/${RAW}`],
    );
  });

  it("matches android:pathPattern as Android's simple glob, without backtracking", () => {
    const cases: [string, string, boolean][] = [
      ['.*', '/anything/at/all', true],
      ['/abc.*', '/abcdef', true],
      ['/abc.*', '/abd', false],
      ['/a*b', '/aaab', true],
      ['/a*b', '/b', true],
      ['/a.b', '/axb', true],
      ['/a.b', '/ab', false],
      ['/a\\.b', '/a.b', true],
      ['/a\\.b', '/axb', false],
      ['/x', '/x/y', false],
    ];
    for (const [pattern, path, expected] of cases) assert.equal(matchesPathPattern(pattern, path), expected, `${pattern} ${path}`);
    // Hostile: many repeats against a long path that fails at the end (a backtracking matcher takes exponential time).
    assert.equal(matchesPathPattern('.*'.repeat(200) + 'z', `/${'a'.repeat(4000)}`), false);
  });

  it('matches intent data by scheme, host and decoded path', () => {
    const redirect = splitRedirect(`msauth://com.contoso.app/${ENCODED}`)!;
    const located = (value: string) => ({ value, range: { start: 0, end: 0 } });
    const data = {
      activity: 'com.microsoft.identity.client.BrowserTabActivity',
      scheme: located('msauth'),
      host: located('com.contoso.app'),
      path: located(`/${RAW}`),
      range: { start: 0, end: 0 },
    };
    assert.equal(intentAccepts(data, redirect), true);
    assert.equal(intentAccepts({ ...data, host: located('com.contoso.App') }, redirect), false);
    assert.equal(intentAccepts({ ...data, path: located('/other=') }, redirect), false);
    assert.equal(intentAccepts({ ...data, scheme: located('msal6a1f'), host: located('auth'), path: undefined }, splitRedirect('msal6a1f://auth')!), true);
    // As Android matches (MSAL asks the package manager): no path attribute takes every path; a prefix or pattern takes its paths.
    const hashed = splitRedirect('msauth://com.contoso.app/2pmj9i4rSx0yEb%2FviWBYkE%2FZQrk%3D')!;
    assert.equal(intentAccepts({ ...data, path: undefined }, hashed), true);
    assert.equal(intentAccepts({ ...data, path: undefined, pathPattern: located('.*') }, hashed), true);
    assert.equal(intentAccepts({ ...data, path: undefined, pathPattern: located('/abc.*') }, hashed), false);
    assert.equal(intentAccepts({ ...data, path: undefined, pathPrefix: located('/2pmj') }, hashed), true);
    assert.equal(intentAccepts({ ...data, path: undefined, pathPrefix: located('/other') }, hashed), false);
    assert.equal(intentAccepts({ ...data, path: located('/other='), pathPrefix: located('/2pmj') }, hashed), true, 'any of the attributes may match');
    assert.equal(encodeHash(RAW), ENCODED);
    assert.equal(encodeHash(ENCODED), ENCODED, 'encoding an encoded hash changes nothing');
  });

  it('does not report a missing intent filter when an embedded web view is used', () => {
    const manifest: ParsedFile = {
      path: '/w/app/src/main/AndroidManifest.xml',
      format: 'android-manifest',
      text: '<manifest/>',
      configs: [],
      registrations: [],
      problems: [],
      android: { packageName: { value: 'com.contoso.app', range: { start: 0, end: 0 } }, intentData: [] },
    };
    const base = configFile(
      '/w/app/src/main/res/raw/auth_config.json',
      `msauth://com.contoso.app/${ENCODED}`,
      { platform: 'android', library: 'msal-android' },
      { platform: 'android' },
    );
    const config: ParsedFile = { ...base, format: 'android-config' };
    assert.equal(lintModel([manifest, config], config.path, RULES[0]).length, 1);
    config.configs[0].userAgent = { kind: 'embedded', range: { start: 0, end: 0 }, description: 'an embedded web view' };
    assert.deepEqual(lintModel([manifest, config], config.path, RULES[0]), []);
  });
});

describe('ios-url-scheme-missing', () => {
  const ios = path.join(SCENARIOS, 'ios-url-scheme-missing');

  it('offers an unattended fix that adds the scheme to the Info.plist with its tabs and CRLF', () => {
    const config = path.join(ios, 'docs-fails/src/authConfig.ts');
    const plist = path.join(ios, 'docs-fails/ios/ContosoApp/Info.plist');
    const { findings } = lintFixtures([config, plist]);
    const [fix] = findings.get(config)!.find((f) => f.ruleId === RULES[1])!.fixes;
    assert.equal(fix.unattended, true);
    assert.equal(fix.edits[0].file, plist);
    assert.equal(fix.edits[0].newText, '\r\n\t\t\t\t<string>msauth.com.contoso.app</string>');
  });

  it('treats build-setting references in a scheme as wildcards', () => {
    assert.equal(schemeCovers('msauth.$(PRODUCT_BUNDLE_IDENTIFIER)', 'msauth.com.contoso.app'), true);
    assert.equal(schemeCovers('msauth.com.contoso.app', 'MSAUTH.com.contoso.app'), true);
    assert.equal(schemeCovers('contoso', 'msauth.com.contoso.app'), false);
    assert.equal(schemeCovers('$(PREFIX).contoso.${SUFFIX}', 'x.contoso.y'), true);
    assert.equal(schemeCovers('$(PREFIX).contoso.${SUFFIX}', '.contoso.y'), false, 'a variable stands for at least one character');
    assert.equal(schemeCovers('msauth.$(A)$(B)', 'msauth.x'), false);
    assert.equal(schemeCovers('msauth.$(A)$(B)', 'msauth.xy'), true);
  });

  // No clock here: a backtracking regex takes exponential time on this entry and would not finish within the suite's timeout.
  it('matches many build variables without backtracking', () => {
    const entry = `${'$(V)a'.repeat(40)}b`;
    assert.equal(schemeCovers(entry, 'xa'.repeat(5000)), false);
    assert.equal(schemeCovers(`${'$(V)a'.repeat(40)}`, 'xa'.repeat(40)), true);
  });

  it("finds the ios/ project of a React Native app from src/, but never a sibling app's plist", () => {
    const plist = (p: string): ParsedFile => ({
      path: p,
      format: 'ios-plist',
      text: '',
      configs: [],
      registrations: [],
      problems: [],
      ios: { urlSchemes: [], queriesSchemes: [] },
    });
    const rn = configFile('/w/rn/src/config/auth.ts', 'msauth.com.contoso.app://auth', { platform: 'ios' }, { platform: 'ios' });
    assert.equal(lintModel([rn, plist('/w/rn/ios/Contoso/Info.plist')], rn.path, RULES[1]).length, 1);
    const maui = configFile('/w/samples/maui/MsalClient.cs', 'msauth.com.contoso.app://auth', { platform: 'ios' }, { platform: 'ios' });
    assert.deepEqual(lintModel([maui, plist('/w/samples/ios/Other/Info.plist')], maui.path, RULES[1]), []);
  });

  it('is satisfied by msauthv2 and msauthv3 in LSApplicationQueriesSchemes', () => {
    const scheme = { value: 'msauth.com.contoso.app', range: { start: 0, end: 22 } };
    const plist: ParsedFile = {
      path: '/w/ios/Info.plist',
      format: 'ios-plist',
      text: 'msauth.com.contoso.app',
      configs: [],
      registrations: [],
      problems: [],
      ios: {
        urlSchemes: [scheme],
        queriesSchemes: [
          { value: 'msauthv2', range: { start: 0, end: 0 } },
          { value: 'msauthv3', range: { start: 0, end: 0 } },
        ],
      },
    };
    assert.deepEqual(lintModel([plist], plist.path, RULES[1]), []);
    plist.ios!.queriesSchemes.pop();
    const [finding] = lintModel([plist], plist.path, RULES[1]);
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /lacks msauthv3/);
  });

  it('stays silent when no Info.plist of the app is in view', () => {
    const config = configFile('/w/app/src/authConfig.ts', 'msauth.com.contoso.app://auth', { platform: 'ios' }, { platform: 'ios' });
    assert.deepEqual(lintModel([config], config.path, RULES[1]), []);
  });
});
