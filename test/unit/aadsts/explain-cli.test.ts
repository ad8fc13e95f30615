import * as assert from 'node:assert/strict';
import { AADSTS_ENTRIES, MSAL_ENTRIES, allEntries } from '../../../src/core/aadsts';
import { runExplain } from '../../../src/cli/explain';
import { runCli } from '../../cli/run-cli';

const TRACE = '5d3e1c2a-7b8f-4a6e-9c0d-1e2f3a4b5c6d';
const SERVER_ERROR = `ServerError: invalid_request: Error(s): 9002326 - Timestamp: 2025-03-04 09:15:27Z - Description: AADSTS9002326: Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type. Trace ID: ${TRACE}`;

function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

describe('cli: explain (node dist/cli.js explain)', () => {
  it('explains a number as text', () => {
    const result = runCli(['explain', '50199']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    const lines = result.stdout.split('\n');
    assert.equal(lines[0], 'AADSTS50199 CmsiInterrupt');
    assert.match(result.stdout, /^ {2}Prevented by: {3}.*custom-scheme-redirect/m);
    assert.match(result.stdout, /^ {2}Live: {11}https:\/\/login\.microsoftonline\.com\/error\?code=50199\n/m);
  });

  it('explains AADSTS50199 as JSON with the documented keys', () => {
    const result = runCli(['explain', 'AADSTS50199', '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    const json = parseJson<Record<string, unknown>>(result.stdout);
    assert.deepEqual(Object.keys(json), ['code', 'number', 'name', 'summary', 'remedy', 'rules', 'link', 'source']);
    assert.equal(json.code, 'AADSTS50199');
    assert.equal(json.number, 50199);
    assert.equal(json.name, 'CmsiInterrupt');
    assert.ok((json.rules as string[]).includes('custom-scheme-redirect'));
    assert.equal(json.link, 'https://login.microsoftonline.com/error?code=50199');
  });

  it('explains an MSAL code: code is the MSAL string and number is absent', () => {
    const json = parseJson<Record<string, unknown>>(runCli(['explain', 'untrusted_authority', '-f', 'json']).stdout);
    assert.equal(json.code, 'untrusted_authority');
    assert.equal('number' in json, false);
    assert.equal(json.name, 'ClientConfigurationError');
  });

  it('explains every code of a pasted message, with the ids next to it (argument or stdin)', () => {
    const fromArg = runCli(['explain', SERVER_ERROR, '--format', 'json']);
    assert.equal(fromArg.status, 0, fromArg.stderr);
    const items = parseJson<{ code: string; traceId?: string; timestamp?: string }[]>(fromArg.stdout);
    assert.deepEqual(
      items.map((i) => i.code),
      ['AADSTS9002326', 'invalid_request'],
    );
    assert.equal(items[0].traceId, TRACE);
    assert.equal(items[0].timestamp, '2025-03-04 09:15:27Z');
    const fromStdin = runCli(['explain', '-'], { input: SERVER_ERROR });
    assert.equal(fromStdin.status, 0, fromStdin.stderr);
    assert.match(fromStdin.stdout, /^AADSTS9002326$/m);
    assert.match(fromStdin.stdout, new RegExp(`^ {2}Trace ID: {7}${TRACE}$`, 'm'));
  });

  it('unknown code: exit 1 and one clear line on stderr', () => {
    const result = runCli(['explain', '12345']);
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    assert.equal(
      result.stderr,
      'entra-auth-lint explain: AADSTS12345 is not in the catalogue (captured 2025-02-03); see https://login.microsoftonline.com/error?code=12345\n',
    );
    const word = runCli(['explain', 'no_such_code']);
    assert.equal(word.status, 1);
    assert.equal(word.stderr, "entra-auth-lint explain: 'no_such_code' is not a known AADSTS, MSAL or OAuth error code\n");
    const none = runCli(['explain', 'sign-in failed without any code']);
    assert.equal(none.status, 1);
    assert.equal(none.stderr, 'entra-auth-lint explain: no AADSTS, MSAL or OAuth error code found in the message\n');
    const mixed = runCli(['explain', 'AADSTS50199 then AADSTS99999999', '--format', 'json']);
    assert.equal(mixed.status, 1);
    assert.deepEqual(
      parseJson<{ code: string }[]>(mixed.stdout).map((i) => i.code),
      ['AADSTS50199'],
    );
    assert.match(mixed.stderr, /AADSTS99999999 is not in the catalogue/);
  });

  it('usage errors exit 2', () => {
    for (const args of [['explain'], ['explain', '50199', '--format', 'xml'], ['explain', '--bogus', '50199']]) {
      const result = runCli(args);
      assert.equal(result.status, 2, args.join(' '));
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /^entra-auth-lint explain: /);
    }
  });

  it(`answers every catalogue code (${AADSTS_ENTRIES.length} AADSTS + ${MSAL_ENTRIES.length} MSAL/OAuth) through the real CLI`, () => {
    const everything = allEntries()
      .map((e) => e.code)
      .join(' ');
    const result = runCli(['explain', everything, '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    const answered = parseJson<{ code: string; summary: string; remedy: string; link: string }[]>(result.stdout);
    assert.equal(answered.length, AADSTS_ENTRIES.length + MSAL_ENTRIES.length);
    assert.deepEqual(
      answered.map((a) => a.code).sort(),
      allEntries()
        .map((e) => e.code)
        .sort(),
    );
    for (const item of answered) assert.ok(item.summary && item.remedy && item.link.startsWith('https://'), item.code);
  });

  it('answers every catalogue code given alone (in process, same entry point)', () => {
    let answered = 0;
    for (const entry of allEntries()) {
      const input = entry.kind === 'aadsts' ? String(entry.number) : entry.code;
      let out = '';
      const status = runExplain([input, '--format', 'json'], { out: (s) => (out += s), err: (s) => assert.fail(`${input}: ${s}`) });
      assert.equal(status, 0, input);
      assert.equal(parseJson<{ code: string }>(out).code, entry.code);
      answered++;
    }
    assert.equal(answered, AADSTS_ENTRIES.length + MSAL_ENTRIES.length);
    assert.ok(answered >= 448, `${answered} codes`);
  });
});
