import type { SeverityOrOff } from '../model';

/** Options shared by the CLI and the extension (`.entra-auth-lint.json`, settings, flags). */
export interface LintOptions {
  /** Per-rule severity overrides; `off` disables a rule. */
  rules?: Record<string, SeverityOrOff>;
  /** Custom URL schemes a team has approved (e.g. a WAM or in-house scheme); never flagged as AADSTS50199. */
  allowedSchemes?: string[];
  /** Glob patterns (relative to the scanned root) added to the default excludes. */
  exclude?: string[];
  /** Extra glob patterns of files to read even when their names do not look like auth files. */
  include?: string[];
  /** Files larger than this are skipped with an information finding. */
  maxFileSizeBytes?: number;
  /**
   * Work budget for checking one file: each rule costs one unit per element of the file's model (redirect
   * URIs, configs, registrations, …); rules past the budget are not run and a finding says so. Work, not
   * time, so results never depend on the machine's speed.
   */
  workBudget?: number;
  /** @deprecated Ignored: results must not depend on speed; see workBudget. */
  timeBudgetMs?: number;
  /** Suppressions: a rule (or `*`) in files matching a glob, with the reason the team accepted it. */
  suppressions?: Suppression[];
  /**
   * Glob patterns (relative to each scanned folder) of test code; findings there are capped at information (RuleMeta.testCodeSeverity).
   * Absent: DEFAULT_TEST_PATHS; `[]`: no file is test code.
   */
  testPaths?: string[];
}

export interface Suppression {
  rule: string;
  files: string;
  /** Only the findings on this exact value (a redirect URI, a client id); absent: the whole file. */
  value?: string;
  reason: string;
}

export interface EffectiveOptions {
  rules: Record<string, SeverityOrOff>;
  allowedSchemes: string[];
  exclude: string[];
  include: string[];
  maxFileSizeBytes: number;
  workBudget: number;
  suppressions: Suppression[];
  testPaths: string[];
}

/**
 * Where test code lives in the ecosystems the linter reads (JS/TS, .NET, Android, Apple, Python): its
 * configs and secrets are test doubles against mock servers, so a finding there never fails a build.
 */
export const DEFAULT_TEST_PATHS = [
  '**/test/**',
  '**/tests/**',
  '**/__tests__/**',
  '**/androidTest/**',
  // Gradle's test fixtures source set; Bazel's and AOSP's Java test tree (openid/AppAuth-Android library/javatests/).
  '**/testFixtures/**',
  '**/javatests/**',
  '**/integration_test/**',
  // Test projects and targets: MyApp.Tests/, UnitTests/, MSALTests/.
  '**/*Tests/**',
  '**/*.Test/**',
  // Test classes by their naming convention (C#, Swift, Objective-C, Kotlin, Java).
  '**/*Tests.{cs,swift,m,kt,java}',
  '**/*Test.{cs,swift,m,kt,java}',
  '**/*.spec.*',
  '**/*.test.*',
  '**/test_*.py',
  '**/*_test.{py,dart}',
];

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
/** Enough for every rule on a file with 100,000 redirect URIs and settings. */
export const DEFAULT_WORK_BUDGET = 2_000_000;

export function effectiveOptions(options: LintOptions = {}): EffectiveOptions {
  return {
    rules: { ...(options.rules ?? {}) },
    allowedSchemes: (options.allowedSchemes ?? []).map((s) => s.toLowerCase().replace(/:\/*$/, '')),
    exclude: [...(options.exclude ?? [])],
    include: [...(options.include ?? [])],
    maxFileSizeBytes: options.maxFileSizeBytes ?? DEFAULT_MAX_FILE_SIZE,
    workBudget: options.workBudget ?? DEFAULT_WORK_BUDGET,
    suppressions: [...(options.suppressions ?? [])],
    testPaths: [...(options.testPaths ?? DEFAULT_TEST_PATHS)],
  };
}

/**
 * Lays `over` (CLI flags, editor settings) over `base` (the config file): severities and the size limit of
 * `over` win (a person may want a rule louder or quieter locally); lists (excludes, includes, schemes) are
 * unions (test paths too); suppressions come from `base` only, so the CLI and the editor honour the same ones.
 */
export function layerOptions(base: LintOptions, over: LintOptions): LintOptions {
  const union = (a?: string[], b?: string[]) => [...new Set([...(a ?? []), ...(b ?? [])])];
  const result: LintOptions = {
    ...base,
    rules: { ...(base.rules ?? {}), ...(over.rules ?? {}) },
    include: union(base.include, over.include),
    exclude: union(base.exclude, over.exclude),
    allowedSchemes: union(base.allowedSchemes, over.allowedSchemes),
    suppressions: base.suppressions ?? [],
  };
  // The config file's test paths replace the defaults (`[]` turns them off); flags and settings add to them.
  if (over.testPaths?.length) result.testPaths = union(base.testPaths ?? DEFAULT_TEST_PATHS, over.testPaths);
  const size = over.maxFileSizeBytes ?? base.maxFileSizeBytes;
  if (size !== undefined) result.maxFileSizeBytes = size;
  return result;
}
