import * as assert from 'node:assert/strict';
import {
  aadstsEntry,
  findCodes,
  md,
  msalEntry,
  parseErrorMessage,
  renderFullMarkdown,
  renderHoverMarkdown,
  renderMessageMarkdown,
  renderText,
  toExplainJson,
} from '../../../src/core/aadsts';

const cmsi = aadstsEntry(50199)!;

describe('aadsts: rendering', () => {
  it('hover: name, meaning, remedy, preventing rules, live link, command link and capture date', () => {
    const text = renderHoverMarkdown(cmsi, { explainCommandUri: 'command:entraAuthLint.explainCode?%5B%22AADSTS50199%22%5D' });
    const lines = text.split('\n');
    assert.equal(lines[0], '**AADSTS50199** `CmsiInterrupt`');
    assert.match(text, /Are you trying to sign in to \\<app\\>\?/);
    assert.match(text, /\*\*What to do:\*\* No action needed for users/);
    assert.match(text, /\*\*Prevented by:\*\* \[`custom-scheme-redirect`\]\(https:\/\/\S+\/docs\/rules\/custom-scheme-redirect\.md\)/);
    assert.equal(
      lines[lines.length - 1],
      "[Live explanation](https://login.microsoftonline.com/error?code=50199) · [Full explanation](command:entraAuthLint.explainCode?%5B%22AADSTS50199%22%5D) · catalogue captured from Microsoft's reference of 2025-02-03",
    );
  });

  it('hover shows the ids found next to the code', () => {
    const message = 'AADSTS50199: confirm. Trace ID: 5d3e1c2a-7b8f-4a6e-9c0d-1e2f3a4b5c6d Timestamp: 2024-01-01 10:00:00Z';
    const [match] = findCodes(message);
    const text = renderHoverMarkdown(cmsi, { context: match.context });
    assert.match(text, /Trace ID `5d3e1c2a-7b8f-4a6e-9c0d-1e2f3a4b5c6d` · Timestamp `2024-01-01 10:00:00Z`/);
    assert.doesNotMatch(text, /Full explanation/);
  });

  it('full Markdown has every section', () => {
    const text = renderFullMarkdown(cmsi);
    assert.ok(text.startsWith('# AADSTS50199 CmsiInterrupt\n'));
    for (const heading of ['## What it means', '## What to do', '## Rules that prevent it', '## Can a repository show the cause?', '## Links'])
      assert.ok(text.includes(`\n${heading}\n`), heading);
    assert.match(text, /- \[`custom-scheme-redirect`\]\(.*\): Custom-scheme redirect URI/);
    assert.match(text, /Yes: the cause is visible in configuration\. Look for: redirect URI with a custom scheme/);
    assert.match(text, /- Live explanation: <https:\/\/login\.microsoftonline\.com\/error\?code=50199>/);
    const noRule = renderFullMarkdown(aadstsEntry(17003)!);
    assert.match(noRule, /No rule: the cause is outside the repository/);
    assert.match(renderFullMarkdown(aadstsEntry(50011)!), /\n- \[`|No rule of Entra Auth Lint checks for this yet\./);
    assert.match(renderFullMarkdown(msalEntry('no_tokens_found')!), /No rule: this happens at run time/);
    const msal = renderFullMarkdown(msalEntry('redirect_uri_empty')!);
    assert.match(msal, /No rule of Entra Auth Lint checks for this yet\./);
    assert.ok(msal.startsWith('# redirect\\_uri\\_empty (ClientConfigurationError)\n'));
    assert.doesNotMatch(msal, /Can a repository show/);
  });

  it('a whole pasted message: ids first, then each code, unknown numbers as one line', () => {
    const text = renderMessageMarkdown(
      parseErrorMessage(
        '{"error":"invalid_grant","error_description":"AADSTS70008: expired. AADSTS99999999","trace_id":"5d3e1c2a-7b8f-4a6e-9c0d-1e2f3a4b5c6d"}',
      ),
    );
    const parts = text.split('\n---\n\n');
    assert.equal(parts.length, 4);
    assert.equal(parts[0], '- Error: `invalid_grant`\n- Trace ID: `5d3e1c2a-7b8f-4a6e-9c0d-1e2f3a4b5c6d`\n');
    assert.ok(parts[1].startsWith('# AADSTS70008 ExpiredOrRevokedGrant\n'));
    assert.equal(
      parts[2],
      '# AADSTS99999999\n\nAADSTS99999999 is not in the catalogue (captured 2025-02-03); see https://login.microsoftonline.com/error?code=99999999\n',
    );
    assert.ok(parts[3].startsWith('# invalid\\_grant (ServerError)\n'));
    assert.equal(renderMessageMarkdown(parseErrorMessage('nothing here')), 'No AADSTS, MSAL or OAuth error code was found in the message.\n');
  });

  it('text and JSON for the CLI', () => {
    const text = renderText(cmsi);
    assert.equal(text.split('\n')[0], 'AADSTS50199 CmsiInterrupt');
    assert.match(text, /^ {2}Live: {11}https:\/\/login\.microsoftonline\.com\/error\?code=50199$/m);
    const json = toExplainJson(cmsi);
    assert.deepEqual(Object.keys(json), ['code', 'number', 'name', 'summary', 'remedy', 'rules', 'link', 'source']);
    assert.equal(json.number, 50199);
    assert.ok(json.rules.includes('custom-scheme-redirect'));
    assert.equal(json.source, 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes (captured 2025-02-03)');
    const msal = toExplainJson(msalEntry('interaction_required')!);
    assert.equal(msal.code, 'interaction_required');
    assert.equal('number' in msal, false);
    assert.equal(msal.name, 'InteractionRequiredAuthError');
    assert.equal(toExplainJson(aadstsEntry(28002)!).name, null);
  });

  it('escapes Markdown in texts', () => {
    assert.equal(md('a_b <app> *x* [y](z) `c` #1 |'), 'a\\_b \\<app\\> \\*x\\* \\[y\\](z) \\`c\\` \\#1 \\|');
  });
});
