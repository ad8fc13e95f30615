import type * as BabelParser from '@babel/parser';
import type { ParserOptions, ParserPlugin } from '@babel/parser';
import type * as t from '@babel/types';
import type { AuthConfig, KnownAuthorities, Library, Located, ParsedFile, Platform, Range, RedirectUri } from '../model';
import { GUID } from '../entra/uri';
import { keepWantedChunks, scanTopLevel } from '../lexing/js-scan';
import { emptyParsed, MAX_PROBLEMS, defineFormat, SLASH_COMMENTS } from './types';
import { baseName } from '../io/paths';
import {
  IMPORTED,
  importedModuleKey,
  inlineNames,
  MapScope,
  unknown,
  ValueEvaluator,
  type NameExpr,
  type StringExprPart,
  type Value,
  type ValueExpr,
} from '../values';
import type { ExportedSymbol, ImportedSymbol, PendingValue } from '../model';

// JS/TS configs for msal-browser, msal-react, msal-angular, msal-node, Electron and React Native.
// Read with Babel (a real parser with offsets); only values of redirect-ish keys in object literals are
// redirect URIs, so deep-link constants and other strings never become findings.

/**
 * File names read as candidates (base name without extension, case-insensitive): anything containing
 * auth, msal, identity, login, signin, sso, config, constants, environment or settings (authConfig.ts,
 * msal-config.js, environment.prod.ts, app.config.ts ...), plus the entry points main, app, app.module
 * and electron (Electron main.js, React Native App.tsx / App.js, Angular app.module.ts). Declaration
 * files, minified bundles and source maps are never read. A candidate is parsed only when its text
 * mentions msal, clientId or redirectUri; its configs are kept only when the file is about the
 * Microsoft identity platform (MSAL named, a GUID client id or a Microsoft login authority).
 */
const CANDIDATE_NAME = /(auth|msal|identity|login|signin|sso|config|constants|environment|settings)|^(main|app|app\.module|electron)$/i;
const SCRIPT_EXTENSION = /\.(js|jsx|mjs|cjs|ts|tsx|mts|cts)$/i;
const NEVER_READ = /\.(d\.ts|d\.mts|d\.cts|min\.js|map)$/i;

const REDIRECT_KEYS = new Set(['redirectUri', 'redirect_uri', 'redirectUrl', 'redirectURI', 'redirectURL', 'redirect_url']);
const POST_LOGOUT_KEYS = new Set(['postLogoutRedirectUri', 'post_logout_redirect_uri', 'postLogoutRedirectUrl', 'postLogoutRedirectURI']);
const CONFIG_KEYS = new Set(['clientId', 'authority', 'knownAuthorities', 'clientSecret', ...REDIRECT_KEYS, ...POST_LOGOUT_KEYS]);

/** Keys of node objects that are not child nodes (skipped while walking). */
const NON_CHILD_KEYS = new Set([
  'loc',
  'start',
  'end',
  'range',
  'extra',
  'leadingComments',
  'trailingComments',
  'innerComments',
  'errors',
  'comments',
  'tokens',
]);

/** A file whose errors Babel cannot recover from is parsed again this many times, one broken line blanked each time. */
const MAX_PARSE_ATTEMPTS = 4;

/** Above this size a file is parsed without Babel's error recovery (see parseProgram). */
const ERROR_RECOVERY_MAX_CHARS = 32 * 1024;

/**
 * From this size on, a file is first parsed with only the top-level statements that can matter (see
 * parseNeededStatements): Babel reads 100 KB in ~18 ms, the pre-scan and the sliced parse in ~1 ms.
 */
const SLICE_MIN_CHARS = 16 * 1024;

/**
 * Statements holding any of these are kept when slicing: config keys (every redirect/post-logout key has
 * "redirect" or "logout"), Platform.select, imports and requires (the library), the MSAL client classes
 * (msal-node's app type), and escapes (a key spelled with \u or \x escapes).
 */
const NEEDED_STATEMENT = /clientId|authority|authorities|clientSecret|redirect|logout|Platform|require|import|ClientApplication|\\[ux]/gi;

/** Nesting converted into the value IR before the rest counts as unknown (hostile nesting, cycles). */
const MAX_CONVERSION_DEPTH = 12;

export const msalJsFormat = defineFormat({
  id: 'msal-js',
  title: 'MSAL.js, msal-node, Electron, React Native',
  files:
    '`*.js`, `*.jsx`, `*.ts`, `*.tsx`, `*.mjs`, `*.cjs` whose name suggests auth config (`authConfig`, `msal*`, `*auth*`, `*config*`, `app.module`, `main`, `App` …)',
  reads:
    '`clientId`, `authority`, `knownAuthorities`, `redirectUri`, `postLogoutRedirectUri` in object literals, `const` values and object members of the same file, values imported from other read modules (`environment.ts`), template literals (only what is statically known), `Platform.select` branches',
  globs: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
  markers: ['**/authConfig.*', '**/msalConfig.*'],
  comments: SLASH_COMMENTS,
  literal: 'code',
  languageIds: ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'],
  untitled: ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'].map((languageId, i) => ({
    languageId,
    name: `authConfig.${['js', 'jsx', 'ts', 'tsx'][i]}`,
    hint: /msal|clientId|redirectUri/i,
  })),
  facts: { reads: ['ios-url-schemes', 'android-intent-filters'] },
  byName(path) {
    const name = baseName(path);
    if (!SCRIPT_EXTENSION.test(name) || NEVER_READ.test(name)) return 'no';
    return CANDIDATE_NAME.test(name.replace(SCRIPT_EXTENSION, '')) ? 'sniff' : 'no';
  },
  sniff: (text) => /msal|clientId|redirectUri/i.test(text),
  parse: (path, text) => readMsalJs(path, text),
});

/** The format's parse; `slice: false` always parses the whole file (tests compare both ways). */
export function readMsalJs(path: string, text: string, { slice = true }: { slice?: boolean } = {}): ParsedFile {
  const parsed = emptyParsed(path, 'msal-js', text);
  const program = parseProgram(path, text, parsed, slice);
  if (program) readConfigs(program, parsed);
  return parsed;
}

interface BabelError {
  message: string;
  pos?: number;
  loc?: { index?: number };
}

function parseProgram(path: string, text: string, parsed: ParsedFile, slice: boolean): t.File | undefined {
  // Required lazily: loading the extension must not pay for the parser until a JS/TS config is read.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const babel = require('@babel/parser') as typeof BabelParser;
  // Babel's error recovery builds an Error per syntax error, and hostile text can hold one per character
  // (seconds per 100 KB): big files are parsed without it (first error, blank its line, retry).
  const errorRecovery = text.length <= ERROR_RECOVERY_MAX_CHARS;
  const options: ParserOptions = {
    sourceType: 'unambiguous',
    errorRecovery,
    allowReturnOutsideFunction: true,
    allowImportExportEverywhere: true,
    plugins: pluginsFor(path),
  };
  let file: t.File | undefined = slice && text.length >= SLICE_MIN_CHARS ? parseNeededStatements(babel, path, text, options) : undefined;
  let source = text;
  for (let attempt = 0; attempt < MAX_PARSE_ATTEMPTS && !file; attempt++) {
    const stackTraceLimit = Error.stackTraceLimit;
    try {
      Error.stackTraceLimit = 0; // syntax errors need no stack; capturing one per error doubles the cost
      file = babel.parse(source, options) as unknown as t.File;
    } catch (error) {
      const fatal = error instanceof RangeError;
      const reason = fatal ? 'nesting too deep to parse' : cleanMessage((error as BabelError).message);
      if (attempt === 0)
        parsed.problems.push({ message: `JavaScript/TypeScript could not be parsed: ${reason}`, range: errorRange(error as BabelError, text) });
      if (fatal) return undefined;
      // Keep what can be read: blank the offending line (offsets stay exact) and parse again.
      source = blankLineAt(source, errorRange(error as BabelError, text).start);
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
  }
  if (!file) return undefined;
  const recovered = (file as unknown as { errors?: BabelError[] }).errors ?? [];
  for (const error of recovered.slice(0, MAX_PROBLEMS)) {
    parsed.problems.push({ message: `JavaScript/TypeScript syntax error: ${cleanMessage(error.message)}`, range: errorRange(error, text) });
  }
  parsed.comments = (file.comments ?? []).map((c) => ({ start: c.start ?? 0, end: c.end ?? 0 }));
  return file;
}

/**
 * Parses the file with every top-level statement that cannot matter blanked out (offsets stay exact).
 * Undefined when the pre-scan is unsure or the sliced text does not parse cleanly: the caller then parses
 * the whole file and reports its problems. A syntax error inside a blanked statement (code that names no
 * config key) goes unreported in files of SLICE_MIN_CHARS and more: the price of not parsing it.
 */
function parseNeededStatements(babel: typeof BabelParser, path: string, text: string, options: ParserOptions): t.File | undefined {
  if (/\.(jsx|tsx)$/i.test(path)) return undefined; // JSX text (`don't`) is not JavaScript to the pre-scan
  const scan = scanTopLevel(text);
  if (!scan) return undefined;
  const sliced = keepWantedChunks(text, scan, NEEDED_STATEMENT);
  const stackTraceLimit = Error.stackTraceLimit;
  try {
    Error.stackTraceLimit = 0;
    const sourceType = scan.moduleSyntax ? 'module' : options.sourceType;
    const file = babel.parse(sliced.text, { ...options, sourceType, errorRecovery: false }) as unknown as t.File;
    return ((file as unknown as { errors?: unknown[] }).errors ?? []).length ? undefined : file;
  } catch {
    return undefined;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/** The text with the line holding `offset` replaced by spaces (same length, same line breaks). */
function blankLineAt(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  if (start === end) return text.slice(0, Math.max(0, offset - 1));
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

function pluginsFor(path: string): ParserPlugin[] {
  const lower = path.toLowerCase();
  // `<T>value` casts of .ts files clash with JSX, so JSX is on only where it can appear.
  if (/\.(ts|mts|cts)$/.test(lower)) return ['typescript', 'decorators-legacy'];
  if (/\.tsx$/.test(lower)) return ['typescript', 'jsx', 'decorators-legacy'];
  return ['jsx', 'decorators-legacy', 'classProperties'];
}

function cleanMessage(message: string | undefined): string {
  return (message ?? 'unknown error').replace(/\s*\(\d+:\d+\)$/, '');
}

function errorRange(error: BabelError, text: string): Range {
  // Babel sometimes reports pos NaN (index null) for an error at a line start: fall back to 0.
  const reported = error.pos ?? error.loc?.index;
  const at = Math.min(text.length, Math.max(0, typeof reported === 'number' && Number.isFinite(reported) ? reported : 0));
  return { start: at, end: Math.min(text.length, at + 1) };
}

/** What the whole file tells about the app: imports, consts and the objects that may be configs. */
interface FileFacts {
  modules: Set<string>;
  identifiers: Set<string>;
  consts: Map<string, t.Expression>;
  candidates: { node: t.ObjectExpression; platform?: Platform }[];
  /** `x.redirectUri = value` assignments. */
  assignments: { key: string; value: t.Expression; platform?: Platform }[];
  /** Relative imports and requires, by local name (module = the imported file's module key). */
  imports: ImportedSymbol[];
  path: string;
  text: string;
}

function isNode(value: unknown): value is t.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** One pass over the tree, iterative (deep nesting cannot overflow the stack). */
function collectFacts(file: t.File, text: string, path: string): FileFacts {
  const facts: FileFacts = { modules: new Set(), identifiers: new Set(), consts: new Map(), candidates: [], assignments: [], imports: [], path, text };
  const stack: { node: t.Node; platform?: Platform }[] = [{ node: file.program }];
  while (stack.length) {
    const { node, platform } = stack.pop()!;
    const branchPlatforms = noteNode(node, facts, platform);
    for (const key of Object.keys(node)) {
      if (NON_CHILD_KEYS.has(key)) continue;
      const child = (node as unknown as Record<string, unknown>)[key];
      const children = Array.isArray(child) ? child : [child];
      for (let i = children.length - 1; i >= 0; i--) {
        const item = children[i];
        if (isNode(item)) stack.push({ node: item, platform: branchPlatforms?.get(item) ?? platform });
      }
    }
  }
  return facts;
}

/** Records what one node tells; returns the platform of each branch of a `Platform.select` call. */
function noteNode(node: t.Node, facts: FileFacts, platform: Platform | undefined): Map<t.Node, Platform> | undefined {
  switch (node.type) {
    case 'ImportDeclaration': {
      facts.modules.add(node.source.value);
      const module = importedModuleKey(facts.path, node.source.value);
      for (const specifier of node.specifiers) {
        facts.identifiers.add(specifier.local.name);
        if (!module) continue;
        const imported =
          specifier.type === 'ImportDefaultSpecifier'
            ? 'default'
            : specifier.type === 'ImportNamespaceSpecifier'
              ? '*'
              : specifier.imported.type === 'Identifier'
                ? specifier.imported.name
                : specifier.imported.value;
        facts.imports.push({ local: specifier.local.name, module, imported });
      }
      return undefined;
    }
    case 'VariableDeclaration':
      if (node.kind === 'const') {
        for (const d of node.declarations) if (d.id.type === 'Identifier' && d.init && !facts.consts.has(d.id.name)) facts.consts.set(d.id.name, d.init);
      }
      for (const d of node.declarations) noteRequire(d, facts);
      return undefined;
    case 'Identifier':
      facts.identifiers.add(node.name);
      return undefined;
    case 'ObjectExpression':
      facts.candidates.push({ node, platform });
      return undefined;
    case 'AssignmentExpression': {
      const left = node.left;
      if (node.operator !== '=' || left.type !== 'MemberExpression' || left.computed || left.property.type !== 'Identifier') return undefined;
      const key = left.property.name;
      if (REDIRECT_KEYS.has(key) || POST_LOGOUT_KEYS.has(key)) facts.assignments.push({ key, value: node.right, platform });
      return undefined;
    }
    case 'CallExpression': {
      const module = requiredModule(node);
      if (module) facts.modules.add(module);
      const branches = platformSelectBranches(node);
      if (!branches) return undefined;
      const map = new Map<t.Node, Platform>();
      for (const branch of branches) if (branch.platform) map.set(branch.value, branch.platform);
      return map;
    }
    default:
      return undefined;
  }
}

/** `const x = require('./m')`, `const { a, b: c } = require('./m')`: imported names. */
function noteRequire(declarator: t.VariableDeclarator, facts: FileFacts): void {
  const init = declarator.init;
  if (init?.type !== 'CallExpression') return;
  const specifier = requiredModule(init);
  const module = specifier === undefined ? undefined : importedModuleKey(facts.path, specifier);
  if (!module) return;
  if (declarator.id.type === 'Identifier') facts.imports.push({ local: declarator.id.name, module, imported: '*' });
  else if (declarator.id.type === 'ObjectPattern') {
    for (const property of declarator.id.properties) {
      if (property.type !== 'ObjectProperty' || property.value.type !== 'Identifier') continue;
      const key = propertyName(property);
      if (key) facts.imports.push({ local: property.value.name, module, imported: key });
    }
  }
}

function requiredModule(call: t.CallExpression): string | undefined {
  const first = call.arguments[0];
  const isRequire = call.callee.type === 'Identifier' && call.callee.name === 'require';
  const isImport = call.callee.type === 'Import';
  return (isRequire || isImport) && first?.type === 'StringLiteral' ? first.value : undefined;
}

/** `Platform.select({ ios: a, android: b, default: c })`: each branch value with its platform. */
function platformSelectBranches(call: t.CallExpression): { value: t.Node; platform?: Platform }[] | undefined {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier' || callee.object.name !== 'Platform') return undefined;
  if (callee.property.type !== 'Identifier' || callee.property.name !== 'select') return undefined;
  const arg = call.arguments[0];
  if (arg?.type !== 'ObjectExpression') return undefined;
  const branches: { value: t.Node; platform?: Platform }[] = [];
  for (const property of arg.properties) {
    if (property.type !== 'ObjectProperty') continue;
    const key = propertyName(property);
    const platform: Platform | undefined =
      key === 'ios' || key === 'macos' ? 'ios' : key === 'android' ? 'android' : key === 'web' ? 'spa' : key === 'windows' ? 'publicClient' : undefined;
    branches.push({ value: property.value, platform });
  }
  return branches;
}

function propertyName(property: t.ObjectProperty): string | undefined {
  if (property.computed) return property.key.type === 'StringLiteral' ? property.key.value : undefined;
  if (property.key.type === 'Identifier') return property.key.name;
  if (property.key.type === 'StringLiteral') return property.key.value;
  return undefined;
}

/** The MSAL flavour and app type, from the modules the file imports and the classes it names. */
function libraryOf(facts: FileFacts): { library: Library; platform: Platform } {
  const m = facts.modules;
  if (m.has('react-native-msal') || m.has('react-native')) return { library: 'react-native', platform: 'publicClient' };
  if (m.has('electron')) return { library: 'electron', platform: 'publicClient' };
  if (m.has('@azure/msal-angular')) return { library: 'msal-angular', platform: 'spa' };
  if (m.has('@azure/msal-react')) return { library: 'msal-react', platform: 'spa' };
  if (m.has('@azure/msal-browser')) return { library: 'msal-browser', platform: 'spa' };
  if (m.has('@azure/msal-node')) {
    const confidential = facts.identifiers.has('ConfidentialClientApplication') && !facts.identifiers.has('PublicClientApplication');
    return { library: 'msal-node', platform: confidential ? 'web' : 'publicClient' };
  }
  return { library: 'msal-js', platform: 'unknown' };
}

function readConfigs(file: t.File, parsed: ParsedFile): void {
  const facts = collectFacts(file, parsed.text, parsed.path);
  const { library, platform } = libraryOf(facts);
  const evaluator = new Evaluator(facts);
  const configs: AuthConfig[] = [];
  const requestRedirects: RedirectUri[] = [];
  const seen = new Set<string>();
  const pending: (Omit<PendingValue, 'config'> & { owner: AuthConfig })[] = [];
  // Parents come before children in the walk; read configs in source order.
  const candidates = [...facts.candidates].sort((a, b) => (a.node.start ?? 0) - (b.node.start ?? 0));
  for (const { node, platform: branchPlatform } of candidates) {
    const config = readObject(node, evaluator, library, branchPlatform ?? platform, seen, pending);
    if (!config) continue;
    const ownsApp = config.clientId || config.authority || config.knownAuthorities || config.clientSecret;
    if (ownsApp) configs.push(config);
    else requestRedirects.push(...config.redirectUris);
  }
  // `msalConfig.auth.redirectUri = "…"` sets a config's redirect after the object was written.
  for (const { key, value, platform: branchPlatform } of facts.assignments) {
    const role = REDIRECT_KEYS.has(key) ? 'redirect' : 'postLogout';
    for (const v of evaluator.evaluate(value)) {
      const uriPlatform = v.platform ?? branchPlatform ?? platform;
      const id = `${v.range.start}:${v.range.end}:${role}:${uriPlatform}`;
      if (seen.has(id)) continue;
      seen.add(id);
      requestRedirects.push({ value: v.value, range: v.range, platform: uriPlatform, role, partial: v.partial || undefined });
    }
  }
  // Request objects (msal-node authCodeUrlParameters, loginRequest) hold no client id: they belong to the
  // file's app config when there is one.
  if (requestRedirects.length) {
    const owner = configs.find((c) => c.clientId) ?? configs[0];
    if (owner)
      owner.redirectUris = owner.redirectUris.concat(requestRedirects); // concat, not a spread: the list can be long
    else configs.push({ kind: 'config', library, platform, redirectUris: requestRedirects, range: requestRedirects[0].range });
  }
  // Other OAuth libraries use the same key names (a Google client's custom scheme is not an Entra
  // problem): keep configs only when the file is about the Microsoft identity platform.
  if (configs.length && isMicrosoftIdentity(facts, configs)) parsed.configs = parsed.configs.concat(configs);
  writeSymbols(file, parsed, facts, evaluator, pending);
}

/**
 * What the module exports (for the modules that import it) and which config values need imported names,
 * for the engine's cross-file link (engine/link.ts).
 */
function writeSymbols(
  file: t.File,
  parsed: ParsedFile,
  facts: FileFacts,
  evaluator: Evaluator,
  found: (Omit<PendingValue, 'config'> & { owner: AuthConfig })[],
): void {
  const pending: PendingValue[] = [];
  for (const { owner, ...rest } of found) {
    const config = parsed.configs.indexOf(owner);
    if (config >= 0) pending.push({ config, ...rest });
  }
  const exports: ExportedSymbol[] = [];
  const add = (names: string[], node: t.Node) => {
    const expr = evaluator.linkable(node);
    if (expr.kind !== 'unknown') exports.push({ names, expr, range: { start: node.start ?? 0, end: node.end ?? 0 } });
  };
  for (const statement of file.program.body) {
    if (statement.type === 'ExportNamedDeclaration') {
      if (statement.declaration?.type === 'VariableDeclaration') {
        for (const d of statement.declaration.declarations) if (d.id.type === 'Identifier' && d.init) add([d.id.name], d.init);
      }
      if (!statement.source) {
        for (const specifier of statement.specifiers) {
          if (specifier.type !== 'ExportSpecifier' || specifier.local.type !== 'Identifier') continue;
          const init = facts.consts.get(specifier.local.name);
          const name = specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value;
          if (init) add([name], init);
        }
      }
    } else if (statement.type === 'ExportDefaultDeclaration' && isExpressionNode(statement.declaration)) {
      add(['default'], statement.declaration);
    } else if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
      // `module.exports = { … }`, `exports.msalConfig = …`, `module.exports.msalConfig = …`
      const { left, right } = statement.expression;
      const target = left.type === 'MemberExpression' ? memberPath(left) : undefined;
      if (target?.join('.') === 'module.exports') add(['default'], right);
      else if (target && target.length === 2 && target[0] === 'exports') add([target[1]], right);
      else if (target && target.length === 3 && target[0] === 'module' && target[1] === 'exports') add([target[2]], right);
    }
  }
  if (pending.length || exports.length || facts.imports.length) parsed.symbols = { language: 'js', exports, imports: facts.imports, pending };
}

function isExpressionNode(node: t.Node): node is t.Expression {
  return node.type.endsWith('Expression') || node.type === 'Identifier' || node.type.endsWith('Literal');
}

const MICROSOFT_LOGIN_HOST =
  /(login\.microsoftonline\.(com|us)|login\.microsoft\.com|login\.live\.com|login\.partner\.microsoftonline\.cn|b2clogin\.com|ciamlogin\.com|login\.windows\.net|sts\.windows\.net)/i;

function isMicrosoftIdentity(facts: FileFacts, configs: AuthConfig[]): boolean {
  if (/msal/i.test(facts.text)) return true; // imports, class names, `msal{id}://` schemes
  return configs.some(
    (c) =>
      (c.clientId && GUID.test(c.clientId.value)) ||
      (c.authority && MICROSOFT_LOGIN_HOST.test(c.authority.value)) ||
      c.knownAuthorities?.value.some((host) => MICROSOFT_LOGIN_HOST.test(host)),
  );
}

function readObject(
  node: t.ObjectExpression,
  evaluator: Evaluator,
  library: Library,
  platform: Platform,
  seen: Set<string>,
  pending: (Omit<PendingValue, 'config'> & { owner: AuthConfig })[],
): AuthConfig | undefined {
  let config: AuthConfig | undefined;
  for (const property of node.properties) {
    if (property.type !== 'ObjectProperty') continue;
    const key = propertyName(property);
    if (!key || !CONFIG_KEYS.has(key)) continue;
    config ??= { kind: 'config', library, platform, redirectUris: [], range: { start: node.start ?? 0, end: node.end ?? 0 } };
    const value = property.value as t.Expression;
    // A value built from an imported name is linked by the engine from the module that exports it.
    const field: PendingValue['field'] | undefined = REDIRECT_KEYS.has(key)
      ? 'redirectUri'
      : POST_LOGOUT_KEYS.has(key)
        ? 'postLogoutRedirectUri'
        : key === 'clientId' || key === 'authority' || key === 'knownAuthorities'
          ? key
          : undefined;
    const imported = field ? evaluator.needsImports(value) : undefined;
    if (field && imported) pending.push({ owner: config, field, expr: imported, range: { start: value.start ?? 0, end: value.end ?? 0 }, platform });
    if (REDIRECT_KEYS.has(key) || POST_LOGOUT_KEYS.has(key)) {
      const role = REDIRECT_KEYS.has(key) ? 'redirect' : 'postLogout';
      for (const v of evaluator.evaluate(value)) {
        const id = `${v.range.start}:${v.range.end}:${role}:${v.platform ?? platform}`;
        if (seen.has(id)) continue; // one const used by several objects is one redirect
        seen.add(id);
        config.redirectUris.push({ value: v.value, range: v.range, platform: v.platform ?? platform, role, partial: v.partial || undefined });
      }
    } else if (key === 'knownAuthorities') {
      config.knownAuthorities = evaluator.stringArray(value);
    } else {
      const known = evaluator.evaluate(value).find((v) => !v.partial);
      if (!known) continue;
      const located: Located<string> = { value: known.value, range: known.range };
      if (key === 'clientId') config.clientId = located;
      else if (key === 'authority') config.authority = located;
      else if (key === 'clientSecret') config.clientSecret = located;
    }
  }
  return config;
}

/**
 * The file's side of the shared evaluator (../values): Babel nodes become the value IR (literals,
 * templates, names and member paths, `+`, `?:`, `||`/`??`, Platform.select, objects, arrays), and the
 * file's consts are the scope. Unknown parts show as `${source}`.
 */
class Evaluator {
  private readonly evaluator: ValueEvaluator;
  private readonly consts: MapScope;
  private readonly converted = new Map<t.Node, ValueExpr>();

  constructor(private readonly facts: FileFacts) {
    this.consts = new MapScope((name) => {
      const init = facts.consts.get(name);
      return init ? [{ expr: this.expr(init) }] : undefined;
    });
    this.evaluator = new ValueEvaluator(this.consts);
  }

  evaluate(node: t.Node): Value[] {
    return this.evaluator.values(this.expr(node));
  }

  /** The node's IR with the file's consts inlined and imported names as module paths (for the link). */
  linkable(node: t.Node): ValueExpr {
    return inlineNames(this.expr(node), this.consts, (name) => this.qualify(name)).expr;
  }

  /** The linkable IR when the value uses an imported name, else undefined (the file alone says it all). */
  needsImports(node: t.Node): ValueExpr | undefined {
    if (!this.facts.imports.length) return undefined;
    const { expr, unresolved } = inlineNames(this.expr(node), this.consts, (name) => this.qualify(name));
    return unresolved.some((path) => path[0] === IMPORTED) ? expr : undefined;
  }

  /** `b2cPolicies.authorityDomain` with `b2cPolicies` imported → `[IMPORTED, module, 'b2cPolicies', 'authorityDomain']`. */
  private qualify(name: NameExpr): string[] {
    const imported = this.facts.imports.find((i) => i.local === name.path[0]);
    return imported ? [IMPORTED, imported.module, imported.imported, ...name.path.slice(1)] : name.path;
  }

  stringArray(node: t.Node): KnownAuthorities | undefined {
    const list = this.evaluator.strings(this.expr(node));
    return list ? { value: list.values, range: list.range, ...(list.partial ? { partial: true } : {}) } : undefined;
  }

  /** The IR of a node (converted once; deeper than MAX_CONVERSION_DEPTH is unknown). */
  private expr(node: t.Node, depth = 0): ValueExpr {
    let found = this.converted.get(node);
    if (!found) {
      found = this.convert(node, depth);
      this.converted.set(node, found);
    }
    return found;
  }

  private convert(node: t.Node, depth: number): ValueExpr {
    const range = { start: node.start ?? 0, end: node.end ?? 0 };
    const display = `\${${this.facts.text.slice(range.start, range.end)}}`;
    if (depth > MAX_CONVERSION_DEPTH) return unknown(range, display);
    const next = (child: t.Node) => this.expr(child, depth + 1);
    switch (node.type) {
      case 'StringLiteral':
        return { kind: 'string', parts: [{ text: node.value }], range: inner(node), display };
      case 'TemplateLiteral': {
        const parts: StringExprPart[] = [];
        node.quasis.forEach((quasi, i) => {
          parts.push({ text: quasi.value.cooked ?? quasi.value.raw });
          const expression = node.expressions[i];
          if (expression) parts.push({ hole: next(expression) });
        });
        return { kind: 'string', parts, range: inner(node), display };
      }
      case 'Identifier':
        return { kind: 'name', path: [node.name], range, display };
      case 'MemberExpression': {
        const path = memberPath(node);
        return path ? { kind: 'name', path, range, display } : unknown(range, display);
      }
      case 'BinaryExpression': {
        if (node.operator !== '+') return unknown(range, display);
        // Flatten the left-leaning `a + b + c` chain without recursion.
        const operands: t.Node[] = [node.right];
        let left: t.Node = node.left;
        while (left.type === 'BinaryExpression' && left.operator === '+') {
          operands.push(left.right);
          left = left.left;
        }
        operands.push(left);
        return { kind: 'concat', operands: operands.reverse().map(next), range, display };
      }
      case 'ConditionalExpression':
        return { kind: 'alternatives', options: [next(node.consequent), next(node.alternate)], range, display };
      case 'LogicalExpression':
        // `process.env.X || "http://localhost"`: the unknown side adds nothing, the fallback is a value.
        return { kind: 'alternatives', options: [next(node.left), next(node.right)], range, display };
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'ParenthesizedExpression':
        return { ...next(node.expression), display };
      case 'CallExpression': {
        const branches = platformSelectBranches(node);
        if (!branches) return unknown(range, display); // calls: not known statically
        const options = branches.map((b) => (b.platform ? { ...next(b.value), platform: b.platform } : next(b.value)));
        return { kind: 'alternatives', options, range, display };
      }
      case 'ObjectExpression': {
        const properties = new Map<string, ValueExpr>();
        let open = false;
        for (const property of node.properties) {
          const key = property.type === 'ObjectProperty' ? propertyName(property) : undefined;
          if (key === undefined || property.type !== 'ObjectProperty') open = true;
          else if (!properties.has(key)) properties.set(key, next(property.value));
        }
        return { kind: 'object', properties, range, display, ...(open ? { open } : {}) };
      }
      case 'ArrayExpression': {
        const elements: ValueExpr[] = [];
        let open = false;
        for (const element of node.elements) {
          if (!element) continue; // a hole (`[a, , b]`) is no entry
          if (element.type === 'SpreadElement') open = true;
          else elements.push(next(element));
        }
        return { kind: 'array', elements, range, display, ...(open ? { open } : {}) };
      }
      default:
        return unknown(range, display); // process.env.X, window.location.origin: not known statically
    }
  }
}

/** `a.b.c` with plain property names (and `this`): the path, else undefined. */
function memberPath(node: t.MemberExpression): string[] | undefined {
  const path: string[] = [];
  let current: t.Node = node;
  while (current.type === 'MemberExpression') {
    if (current.computed) {
      if (current.property.type !== 'StringLiteral') return undefined;
      path.push(current.property.value);
    } else if (current.property.type === 'Identifier') path.push(current.property.name);
    else return undefined;
    current = current.object;
  }
  if (current.type === 'Identifier') path.push(current.name);
  else if (current.type === 'ThisExpression') path.push('this');
  else return undefined;
  return path.reverse();
}

/** Range of a literal's content, inside its quotes or backticks. */
function inner(node: t.Node): Range {
  const start = (node.start ?? 0) + 1;
  return { start, end: Math.max(start, (node.end ?? 0) - 1) };
}
