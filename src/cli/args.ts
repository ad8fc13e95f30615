import { parseArgs } from 'node:util';

// Command-line options. The contract other tools rely on is
//   entra-auth-lint [--format stylish|json|sarif] [--exclude GLOB]... PATH...
// and everything else here only adds to it.

const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export class UsageError extends Error {}

export interface CliOptions {
  format: FormatName;
  exclude: string[];
  testPaths: string[];
  paths: string[];
  config?: string;
  noConfig: boolean;
  maxWarnings?: number;
  quiet: boolean;
  /** true / false when forced by a flag; undefined: decide from the terminal and NO_COLOR. */
  color?: boolean;
  stdin: boolean;
  stdinFilename?: string;
  fix: boolean;
  fixDryRun: boolean;
  help: boolean;
  version: boolean;
}

export const USAGE = 'entra-auth-lint [options] PATH...';

export const HELP = `Usage: ${USAGE}
       entra-auth-lint --stdin --stdin-filename NAME [options]
       entra-auth-lint explain <AADSTS code | error message> [--format json]

Finds Microsoft identity platform (Entra ID / MSAL) misconfiguration in the given folders and files,
such as custom-scheme redirect URIs that show the AADSTS50199 "Are you trying to sign in to ...?" prompt.

Output:
  -f, --format NAME        stylish (default, for people), json, sarif (SARIF 2.1.0 for code scanning),
                           github (GitHub Actions annotations)
  --quiet                  Report errors only (warnings still count for --max-warnings)
  --max-warnings N         Exit 1 when more than N warnings are found
  --color, --no-color      Force colored stylish output on or off (default: on for a terminal
                           unless the NO_COLOR environment variable is set)

Files:
  --exclude GLOB           Skip matching paths (relative to each PATH); repeatable; adds to the
                           config file's "exclude" and the default excludes (node_modules, .git, bin, obj, ...)
  --test-path GLOB         Treat matching files as test code (findings at most information); repeatable;
                           adds to the config file's "testPaths" or the defaults (test/, tests/, *.spec.*, ...)
  -c, --config FILE        Use this config file instead of the nearest .entra-auth-lint.json
                           (searched from the first PATH, or the current folder, upwards)
  --no-config              Ignore .entra-auth-lint.json files
  --stdin                  Lint the text on standard input (needs --stdin-filename; no PATH)
  --stdin-filename NAME    The file name the stdin text is linted as (picks its format)

Fixes:
  --fix                    Apply the fixes that are safe unattended, then report what remains
  --fix-dry-run            Print the changes --fix would make as a unified diff; change nothing

Other:
  -h, --help               Show this help
  -v, --version            Show the version

Exit codes:
  0  no finding is an error (and --max-warnings, if given, is not exceeded)
  1  at least one finding is an error, or more warnings than --max-warnings
  2  usage or config file error, or nothing could be read (a one-line reason on stderr)
`;

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        exclude: { type: 'string', multiple: true },
        'test-path': { type: 'string', multiple: true },
        config: { type: 'string', short: 'c' },
        'no-config': { type: 'boolean' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see --help)`);
  }
  const { values, positionals } = parsed;
  const options: CliOptions = {
    format: 'stylish',
    exclude: values.exclude ?? [],
    testPaths: values['test-path'] ?? [],
    paths: positionals,
    config: values.config,
    noConfig: values['no-config'] ?? false,
    quiet: values.quiet ?? false,
    color: values['no-color'] ? false : values.color ? true : undefined,
    stdin: values.stdin ?? false,
    stdinFilename: values['stdin-filename'],
    fix: values.fix ?? false,
    fixDryRun: values['fix-dry-run'] ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
  };
  if (options.help || options.version) return options;

  if (values.format !== undefined) {
    if (!(FORMAT_NAMES as readonly string[]).includes(values.format)) {
      throw new UsageError(`unknown --format '${values.format}' (expected one of: ${FORMAT_NAMES.join(', ')})`);
    }
    options.format = values.format as FormatName;
  }
  const maxWarnings = values['max-warnings'];
  if (maxWarnings !== undefined) {
    if (!/^\d+$/.test(maxWarnings)) throw new UsageError(`--max-warnings needs a whole number of 0 or more, got '${maxWarnings}'`);
    options.maxWarnings = Number(maxWarnings);
  }
  if (values.color && values['no-color']) throw new UsageError('--color and --no-color cannot be used together');
  if (options.config !== undefined && options.noConfig) throw new UsageError('--config and --no-config cannot be used together');
  if (options.fix && options.fixDryRun) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  if (options.stdin) {
    if (!options.stdinFilename) throw new UsageError('--stdin needs --stdin-filename NAME (the name picks the file format)');
    if (options.paths.length) throw new UsageError('--stdin reads no PATH; give the file name with --stdin-filename');
    if (options.fix || options.fixDryRun) throw new UsageError('--fix and --fix-dry-run need files, not --stdin');
  } else {
    if (options.stdinFilename !== undefined) throw new UsageError('--stdin-filename is only used with --stdin');
    if (!options.paths.length) throw new UsageError(`no PATH given (usage: ${USAGE}; see --help)`);
  }
  return options;
}
