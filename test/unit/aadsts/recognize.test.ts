import * as assert from 'node:assert/strict';
import { codeAt, findCodes, parseErrorMessage } from '../../../src/core/aadsts';
import type { CodeMatch } from '../../../src/core/aadsts';
import { InteractionRequiredAuthError, ServerError } from '@azure/msal-node';

// Real-shaped samples written for these tests (ids and texts are made up; the shapes are what msal-node,
// the token endpoint and browser redirects produce).
const TRACE = '5d3e1c2a-7b8f-4a6e-9c0d-1e2f3a4b5c6d';
const CORRELATION = '0a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d';

/** Range of the nth occurrence of needle. */
function rangeOf(text: string, needle: string, nth = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(needle, start + 1);
  assert.ok(start >= 0, `${needle} #${nth} not in text`);
  return { start, end: start + needle.length };
}

function summary(matches: CodeMatch[]): string[] {
  return matches.map((m) => `${m.form} ${m.code}${m.entry ? '' : ' (unknown)'}`);
}

describe('aadsts: recognition', () => {
  it("reads the text of msal-node's own error classes (String(error), as a log prints it)", () => {
    // The classes build `<errorCode>: <errorMessage>` themselves; the message body is what the token endpoint sends.
    const body = `Error(s): 50199 - Timestamp: 2025-03-04 09:15:27Z - Description: AADSTS50199: For security reasons, user confirmation is required for this request. Trace ID: ${TRACE} Correlation ID: ${CORRELATION}`;
    for (const error of [
      new ServerError('invalid_grant', CORRELATION, body, '', '50199', 400),
      new InteractionRequiredAuthError('interaction_required', CORRELATION, body),
    ]) {
      const parsed = parseErrorMessage(String(error));
      assert.ok(
        parsed.codes.some((m) => m.code === 'AADSTS50199' && m.entry?.kind === 'aadsts' && m.entry.name === 'CmsiInterrupt'),
        String(error),
      );
      assert.ok(
        parsed.codes.some((m) => m.code === error.errorCode),
        `${error.errorCode} recognised`,
      );
      assert.equal(parsed.traceId, TRACE);
      assert.equal(parsed.correlationId, CORRELATION);
    }
  });

  it('reads a current msal-node ServerError message with its trace id, correlation id and timestamp', () => {
    const text = `ServerError: invalid_request: Error(s): 9002326 - Timestamp: 2025-03-04 09:15:27Z - Description: AADSTS9002326: Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type. Request origin: 'http://localhost:3000'. Trace ID: ${TRACE} Correlation ID: ${CORRELATION} Timestamp: 2025-03-04 09:15:27Z - Correlation ID: ${CORRELATION} - Trace ID: ${TRACE}`;
    const matches = findCodes(text);
    assert.deepEqual(summary(matches), ['msal-code invalid_request', 'server-error AADSTS9002326', 'aadsts AADSTS9002326']);
    const [, listed, named] = matches;
    assert.deepEqual(listed.range, rangeOf(text, '9002326'));
    assert.deepEqual(named.range, rangeOf(text, 'AADSTS9002326'));
    assert.equal(named.number, 9002326);
    assert.equal(named.kind, 'aadsts');
    assert.deepEqual(named.context.traceId, { value: TRACE, range: rangeOf(text, TRACE) });
    assert.deepEqual(named.context.correlationId, { value: CORRELATION, range: rangeOf(text, CORRELATION) });
    assert.equal(named.context.timestamp?.value, '2025-03-04 09:15:27Z');
    // The header timestamp on the same line is nearer than the one in the description.
    assert.deepEqual(named.context.timestamp?.range, rangeOf(text, '2025-03-04 09:15:27Z'));
    assert.deepEqual(parseErrorMessage(text), {
      codes: [matches[1], matches[0]],
      traceId: TRACE,
      correlationId: CORRELATION,
      timestamp: '2025-03-04 09:15:27Z',
      error: 'invalid_request',
    });
  });

  it('reads the older ServerError shape `50199 - [timestamp]: AADSTS50199: …`', () => {
    const text = `interaction_required: 50199 - [2024-01-01 10:00:00Z]: AADSTS50199: For security reasons, user confirmation is required for this request. Please repeat the request allowing user interaction.\r\nTrace ID: ${TRACE}\r\nCorrelation ID: ${CORRELATION}\r\nTimestamp: 2024-01-01 10:00:00Z`;
    const matches = findCodes(text);
    assert.deepEqual(summary(matches), ['msal-code interaction_required', 'server-error AADSTS50199', 'aadsts AADSTS50199']);
    assert.deepEqual(matches[1].range, rangeOf(text, '50199'));
    assert.equal(matches[1].context.timestamp?.value, '2024-01-01 10:00:00Z');
    assert.deepEqual(matches[1].context.timestamp?.range, rangeOf(text, '2024-01-01 10:00:00Z'));
    assert.equal(matches[2].context.traceId?.value, TRACE);
    const parsed = parseErrorMessage(text);
    assert.deepEqual(
      parsed.codes.map((m) => m.code),
      ['AADSTS50199', 'interaction_required'],
    );
    assert.equal(parsed.correlationId, CORRELATION);
    assert.equal(parsed.error, undefined, 'no error field and no OAuth-only code');
  });

  it('reads raw token-endpoint JSON: description, error_codes, trace_id, correlation_id, error_uri', () => {
    const text = JSON.stringify({
      error: 'invalid_client',
      error_description: `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.\r\nTrace ID: ${TRACE}\r\nCorrelation ID: ${CORRELATION}\r\nTimestamp: 2025-01-10 08:00:00Z`,
      error_codes: [7000215, 50012],
      timestamp: '2025-01-10 08:00:00Z',
      trace_id: TRACE,
      correlation_id: CORRELATION,
      error_uri: 'https://login.microsoftonline.com/error?code=7000215',
    });
    const matches = findCodes(text);
    assert.deepEqual(summary(matches), [
      'msal-code invalid_client',
      'aadsts AADSTS7000215',
      'error-codes AADSTS7000215',
      'error-codes AADSTS50012',
      'error-link AADSTS7000215',
    ]);
    assert.deepEqual(matches[2].range, rangeOf(text, '7000215', 1));
    assert.deepEqual(matches[3].range, rangeOf(text, '50012'));
    assert.deepEqual(matches[4].range, rangeOf(text, '7000215', 2));
    assert.equal(matches[3].context.traceId?.value, TRACE);
    assert.equal(matches[3].context.correlationId?.value, CORRELATION);
    // The error_uri link is last: its trace id is the nearest one before it, the JSON field.
    assert.deepEqual(matches[4].context.traceId?.range, rangeOf(text, TRACE, 1));
    const parsed = parseErrorMessage(text);
    assert.deepEqual(
      parsed.codes.map((m) => m.code),
      ['AADSTS7000215', 'AADSTS50012', 'invalid_client'],
    );
    assert.equal(parsed.error, 'invalid_client');
    assert.equal(parsed.timestamp, '2025-01-10 08:00:00Z');
  });

  it('reads pretty-printed token-endpoint JSON pasted over several lines', () => {
    const text = JSON.stringify(
      {
        error: 'invalid_grant',
        error_description: 'AADSTS54005: OAuth2 Authorization code was already redeemed.',
        error_codes: [54005],
        timestamp: '2025-06-07 08:09:10Z',
        trace_id: TRACE,
        correlation_id: CORRELATION,
      },
      null,
      2,
    );
    const matches = findCodes(text);
    assert.deepEqual(summary(matches), ['msal-code invalid_grant', 'aadsts AADSTS54005', 'error-codes AADSTS54005']);
    assert.deepEqual(matches[2].range, rangeOf(text, '54005', 1));
    assert.deepEqual(matches[1].context.traceId?.range, rangeOf(text, TRACE));
    assert.deepEqual(matches[1].context.timestamp?.range, rangeOf(text, '2025-06-07 08:09:10Z'));
    assert.deepEqual(parseErrorMessage(text), {
      codes: [matches[1], matches[0]],
      traceId: TRACE,
      correlationId: CORRELATION,
      timestamp: '2025-06-07 08:09:10Z',
      error: 'invalid_grant',
    });
  });

  it('reads JSON that was escaped again inside a log string', () => {
    const text = `level=error msg="token call failed" body="{\\"error\\":\\"invalid_grant\\",\\"error_codes\\":[70008],\\"trace_id\\":\\"${TRACE}\\"}"`;
    const matches = findCodes(text);
    assert.deepEqual(summary(matches), ['msal-code invalid_grant', 'error-codes AADSTS70008']);
    assert.deepEqual(matches[1].range, rangeOf(text, '70008'));
    assert.equal(matches[1].context.traceId?.value, TRACE);
  });

  it('reads a browser redirect URL with URL-encoded error_description and error_uri', () => {
    const text = `http://localhost:3000/#error=interaction_required&error_description=AADSTS50199%3a+For+security+reasons%2c+user+confirmation+is+required+for+this+request.%0d%0aTrace+ID%3a+${TRACE}%0d%0aCorrelation+ID%3a+${CORRELATION}%0d%0aTimestamp%3a+2024-05-06+07%3a08%3a09Z&error_uri=https%3a%2f%2flogin.microsoftonline.com%2ferror%3fcode%3d50199&state=eyJpZCI6IjEifQ`;
    const matches = findCodes(text);
    assert.deepEqual(summary(matches), ['msal-code interaction_required', 'aadsts AADSTS50199', 'error-link AADSTS50199']);
    const [, described, linked] = matches;
    assert.deepEqual(described.range, rangeOf(text, 'AADSTS50199'));
    assert.deepEqual(linked.range, rangeOf(text, '50199', 1));
    assert.equal(described.context.traceId?.value, TRACE);
    assert.equal(described.context.correlationId?.value, CORRELATION);
    assert.equal(described.context.timestamp?.value, '2024-05-06 07:08:09Z');
    assert.deepEqual(described.context.timestamp?.range, rangeOf(text, '2024-05-06+07%3a08%3a09Z'));
    // The link comes after the ids, on the same line: they are found before it.
    assert.equal(linked.context.traceId?.value, TRACE);
    assert.deepEqual(parseErrorMessage(text).timestamp, '2024-05-06 07:08:09Z');
    assert.equal(parseErrorMessage(text).error, 'interaction_required');
    assert.equal(parseErrorMessage('error: something bad AADSTS50011').error, undefined);
  });

  it('reads errorNo in object dumps and query strings, and sovereign-cloud error links', () => {
    const dump = `InteractionRequiredAuthError: interaction_required: AADSTS50076 { errorNo: "50076", traceId: "${TRACE}", correlationId: "${CORRELATION}" }`;
    assert.deepEqual(summary(findCodes(dump)), ['msal-code interaction_required', 'aadsts AADSTS50076', 'error-no AADSTS50076']);
    assert.deepEqual(findCodes(dump)[2].range, rangeOf(dump, '50076', 1));
    assert.equal(findCodes(dump)[1].context.traceId?.value, TRACE);

    const query = 'callback?errorNo=50011&x=1 see https://login.partner.microsoftonline.cn/error?code=90002';
    assert.deepEqual(summary(findCodes(query)), ['error-no AADSTS50011', 'error-link AADSTS90002']);
  });

  it('takes the timestamp of a log line that precedes the code, not one from a later line', () => {
    const text = `2025-02-01T12:00:00.123Z ERROR sign-in failed: AADSTS50011: The redirect URI 'msal1234://auth' specified in the request does not match the redirect URIs configured for the application.\n2025-02-01T12:05:00Z INFO retrying`;
    const [match] = findCodes(text);
    assert.equal(match.code, 'AADSTS50011');
    assert.deepEqual(match.context.timestamp, { value: '2025-02-01T12:00:00.123Z', range: rangeOf(text, '2025-02-01T12:00:00.123Z') });
  });

  it('recognises MSAL code words only as whole words, and unknown AADSTS numbers without an entry', () => {
    const text = 'ClientConfigurationError: untrusted_authority: The provided authority is not a trusted authority. my_untrusted_authority_x AADSTS99999999';
    const matches = findCodes(text);
    assert.deepEqual(summary(matches), ['msal-code untrusted_authority', 'aadsts AADSTS99999999 (unknown)']);
    assert.equal(matches[0].kind, 'msal');
    assert.equal(matches[1].number, 99999999);
    assert.deepEqual(summary(findCodes(text, { msalCodes: false })), ['aadsts AADSTS99999999 (unknown)']);
  });

  it('ignores numbers that are not in an error-code position', () => {
    assert.deepEqual(findCodes('port 50199, build 1234567, version 7000215 - release, AADSTS'), []);
    assert.deepEqual(findCodes('Error(s): NA - Timestamp: NA'), []);
  });

  it('codeAt finds the code under an offset, with exact range and context', () => {
    const text = `line one\nfailed with AADSTS700016: Application not found. Trace ID: ${TRACE}\n"error_codes": [ 700016 ]`;
    const start = text.indexOf('AADSTS700016');
    for (const offset of [start, start + 6, start + 11, start + 12]) {
      const match = codeAt(text, offset);
      assert.equal(match?.code, 'AADSTS700016', `offset ${offset}`);
      assert.deepEqual(match?.range, { start, end: start + 12 });
      assert.deepEqual(match?.context.traceId?.range, rangeOf(text, TRACE));
    }
    assert.equal(codeAt(text, start - 2), undefined);
    const listed = text.lastIndexOf('700016');
    assert.deepEqual(codeAt(text, listed + 3)?.range, { start: listed, end: listed + 6 });
    assert.equal(codeAt(text, -1), undefined);
    assert.equal(codeAt(text, text.length + 1), undefined);
  });

  it('codeAt on a huge line reads only a window and keeps absolute offsets', () => {
    const text = `${'x'.repeat(300_000)} AADSTS50199 Trace ID: ${TRACE} ${'y'.repeat(300_000)}`;
    const start = text.indexOf('AADSTS50199');
    const match = codeAt(text, start + 3);
    assert.deepEqual(match?.range, { start, end: start + 11 });
    assert.deepEqual(match?.context.traceId?.range, rangeOf(text, TRACE));
  });

  describe('runs in linear time on 1 MB adversarial lines', () => {
    const MB = 1 << 20;
    const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
    const cases: [string, string][] = [
      ['AADSTS prefixes without digits', fill('AADSTS')],
      ['AADSTS with endless digits', `AADSTS${'9'.repeat(MB)}`],
      ['comma-separated numbers without " - ["', fill('12345,')],
      ['numbers with dashes', fill('12345 - [2024-01-01 10:00:0')],
      ['error_codes with an unclosed list', `"error_codes":[${fill('1,')}`],
      ['repeated Trace ID labels without a GUID', fill('Trace ID: ')],
      ['repeated URL-encoded labels', fill('Correlation+ID%3a+')],
      ['almost-timestamps', fill('2024-01-01 10:00:0')],
      ['one giant snake_case word', fill('a_')],
      ['error links without digits', fill('login.microsoftonline.com/error?code=')],
      ['GUID-like hex runs', fill('0123456789abcdef-')],
      ['errorNo labels without a value', fill('errorNo: "')],
      ['error fields with endless words', fill(`error=${'abc'.repeat(40)} `)],
      [
        'real messages back to back',
        fill(`AADSTS50011: bad redirect. Trace ID: ${TRACE} Correlation ID: ${CORRELATION} Timestamp: 2024-01-01 10:00:00Z untrusted_authority\n`),
      ],
    ];
    for (const [name, text] of cases) {
      it(name, () => {
        const started = process.hrtime.bigint();
        const matches = findCodes(text);
        parseErrorMessage(text.slice(0, 200_000));
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        assert.ok(ms < 1500, `${name}: ${ms.toFixed(0)} ms for 1 MB (${matches.length} matches)`);
      });
    }
  });
});
