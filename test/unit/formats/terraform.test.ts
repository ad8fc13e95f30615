import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFormat } from '../../../src/core/formats';
import { tokenizeHcl } from '../../../src/core/lexing/languages/hcl';
import { terraformFormat } from '../../../src/core/formats/terraform';
import type { AppRegistration } from '../../../src/core/model';
import { assertInlineExpectations, coveredText, FIXTURES, lintFixtures } from '../../helpers/expectations';
import { rangeText as slice } from '../../../src/core/io/text';

const dir = path.join(FIXTURES, 'formats/terraform');
const fixture = (name: string) => path.join(dir, name);
const read = (name: string) => fs.readFileSync(fixture(name), 'utf8').replace(/^\uFEFF/, '');
const uris = (reg: AppRegistration) => reg.redirectUris.map((u) => `${u.platform} ${u.value}${u.partial ? ' (partial)' : ''}`);

describe('format: terraform', () => {
  it('reads every .tf file', () => {
    assert.equal(detectFormat('/w/infra/main.tf', '')?.id, 'terraform');
    assert.equal(terraformFormat.byName('/w/infra/main.tfvars'), 'no');
  });

  it('reads azuread_application platform blocks, flags and lists', () => {
    const text = read('main.tf');
    const parsed = terraformFormat.parse(fixture('main.tf'), text);
    assert.deepEqual(parsed.problems, []);
    const [desktop] = parsed.registrations;
    assert.equal(desktop.displayName, 'Contoso Desktop');
    assert.equal(desktop.signInAudience?.value, 'AzureADMyOrg');
    assert.equal(desktop.allowPublicClient?.value, true);
    assert.equal(desktop.implicitAccessToken?.value, false);
    assert.equal(desktop.implicitIdToken?.value, true);
    assert.equal(desktop.appId, undefined);
    // `${var.scheme}://auth` has an unknown scheme and is dropped; the commented-out entry is not read
    assert.deepEqual(uris(desktop), [
      'publicClient contoso-desktop://auth',
      'publicClient http://localhost',
      'publicClient msal${var.client_id}://auth (partial)',
      'web https://contoso.example.com/signin-oidc',
      'spa https://contoso.example.com/spa',
    ]);
    for (const uri of desktop.redirectUris) assert.equal(slice(text, uri.range), uri.value);
    assert.match(slice(text, desktop.redirectLists!.publicClient!), /^\[\n {6}"contoso-desktop:\/\/auth",[^]*\]$/);
    assert.equal(slice(text, desktop.redirectLists!.spa!), '["https://contoso.example.com/spa"]');
    assert.ok(slice(text, desktop.range).startsWith('resource "azuread_application" "desktop" {'));
    assert.ok(slice(text, desktop.range).endsWith('"https://contoso.example.com/spa"] }\n}'));
  });

  it('links azuread_application_redirect_uris to the resource it references, else keeps its own registration', () => {
    const parsed = terraformFormat.parse(fixture('main.tf'), read('main.tf'));
    const names = parsed.registrations.map((r) => r.displayName ?? '(own)');
    assert.deepEqual(names, ['Contoso Desktop', 'Contoso Mobile', 'Contoso ${"Heredoc"}\n', '(own)']);
    assert.deepEqual(uris(parsed.registrations[1]), ['publicClient contoso-mobile://auth', 'publicClient msauth.com.contoso.mobile://auth']);
    assert.equal(parsed.registrations[1].signInAudience?.value, 'AzureADandPersonalMicrosoftAccount');
    assert.deepEqual(uris(parsed.registrations[3]), ['spa https://elsewhere.example.com/']);
    assert.deepEqual(uris(parsed.registrations[2]), []);
  });

  it('keeps exact ranges with a BOM, CRLF, tabs and comments', () => {
    const raw = fs.readFileSync(fixture('tabs-crlf.tf'), 'utf8');
    const { findings } = lintFixtures([fixture('tabs-crlf.tf')]);
    const finding = findings.get(fixture('tabs-crlf.tf'))!.find((f) => f.ruleId === 'custom-scheme-redirect')!;
    assert.deepEqual([finding.start.line, finding.start.character], [3, 29]);
    assert.equal(coveredText(raw, finding), 'contoso-tabs://auth');
  });

  it('reports the findings its fixtures expect', () => {
    assertInlineExpectations([fixture('main.tf'), fixture('tabs-crlf.tf')], ['custom-scheme-redirect', 'parse-error']);
  });

  it('tokenizes templates with nested quotes, escapes and $${ literals', () => {
    const { tokens, problems } = tokenizeHcl('a = "x${lookup(var.m, "k${1}")}y\\"$${z}"');
    assert.deepEqual(problems, []);
    const value = tokens.find((t) => t.kind === 'string')!;
    assert.deepEqual(value.parts, [{ text: 'x' }, { expression: 'lookup(var.m, "k${1}")', range: { start: 8, end: 30 } }, { text: 'y"${z}' }]);
  });

  it('reports malformed input with its position and keeps what was read', () => {
    const text = 'resource "azuread_application" "a" {\n  public_client {\n    redirect_uris = ["contoso://auth"]\n  }\n  web = = {\n  "unterminated\n';
    const parsed = terraformFormat.parse('/w/a.tf', text);
    assert.ok(parsed.problems.length >= 2);
    assert.ok(parsed.problems.some((p) => p.range.start === text.indexOf('"unterminated')));
    assert.ok(parsed.problems.some((p) => /not closed \(missing \}\)/.test(p.message) && p.range.start === 0));
    assert.deepEqual(uris(parsed.registrations[0]), ['publicClient contoso://auth']);
  });

  it('handles deep nesting without recursion', () => {
    const text = `resource "azuread_application" "a" {\n${'x {\n'.repeat(100_000)}${'}\n'.repeat(100_000)}}\nlocals { v = ${'['.repeat(100_000)} }\n`;
    const parsed = terraformFormat.parse('/w/a.tf', text);
    assert.equal(parsed.registrations.length, 1);
  });

  it('reads lists and heredocs longer than a call can take arguments', () => {
    const count = 200_000;
    const list = Array.from({ length: count }, (_, i) => `"https://a.example/${i}"`).join(',');
    const parsed = terraformFormat.parse('/w/a.tf', `resource "azuread_application" "a" {\n  web {\n    redirect_uris = [${list}]\n  }\n}\n`);
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.registrations[0].redirectUris.length, count);
    assert.equal(parsed.registrations[0].redirectUris[count - 1].value, `https://a.example/${count - 1}`);
    const heredoc = tokenizeHcl(`x = <<-EOF\n  b\n${'    a\n'.repeat(count)}  EOF\n`);
    const token = heredoc.tokens.find((t) => t.kind === 'string');
    assert.equal((token?.parts?.[0] as { text: string }).text, `b\n${'  a\n'.repeat(count)}`);
  });
});
