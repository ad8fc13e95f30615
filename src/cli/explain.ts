import * as fs from 'node:fs';
import { readBounded } from '../core/io/read-file';
import { parseArgs } from 'node:util';
import { lookupCode, parseErrorMessage, renderText, toExplainJson, unknownCodeText, type CatalogueEntry, type MatchContext } from '../core/aadsts';

// Contract: entra-auth-lint explain <code | message | -> [--format text|json]
// A single code (50199, AADSTS50199, untrusted_authority) prints one explanation (JSON: one object); anything
// else is read as a pasted error message and every code in it is explained (JSON: an array). `-` reads stdin.
// Exit 0: explained; 1: unknown code, or no code in the message; 2: usage error.

/** A pasted error message longer than this is refused (a real one is a few lines). */
const MAX_MESSAGE_BYTES = 1024 * 1024;

/** The words for a code that is not in the catalogue; a number too long to be a code is said so, not printed as 1e+99. */
function unknownNumber(digits: string | number): string {
  const text = String(digits);
  if (typeof digits === 'number' ? !Number.isSafeInteger(digits) || digits >= 1e9 : text.replace(/^0+/, '').length > 9)
    return `'${typeof digits === 'number' ? 'a number' : `${text.slice(0, 12)}…`}' is not an AADSTS code (codes have at most 9 digits)`;
  return unknownCodeText(Number(digits));
}

const USAGE = 'usage: entra-auth-lint explain <code | message | -> [--format text|json]';
const SINGLE_CODE = /^(?:AADSTS)?\d{4,9}:?$|^\w+$/i;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

export function runExplain(argv: string[], io: Io): number {
  let values: { format?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { format: { type: 'string', short: 'f', default: 'text' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    io.err(`entra-auth-lint explain: ${(error as Error).message.split('\n')[0]}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    io.err(`entra-auth-lint explain: unknown --format '${format}' (expected text or json)\n`);
    return 2;
  }
  let input: string;
  if (positionals.length === 1 && positionals[0] === '-') {
    // A pasted message: bounded like any input, and a folder or device on stdin is a usage error, not a trace.
    try {
      const stat = fs.fstatSync(0);
      if (stat.isDirectory()) throw new Error('standard input is a folder');
      const read = readBounded(0, MAX_MESSAGE_BYTES);
      if (!('bytes' in read)) throw new Error(`standard input is longer than ${MAX_MESSAGE_BYTES} bytes`);
      input = read.bytes.toString('utf8').trim();
    } catch (error) {
      io.err(`entra-auth-lint explain: cannot read the message: ${(error as Error).message}\n`);
      return 2;
    }
  } else input = positionals.join(' ').trim();
  if (input === '') {
    io.err(`entra-auth-lint explain: no code or message given\n${USAGE}\n`);
    return 2;
  }
  return SINGLE_CODE.test(input) ? explainCode(input, format, io) : explainMessage(input, format, io);
}

function explainCode(input: string, format: 'text' | 'json', io: Io): number {
  const entry = lookupCode(input);
  if (!entry) {
    const number = /^(?:AADSTS)?(\d+):?$/i.exec(input);
    io.err(`entra-auth-lint explain: ${number ? unknownNumber(number[1]) : `'${input}' is not a known AADSTS, MSAL or OAuth error code`}\n`);
    return 1;
  }
  io.out(format === 'json' ? `${JSON.stringify(toExplainJson(entry), null, 2)}\n` : renderText(entry));
  return 0;
}

function explainMessage(input: string, format: 'text' | 'json', io: Io): number {
  const parsed = parseErrorMessage(input);
  if (/^\d{10,}$/.test(input)) {
    io.err(`entra-auth-lint explain: ${unknownNumber(input)}\n`);
    return 1;
  }
  if (parsed.codes.length === 0) {
    io.err('entra-auth-lint explain: no AADSTS, MSAL or OAuth error code found in the message\n');
    return 1;
  }
  const known: { entry: CatalogueEntry; context: MatchContext }[] = [];
  let unknown = 0;
  for (const match of parsed.codes) {
    if (match.entry) known.push({ entry: match.entry, context: match.context });
    else {
      unknown++;
      io.err(`entra-auth-lint explain: ${match.number !== undefined ? unknownNumber(match.number) : `'${match.code}' is not in the catalogue`}\n`);
    }
  }
  if (format === 'json')
    io.out(
      `${JSON.stringify(
        known.map((k) => toExplainJson(k.entry, k.context)),
        null,
        2,
      )}\n`,
    );
  else io.out(known.map((k) => renderText(k.entry, k.context)).join('\n'));
  return unknown > 0 ? 1 : 0;
}
