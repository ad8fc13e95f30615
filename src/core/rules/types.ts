import type { AppRegistration, AuthConfig, Fix, ParsedFile, Range, RedirectUri, Severity } from '../model';
import { mayBeEntra } from '../entra/libraries';
import type { EffectiveOptions } from '../engine/options';
import type { WorkspaceIndex } from '../engine/workspace';

/** Where the docs of a rule live; the extension links diagnostics there. */
const DOCS_BASE = 'https://github.com/entra-auth-lint/entra-auth-lint/blob/main/docs/rules/';

export interface RuleMeta {
  /** Stable kebab-case id, e.g. `custom-scheme-redirect`. */
  id: string;
  /** AADSTS (or MSAL) codes the rule prevents, e.g. ["AADSTS50199"]. */
  codes: string[];
  defaultSeverity: Severity;
  /** One line, shown in the rule table, SARIF shortDescription and settings. */
  description: string;
  /** Longer text for docs pages and SARIF fullDescription/help. */
  docs: RuleDocs;
  /** Whether the rule can offer a fix. */
  fixable: boolean;
  /** `file` rules see one file; `workspace` rules also read other files through the index. */
  scope: 'file' | 'workspace';
  /**
   * The most a finding of this rule reports in test code (options.testPaths); absent: information (tests
   * make values up on purpose). committed-secret keeps warning: a real-looking secret in a test still leaks.
   */
  testCodeSeverity?: Severity;
  /**
   * Which sign-ins the rule judges. `entra`: only configs that may sign in with Entra (read through
   * `entraConfigs` and `redirectsOf`; a config for Google, Okta, Duende … is left alone, one with no
   * authority is judged) and app registrations. `any`: every file alike (a committed secret, a parse error).
   */
  providers: 'entra' | 'any';
}

export interface RuleDocs {
  /** What the user sees when this goes wrong. */
  impact: string;
  why: string;
  howToFix: string;
  // Examples are files, not strings: test/scenarios/<id>/docs-fails…/ and docs-passes…/ are linted by the
  // scenario tests and rendered into docs/rules/<id>.md, so a wrong example fails the build.
  /** Official pages (learn.microsoft.com, msal docs). */
  links: { title: string; url: string }[];
}

/** What a rule reports; the engine adds the file, positions, severity overrides and suppression. */
export interface Report {
  range: Range;
  /** One sentence of at most ~120 characters naming the value, the code and the fix (Problems rows, CLI lines). */
  message: string;
  /** Why, and what else to know: shown in the editor's hover after the message (and in the docs page at length). */
  detail?: string;
  /** Overrides the rule's default severity for this finding (e.g. information for a broker URI). */
  severity?: Severity;
  /** Overrides the rule's codes for this finding. */
  codes?: string[];
  related?: { file: string; range: Range; message: string }[];
  fixes?: Fix[];
}

/** What a `file` rule sees: the one file (no workspace, so it cannot depend on other files by accident). */
export interface FileRuleContext {
  file: ParsedFile;
  options: EffectiveOptions;
  report(report: Report): void;
}

/** What a `workspace` rule sees: the file and the index of every other file of the workspace. */
export interface WorkspaceRuleContext extends FileRuleContext {
  workspace: WorkspaceIndex;
}

export interface FileRule {
  meta: RuleMeta & { scope: 'file' };
  check(context: FileRuleContext): void;
}

export interface WorkspaceRule {
  meta: RuleMeta & { scope: 'workspace' };
  check(context: WorkspaceRuleContext): void;
}

/** A rule's scope decides its context: the type system keeps `file` rules away from the workspace. */
export type Rule = FileRule | WorkspaceRule;

export function isWorkspaceRule(rule: Rule): rule is WorkspaceRule {
  return rule.meta.scope === 'workspace';
}

/**
 * The configs of a file that may sign in with Entra (Entra, B2C, External ID, ADFS, or not known): the only
 * configs a rule about Entra judges. Another provider's config (Google, Okta, Duende …) is left alone.
 */
export function entraConfigs(file: ParsedFile): AuthConfig[] {
  return file.configs.filter(mayBeEntra);
}

/**
 * Every redirect URI of a file that Entra may receive, with the unit it belongs to: the redirects of
 * `entraConfigs` and of app registrations (always Entra's).
 */
export function* redirectsOf(file: ParsedFile): Generator<{ uri: RedirectUri; owner: AuthConfig | AppRegistration }> {
  for (const owner of [...entraConfigs(file), ...file.registrations]) {
    for (const uri of owner.redirectUris) yield { uri, owner };
  }
}

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}
