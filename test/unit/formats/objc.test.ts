import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFormat } from '../../../src/core/formats';
import { objcFormat } from '../../../src/core/formats/objc';
import { Project } from '../../../src/core/engine/project';
import type { AuthConfig, ParsedFile } from '../../../src/core/model';
import { rangeText as slice, stripBom } from '../../../src/core/io/text';
import { coveredText, FIXTURES, lintFixtures } from '../../helpers/expectations';

// The scenario runner checks every finding of test/fixtures/formats/objc; here: what the reader reads from
// message sends and C constants, with exact ranges, and that bad input never breaks it.

const dir = path.join(FIXTURES, 'formats/objc');
const fixture = (name: string) => path.join(dir, name);
const read = (name: string) => stripBom(fs.readFileSync(fixture(name), 'utf8'));
const parse = (name: string): ParsedFile => objcFormat.parse(fixture(name), read(name));
const parseText = (text: string): ParsedFile => objcFormat.parse('/w/Auth.m', text);
const redirects = (config: AuthConfig) => config.redirectUris.map((u) => `${u.value}${u.partial ? ' (partial)' : ''}`);

describe('format: Objective-C', () => {
  it('reads .m, .mm and .h files only when they mention MSAL, AppAuth or a redirect URI', () => {
    for (const name of ['/w/A.m', '/w/A.mm', '/w/Constants.h']) assert.equal(objcFormat.byName(name), 'sniff');
    assert.equal(objcFormat.byName('/w/A.swift'), 'no');
    assert.equal(detectFormat('/w/Math.h', 'int add(int a, int b);'), undefined);
    assert.equal(detectFormat('/w/Anything.m', read('CTSAuthManager.m'))?.id, 'objc');
  });

  it('reads initWithClientId:redirectUri:authority: with static NSString * const values and their exact ranges', () => {
    const text = read('CTSAuthManager.m');
    const [config] = parse('CTSAuthManager.m').configs;
    assert.equal(config.library, 'msal-ios');
    assert.equal(config.clientId?.value, '0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b');
    assert.equal(slice(text, config.clientId!.range), '0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b');
    assert.equal(config.authority?.value, 'https://login.microsoftonline.com/contoso.onmicrosoft.com');
    assert.deepEqual(redirects(config), ['msal0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b://auth']);
    assert.equal(slice(text, config.range), 'MSALPublicClientApplicationConfig');
    assert.equal(config.userAgent?.kind, 'broker');
  });

  it('builds AppAuth endpoints from stringWithFormat: with positional arguments', () => {
    const [config] = parse('B2CAppAuth.m').configs;
    assert.equal(config.library, 'appauth-ios');
    assert.equal(config.authority?.value, 'https://contosob2c.b2clogin.com/te/contosob2c.onmicrosoft.com/b2c_1_susi/oauth2/v2.0/authorize');
    assert.deepEqual(redirects(config), ['com.onmicrosoft.contosob2c.notes://oauth/redirect']);
    const [google] = parse('GoogleAppAuth.m').configs;
    assert.equal(google.authority?.value, 'https://accounts.google.com');
  });

  it('follows [base stringByAppendingString:suffix] into the issuer (a non-Entra server is seen as such)', () => {
    const [certification, entra] = parse('AppendedIssuer.m').configs;
    assert.equal(certification.authority?.value, 'https://rp.certification.example.org:8080/appauth-ios-macos/');
    assert.equal(entra.authority?.value, 'https://login.microsoftonline.com/');
    assert.deepEqual(redirects(entra), ['com.contoso.entra:/oauth2redirect']);
  });

  it('reads #define values, a redirect set after init, and the broker and web view settings', () => {
    const [defined] = parse('DefineRedirect.m').configs;
    assert.deepEqual(redirects(defined), ['contoso-define://auth']);
    const [embedded] = parse('EmbeddedWebview.m').configs;
    assert.deepEqual(redirects(embedded), ['contoso-embedded://auth']);
    assert.equal(embedded.userAgent?.kind, 'embedded');
    assert.equal(embedded.userAgent?.description, 'an embedded WKWebView (webviewType .wkWebView; brokerAvailability .none)');
  });

  it('reads setter messages, the MSAL 1.x initializer, ternaries and nested sends', () => {
    const text = [
      'MSALPublicClientApplicationConfig *config = [[MSALPublicClientApplicationConfig alloc] initWithClientId:@"c"];',
      '[config setRedirectUri:useBroker ? @"msauth.com.contoso.app://auth" : @"contoso-objc://auth"];',
      '[MSALGlobalConfig setBrokerAvailability:MSALBrokeredAvailabilityNone];',
      'MSALPublicClientApplication *legacy = [[[MSALPublicClientApplication alloc] initWithClientId:@"d" authority:nil redirectUri:@"contoso-legacy://auth" error:nil] autorelease];',
    ].join('\n');
    const [config, legacy] = parseText(text).configs;
    assert.deepEqual(redirects(config), ['msauth.com.contoso.app://auth', 'contoso-objc://auth']);
    assert.equal(config.userAgent?.kind, 'system-browser');
    assert.deepEqual(redirects(legacy), ['contoso-legacy://auth']);
    assert.equal(slice(text, legacy.redirectUris[0].range), 'contoso-legacy://auth');
  });

  it('pairs brackets the same whether a send is scanned alone or after the file table, and not past the bound', () => {
    // A send's close is found by a scan from its `[` until the scans of a file have walked as many tokens as
    // it holds; then the table of the whole file answers. Nested filler sends spend that budget first.
    const send =
      '[[MSALPublicClientApplicationConfig alloc] initWithClientId:@"c" redirectUri:(flag ? @"contoso-a://auth" : @"contoso-b://auth") authority:nil];';
    const filler = '[[[NSString alloc] initWithFormat:@"%d", (int)[items count]] autorelease];\n'.repeat(100);
    for (const text of [send, filler + send]) {
      const [config] = parseText(text).configs;
      assert.deepEqual(redirects(config), ['contoso-a://auth', 'contoso-b://auth']);
      assert.equal(slice(text, config.redirectUris[0].range), 'contoso-a://auth');
    }
    // A send whose close lies past the bound (MAX_EXPRESSION_TOKENS) is not read, however it is paired.
    const long = `[[MSALPublicClientApplicationConfig alloc] initWithClientId:@"c" redirectUri:@"contoso-long://auth" authority:[self pick:${'a, '.repeat(200)}b]];`;
    for (const text of [long, filler + long]) assert.deepEqual(parseText(text).configs, []);
  });

  it('never reads comments or strings as code, and keeps exact ranges with a BOM and CRLF', () => {
    const parsed = parse('DefineRedirect.m');
    assert.equal(parsed.configs.length, 1);
    const raw = fs.readFileSync(fixture('CrlfBom.mm'), 'utf8');
    const { findings } = lintFixtures([fixture('CrlfBom.mm')]);
    const finding = findings.get(fixture('CrlfBom.mm'))!.find((f) => f.ruleId === 'custom-scheme-redirect')!;
    assert.deepEqual([finding.start.line, finding.start.character], [4, 38]);
    assert.equal(coveredText(raw, finding), 'contoso-mm://auth');
  });
});

describe('format: Objective-C — one big file after another', () => {
  // Both files are big enough for the engine to lend them the same kept token list (lexer.ts): the bracket
  // table and scan count the reader kept for the first file's list must not be read for the second.
  const config =
    'MSALPublicClientApplicationConfig *config = [[MSALPublicClientApplicationConfig alloc] initWithClientId:@"c1" redirectUri:@"contoso://auth" authority:nil];\n';
  const first = '#import <MSAL/MSAL.h>\n' + config + '[self call:[NSArray arrayWithObjects:@1, @2, nil] with:(id)[x y]];\n'.repeat(1200) + config;
  const second = '#import <MSAL/MSAL.h>\n' + '[[[a b] c:[d e]] f];\n'.repeat(2500) + config;
  const redirects = (parsed: ParsedFile) => parsed.configs.map((c) => c.redirectUris.map((u) => u.value));

  it('reads the second file as it reads it alone', () => {
    assert.deepEqual(redirects(objcFormat.parse('/w/B.m', second)), [['contoso://auth']]);
    const project = new Project({});
    assert.deepEqual(redirects(project.setFile('/w/A.m', first)!), [['contoso://auth'], ['contoso://auth']]);
    assert.deepEqual(redirects(project.setFile('/w/B.m', second)!), [['contoso://auth']]);
  });
});

describe('format: Objective-C — bad input', () => {
  const hostile = [
    `${'['.repeat(100_000)}MSALPublicClientApplicationConfig alloc${']'.repeat(100_000)}`,
    `[[MSALPublicClientApplicationConfig alloc] initWithClientId:${'('.repeat(50_000)}@"x"`,
    `#define A B\n#define B A\nid c = [[MSALPublicClientApplicationConfig alloc] initWithClientId:@"c" redirectUri:A authority:nil];`,
    '@"unterminated\n[[MSALPublicClientApplicationConfig alloc] initWithClientId:@"c" redirectUri:@"x://y authority:nil];\n/* open',
    '\u0000 [ : ] ; = == @ @[ #define #if #endif ? : [[MSALPublicClientApplicationConfig alloc] initWithClientId: ]',
    `${'[MSALGlobalConfig setBrokerAvailability:'.repeat(10_000)}`,
  ];

  it('never throws, keeps ranges inside the text, and follows no cycle', () => {
    for (const text of hostile) {
      const parsed = parseText(text);
      for (const config of parsed.configs) {
        for (const u of config.redirectUris) assert.ok(u.range.start >= 0 && u.range.end <= text.length);
      }
    }
    assert.deepEqual(parseText(hostile[2]).configs[0].redirectUris, []);
    assert.ok(parseText(hostile[3]).problems.length > 0);
  });
});
