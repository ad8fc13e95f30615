import type { Severity } from '../model';
import { compileGlobs, type PathMatcher } from '../io/glob';
import { SEVERITY_RANK } from './severity';

// Test code: configs in tests are test doubles (a mock client id, `urn:ietf:wg:oauth:2.0:oob` passed on
// purpose to test the library), so a finding there is worth listing but is never a warning and never fails
// a build: each rule's `meta.testCodeSeverity` caps it (information by default; committed-secret keeps
// warnings, since a real-looking secret in a test still leaks). `testPaths` (options.ts) names where tests
// live, as globs relative to the folder being scanned (each PATH of the CLI, the workspace folder in the editor).

/** Whether files are test code, by the globs of `testPaths` relative to the scanned folders. */
export class TestPaths {
  private readonly matches: PathMatcher;
  /** Answers by path: the editor lints one file on each keystroke, and the glob match is not free. */
  private readonly known = new Map<string, boolean>();

  /** `roots`: the scanned folders, absolute; a path is matched relative to the deepest one holding it. */
  constructor(
    patterns: readonly string[],
    private roots: readonly string[],
  ) {
    this.matches = compile(patterns);
  }

  setRoots(roots: readonly string[]): void {
    this.roots = roots;
    this.known.clear();
  }

  has(path: string): boolean {
    let answer = this.known.get(path);
    if (answer === undefined) {
      answer = this.matches(relativeTo(this.roots, path));
      if (this.known.size >= MAX_KNOWN) this.known.clear();
      this.known.set(path, answer);
    }
    return answer;
  }
}

/** Paths whose answer is kept (a workspace scan asks once per file). */
const MAX_KNOWN = 10_000;

/** What a test-code finding is capped at when its rule does not say (RuleMeta.testCodeSeverity). */
export const DEFAULT_TEST_CODE_SEVERITY: Severity = 'information';

/** The most a finding in test code reports: `severity`, lowered to `cap` when it is stronger. */
export function capForTests(severity: Severity, cap: Severity = DEFAULT_TEST_CODE_SEVERITY): Severity {
  return SEVERITY_RANK[severity] < SEVERITY_RANK[cap] ? cap : severity;
}

function compile(patterns: readonly string[]): PathMatcher {
  if (!patterns.length) return () => false;
  try {
    return compileGlobs(patterns, 'testPaths');
  } catch {
    // The config file's patterns are validated when it is read; a bad one from elsewhere matches nothing.
    return () => false;
  }
}

/** `path` relative to the deepest root that holds it, with `/`; without one, the path itself less its root. */
function relativeTo(roots: readonly string[], path: string): string {
  const slashed = path.replace(/\\/g, '/');
  let best = '';
  for (const root of roots) {
    const r = root.replace(/\\/g, '/').replace(/\/+$/, '');
    if (r.length > best.length && (slashed === r || slashed.startsWith(`${r}/`))) best = r;
  }
  const relative = best ? slashed.slice(best.length + 1) : slashed;
  return relative.replace(/^([A-Za-z]:)?\/+/, '');
}
