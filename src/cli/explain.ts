import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { lookupCode, parseErrorMessage, renderText, toExplainJson, unknownCodeText, type CatalogueEntry, type MatchContext } from '../core/aadsts';

// Contract: entra-auth-lint explain <code | message | -> [--format text|json]
// A single code (50199, AADSTS50199, untrusted_authority) prints one explanation (JSON: one object); anything
// else is read as a pasted error message and every code in it is explained (JSON: an array). `-` reads stdin.
// Exit 0: explained; 1: unknown code, or no code in the message; 2: usage error.

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
  const input = (positionals.length === 1 && positionals[0] === '-' ? fs.readFileSync(0, 'utf8') : positionals.join(' ')).trim();
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
    io.err(`entra-auth-lint explain: ${number ? unknownCodeText(Number(number[1])) : `'${input}' is not a known AADSTS, MSAL or OAuth error code`}\n`);
    return 1;
  }
  io.out(format === 'json' ? `${JSON.stringify(toExplainJson(entry), null, 2)}\n` : renderText(entry));
  return 0;
}

function explainMessage(input: string, format: 'text' | 'json', io: Io): number {
  const parsed = parseErrorMessage(input);
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
      io.err(`entra-auth-lint explain: ${match.number !== undefined ? unknownCodeText(match.number) : `'${match.code}' is not in the catalogue`}\n`);
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
