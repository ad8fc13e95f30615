import type * as t from '@babel/types';
import type { AuthConfig, ExportedSymbol, ImportedSymbol, Library, Located, ParsedFile, PendingValue, Platform, RedirectUri } from '../model';
import { importedModuleKey } from '../values';
import { GUID } from '../entra/uri';
import { identityProvider } from '../entra/libraries';
import { emptyParsed, defineFormat, SLASH_COMMENTS } from './types';
import { baseName } from '../io/paths';
import { JsValues, memberPath, objectProperty, parseJs, propertyName, rangeOf, walk } from './js-ast';
import {
  APP_HASH,
  APP_ID,
  APP_SCHEME,
  AUTHORITY_KEYS,
  callConfigs,
  callSite,
  discoveryAuthority,
  electronUserAgent,
  fileLibrary,
  libraryCallValues,
  libraryUserAgent,
  type CallConfig,
  type CallSite,
} from './js-libraries';

// JS/TS sign-in code: msal-browser, msal-react, msal-angular, msal-node and Electron, and the mobile
// libraries (react-native-msal, react-native-app-auth, expo-auth-session, Ionic Auth Connect, the Capacitor
// and Cordova MSAL plugins). Read with Babel (a real parser with offsets); only values of config keys in
// object literals and of the library calls in js-libraries.ts become configs, so deep-link constants and
// other strings never become findings.

/**
 * File names read whenever they mention MSAL, a client id or a redirect (base name without extension,
 * case-insensitive): anything containing auth, msal, identity, login, signin, sso, config, constants,
 * environment or settings (authConfig.ts, msal-config.js, environment.prod.ts …), plus the entry points
 * main, app, app.module and electron. Any other script or screen is read when its text calls a sign-in
 * library (SIGN_IN_CALL). Declaration files, minified bundles and source maps are never read. A file's
 * configs are kept only when it is about the Microsoft identity platform or signs in with a library whose
 * provider the code names (MSAL named, a GUID client id or a Microsoft login authority).
 */
const CANDIDATE_NAME = /(auth|msal|identity|login|signin|sso|config|constants|environment|settings)|^(main|app|app\.module|electron)$/i;
const SCRIPT_EXTENSION = /\.(js|jsx|mjs|cjs|ts|tsx|mts|cts)$/i;
const NEVER_READ = /\.(d\.ts|d\.mts|d\.cts|min\.js|map)$/i;
/** What a candidate name's text must mention. */
const CONFIG_MARKER = /msal|clientId|redirectUri|redirectUrl/i;
/** What any other script's text must hold: a call of a sign-in library (one linear regex test). */
const SIGN_IN_CALL =
  /makeRedirectUri|useAuthRequest|useAutoDiscovery|react-native-app-auth|new\s+(?:msal\.)?PublicClientApplication\s*\(|MsAuthPlugin|msalInit|@ionic-enterprise\/auth|acquireTokenInteractive|getAuthCodeUrl|MsalModule\.forRoot/;

/**
 * Tests and stories call the libraries with dummy values: they are read only when their name is a config's.
 * Only names and `__tests__`-style folders count (a `test/` folder may be anywhere above the workspace).
 */
const TEST_CODE = /(^|[\\/])(__tests__|__mocks__)[\\/]|\.(test|spec|stories|e2e)\.[cm]?[jt]sx?$/i;

const REDIRECT_KEYS = new Set(['redirectUri', 'redirect_uri', 'redirectUrl', 'redirectURI', 'redirectURL', 'redirect_url']);
const POST_LOGOUT_KEYS = new Set(['postLogoutRedirectUri', 'post_logout_redirect_uri', 'postLogoutRedirectUrl', 'postLogoutRedirectURI', 'logoutUrl']);
const CLIENT_ID_KEYS = new Set(['clientId', 'clientID', 'client_id']);
const CONFIG_KEYS = new Set([
  ...CLIENT_ID_KEYS,
  ...AUTHORITY_KEYS,
  'knownAuthorities',
  'clientSecret',
  'serviceConfiguration',
  ...REDIRECT_KEYS,
  ...POST_LOGOUT_KEYS,
]);
/** Keys whose object holds extra query parameters of a request (msal's, AppAuth's), not an app's config. */
const QUERY_PARAMETER_KEYS = new Set(['extraQueryParameters', 'extraQueryParams', 'tokenQueryParameters', 'additionalParameters']);
/** Objects with only these keys are not configs of their own (discovery documents, endpoint lists). */
const NOT_OWNING_KEYS = new Set(['authorizationEndpoint', 'authorization_endpoint']);

/**
 * Statements holding any of these are kept when slicing a big file: config keys (every redirect/post-logout
 * key has "redirect" or "logout"), Platform.select, imports and requires (the library), the MSAL client
 * classes (msal-node's app type), the library calls, and escapes (a key spelled with \u or \x escapes).
 */
const NEEDED_STATEMENT =
  /clientId|authority|authorities|clientSecret|redirect|logout|issuer|discovery|Endpoint|Platform|require|import|ClientApplication|MsAuthPlugin|msalInit|AuthConnect|BrowserWindow|loadURL|openExternal|getAuthCodeUrl|acquireToken|\\[ux]/gi;

export const msalJsFormat = defineFormat({
  id: 'msal-js',
  title: 'MSAL.js, msal-node, Electron, React Native, Expo, Ionic',
  files:
    '`*.js`, `*.jsx`, `*.ts`, `*.tsx`, `*.mjs`, `*.cjs` whose name suggests auth config (`authConfig`, `msal*`, `*auth*`, `*config*`, `app.module`, `main`, `App` …), and any script that calls a sign-in library (`makeRedirectUri`, `authorize`, `new PublicClientApplication` …)',
  reads:
    '`clientId`, `authority` / `issuer` / discovery, `knownAuthorities`, `redirectUri` / `redirectUrl`, `postLogoutRedirectUri` in object literals, `const` values and object members of the same file, values imported from other read modules (`environment.ts`), template literals (only what is statically known), `Platform.select` branches; react-native-msal, react-native-app-auth, expo-auth-session (`makeRedirectUri`, `useAuthRequest`, `useAutoDiscovery`), Ionic Auth Connect, the Capacitor and Cordova MSAL plugins, Electron (BrowserWindow, `shell.openExternal`, `acquireTokenInteractive`)',
  globs: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
  markers: ['**/authConfig.*', '**/msalConfig.*'],
  comments: SLASH_COMMENTS,
  literal: 'code',
  languageIds: ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'],
  untitled: ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'].map((languageId, i) => ({
    languageId,
    name: `authConfig.${['js', 'jsx', 'ts', 'tsx'][i]}`,
    hint: /msal|clientId|redirectUri|makeRedirectUri|redirectUrl/i,
  })),
  facts: { reads: ['ios-url-schemes', 'android-intent-filters'] },
  byName(path) {
    const name = baseName(path);
    if (!SCRIPT_EXTENSION.test(name) || NEVER_READ.test(name)) return 'no';
    // Tests are read only when named like a config; any other script is sniffed for a sign-in call.
    return TEST_CODE.test(path) && !isCandidateName(path) ? 'no' : 'sniff';
  },
  sniff: (text, path) => (isCandidateName(path) && CONFIG_MARKER.test(text)) || (!TEST_CODE.test(path) && SIGN_IN_CALL.test(text)),
  parse: (path, text) => readMsalJs(path, text),
});

/** Whether a script's name suggests auth configuration (its text then needs only mention MSAL or a config key). */
export function isCandidateName(path: string): boolean {
  return CANDIDATE_NAME.test(baseName(path).replace(SCRIPT_EXTENSION, ''));
}

/** The format's parse; `slice: false` always parses the whole file (tests compare both ways). */
export function readMsalJs(path: string, text: string, { slice = true }: { slice?: boolean } = {}): ParsedFile {
  const parsed = emptyParsed(path, 'msal-js', text);
  const program = parseJs(path, text, parsed, { slice, needed: NEEDED_STATEMENT });
  if (program) readConfigs(program, parsed);
  return parsed;
}

/** What the whole file tells about the app: imports, consts, calls and the objects that may be configs. */
interface FileFacts {
  modules: Set<string>;
  identifiers: Set<string>;
  /** String literals of the file (event names such as 'will-redirect'). */
  strings: Set<string>;
  consts: Map<string, t.Expression>;
  candidates: { node: t.ObjectExpression; platform?: Platform }[];
  calls: CallSite[];
  /** `x.redirectUri = value` assignments. */
  assignments: { key: string; value: t.Expression; platform?: Platform }[];
  /** Relative imports and requires, by local name (module = the imported file's module key). */
  imports: ImportedSymbol[];
  /** Objects of extra query parameters (never configs). */
  queryParameters: Set<t.Node>;
  path: string;
  text: string;
}

/** One pass over the tree. */
function collectFacts(file: t.File, text: string, path: string): FileFacts {
  const facts: FileFacts = {
    modules: new Set(),
    identifiers: new Set(),
    strings: new Set(),
    consts: new Map(),
    candidates: [],
    calls: [],
    assignments: [],
    imports: [],
    queryParameters: new Set(),
    path,
    text,
  };
  walk(file.program, (node, platform) => noteNode(node, facts, platform));
  return facts;
}

/** Records what one node tells. */
function noteNode(node: t.Node, facts: FileFacts, platform: Platform | undefined): void {
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
      return;
    }
    case 'VariableDeclaration':
      if (node.kind === 'const') {
        for (const d of node.declarations) if (d.id.type === 'Identifier' && d.init && !facts.consts.has(d.id.name)) facts.consts.set(d.id.name, d.init);
      }
      for (const d of node.declarations) noteRequire(d, facts);
      return;
    case 'Identifier':
      facts.identifiers.add(node.name);
      return;
    case 'StringLiteral':
      if (node.value.length <= 64) facts.strings.add(node.value);
      return;
    case 'ObjectExpression':
      // Extra query parameters (`extraQueryParameters: { client_id }`) are sent as they are, not a config.
      if (!facts.queryParameters.has(node)) facts.candidates.push({ node, platform });
      for (const property of node.properties) {
        const key = property.type === 'ObjectProperty' ? propertyName(property) : undefined;
        if (key && QUERY_PARAMETER_KEYS.has(key) && property.type === 'ObjectProperty' && property.value.type === 'ObjectExpression')
          facts.queryParameters.add(property.value);
      }
      return;
    case 'AssignmentExpression': {
      const left = node.left;
      if (node.operator !== '=' || left.type !== 'MemberExpression' || left.computed || left.property.type !== 'Identifier') return;
      const key = left.property.name;
      if (REDIRECT_KEYS.has(key) || POST_LOGOUT_KEYS.has(key)) facts.assignments.push({ key, value: node.right, platform });
      return;
    }
    case 'CallExpression':
    case 'NewExpression':
    case 'OptionalCallExpression': {
      if (node.type === 'CallExpression') {
        const module = requiredModule(node);
        if (module) facts.modules.add(module);
      }
      const site = callSite(node);
      if (site) facts.calls.push(site);
      return;
    }
    default:
      return;
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

interface ReadContext {
  values: JsValues;
  library: Library;
  platform: Platform;
  seen: Set<string>;
  /** Config values built from imported names, linked by the engine from the modules that export them. */
  pending: OwnedPending[];
}

type OwnedPending = Omit<PendingValue, 'config'> & { owner: AuthConfig };

function readConfigs(file: t.File, parsed: ParsedFile): void {
  const facts = collectFacts(file, parsed.text, parsed.path);
  const { library, platform } = fileLibrary(facts.modules, facts.identifiers, facts.calls);
  // The evaluator needs the library's call values, which read the file's consts through the evaluator.
  const values: JsValues = new JsValues(
    parsed.text,
    facts.consts,
    libraryCallValues(facts.modules, () => values),
    facts.imports,
  );
  const shapes = callConfigs({ values, calls: facts.calls, library });
  const byNode = new Map<t.Node, CallConfig>();
  for (const shape of shapes) if (shape.node && !byNode.has(shape.node)) byNode.set(shape.node, shape);
  const electron = facts.modules.has('electron') ? electronUserAgent(facts.calls, facts.strings) : undefined;
  // A call that only chooses the user agent (Auth Connect's setup) applies to every config of the file.
  const fileAgent = electron ?? shapes.find((s) => !s.node && !s.implied?.length)?.userAgent ?? libraryUserAgent(library);
  if (electron) parsed.signIn = { library: 'electron', userAgent: electron, configImports: [...facts.modules].filter((m) => /\.json$/i.test(m)) };

  const context: ReadContext = { values, library, platform, seen: new Set(), pending: [] };
  const configs: AuthConfig[] = [];
  const requestRedirects: RedirectUri[] = [];
  const requestAuthorities: AuthConfig[] = [];
  // Parents come before children in the walk; read configs in source order.
  const candidates = [...facts.candidates].sort((a, b) => (a.node.start ?? 0) - (b.node.start ?? 0));
  const consumed = shapes.flatMap((s) => (s.consumed ? [rangeOf(s.consumed)] : []));
  for (const { node, platform: branchPlatform } of candidates) {
    if (consumed.some((r) => (node.start ?? 0) >= r.start && (node.end ?? 0) <= r.end)) continue;
    const shape = byNode.get(node);
    const config = readObject(node, context, shape?.library, branchPlatform);
    if (!config) continue;
    if (shape) applyShape(config, shape);
    else if (fileAgent && !config.userAgent) config.userAgent = fileAgent;
    if (ownsApp(node) || shape) configs.push(config);
    else if (config.authority) requestAuthorities.push(config);
    else requestRedirects.push(...config.redirectUris);
  }
  // Library calls whose object names no config key (cordova-plugin-msal's msalInit) are configs of their own.
  for (const shape of shapes) {
    if (shape.node || !shape.implied?.length) continue;
    const config: AuthConfig = { kind: 'config', library: shape.library, platform: 'publicClient', redirectUris: [], range: shape.range };
    applyShape(config, shape);
    configs.push(config);
  }
  readAssignments(facts, context, requestRedirects);
  attachRequests(configs, requestRedirects, requestAuthorities, context);
  completeDiscovery(configs, shapes, facts, values);
  // Other OAuth libraries use the same key names (a Google client's custom scheme is not an Entra
  // problem): keep configs only when the file is about the Microsoft identity platform, and never one whose
  // authority is another provider's.
  const kept = configs.filter((c) => identityProvider(c) !== 'other');
  if (kept.length && isMicrosoftIdentity(facts, kept)) parsed.configs = parsed.configs.concat(kept);
  writeSymbols(file, parsed, facts, context);
}

/**
 * What the module exports (for the modules that import it) and which config values need imported names,
 * for the engine's cross-file link (engine/link.ts).
 */
function writeSymbols(file: t.File, parsed: ParsedFile, facts: FileFacts, context: ReadContext): void {
  const pending: PendingValue[] = [];
  const appConfig = parsed.configs.findIndex((c) => c.clientId) >= 0 ? parsed.configs.findIndex((c) => c.clientId) : 0;
  for (const { owner, ...rest } of context.pending) {
    let config = parsed.configs.indexOf(owner);
    // A request object's redirect went to the file's app config (attachRequests).
    if (config < 0 && (rest.field === 'redirectUri' || rest.field === 'postLogoutRedirectUri') && parsed.configs.length) config = appConfig;
    if (config >= 0) pending.push({ config, ...rest });
  }
  const exports: ExportedSymbol[] = [];
  const add = (names: string[], node: t.Node) => {
    const expr = context.values.linkable(node);
    if (expr.kind !== 'unknown') exports.push({ names, expr, range: rangeOf(node) });
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

/** An object that names a client id, a secret or knownAuthorities is an app's config (even when the values are not known statically). */
function ownsApp(node: t.ObjectExpression): boolean {
  return node.properties.some((p) => {
    const key = p.type === 'ObjectProperty' ? propertyName(p) : undefined;
    return key !== undefined && (CLIENT_ID_KEYS.has(key) || key === 'knownAuthorities' || key === 'clientSecret');
  });
}

/** What a library call adds to the config its object holds: the library, its user agent, authority and implied redirects. */
function applyShape(config: AuthConfig, shape: CallConfig): void {
  config.library = shape.library;
  config.platform = config.platform === 'unknown' ? 'publicClient' : config.platform;
  config.userAgent = shape.userAgent ?? config.userAgent ?? libraryUserAgent(shape.library);
  if (!config.authority && shape.authority) config.authority = shape.authority;
  if (!config.redirectUris.some((u) => u.role === 'redirect') && shape.implied?.length) config.redirectUris = config.redirectUris.concat(shape.implied);
}

/** `msalConfig.auth.redirectUri = "…"` sets a config's redirect after the object was written. */
function readAssignments(facts: FileFacts, context: ReadContext, requestRedirects: RedirectUri[]): void {
  for (const { key, value, platform: branchPlatform } of facts.assignments) {
    const role = REDIRECT_KEYS.has(key) ? 'redirect' : 'postLogout';
    requestRedirects.push(...redirectsOf(value, role, branchPlatform ?? context.platform, context));
  }
}

/**
 * Request objects (msal-node authCodeUrlParameters, loginRequest) hold no client id: their redirects belong
 * to the file's app config when there is one. An object holding only an authority (a B2C policy's
 * `{ authority }`, a request's authority) is checked against the app's knownAuthorities: the file's
 * config's list when it has one; when the list is not in view (another file builds the config), it may
 * name the host, so it is partial.
 */
function attachRequests(configs: AuthConfig[], redirects: RedirectUri[], authorities: AuthConfig[], context: ReadContext): void {
  const owner = configs.find((c) => c.clientId) ?? configs[0];
  if (redirects.length) {
    if (owner)
      owner.redirectUris = owner.redirectUris.concat(redirects); // concat, not a spread: the list can be long
    else configs.push({ kind: 'config', library: context.library, platform: context.platform, redirectUris: redirects, range: redirects[0].range });
  }
  for (const request of authorities) {
    const list = owner?.knownAuthorities;
    request.knownAuthorities = list ?? { value: [], range: request.range, partial: true };
    configs.push(request);
  }
}

/** expo-auth-session configs whose call names no discovery take the file's one discovery (useAutoDiscovery, a discovery object). */
function completeDiscovery(configs: AuthConfig[], shapes: CallConfig[], facts: FileFacts, values: JsValues): void {
  const open = configs.filter((c) => c.library === 'expo-auth-session' && !c.authority);
  if (!open.length) return;
  const found = new Map<string, Located<string>>();
  for (const call of facts.calls) {
    if (/^(useAutoDiscovery|fetchDiscoveryAsync|resolveDiscoveryAsync)$/.test(call.name)) {
      const authority = discoveryAuthority(call.node.arguments[0], values);
      if (authority) found.set(authority.value, authority);
    }
  }
  for (const { node } of facts.candidates) {
    if (!objectProperty(node, 'authorizationEndpoint')) continue;
    const authority = discoveryAuthority(node, values);
    if (authority) found.set(authority.value, authority);
  }
  if (found.size !== 1 || shapes.length === 0) return;
  const [only] = found.values();
  for (const config of open) config.authority = only;
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
  context: ReadContext,
  shapeLibrary: Library | undefined,
  branchPlatform: Platform | undefined,
): AuthConfig | undefined {
  let config: AuthConfig | undefined;
  const keys = node.properties.map((p) => (p.type === 'ObjectProperty' ? propertyName(p) : undefined));
  if (!keys.some((key) => key !== undefined && CONFIG_KEYS.has(key) && !NOT_OWNING_KEYS.has(key))) return undefined;
  const platform = branchPlatform ?? context.platform;
  // An OAuth config of another library in a file that names none (an AppAuth-style `issuer`, `serviceConfiguration`).
  const oauth = keys.some((k) => k === 'issuer' || k === 'serviceConfiguration' || k === 'discoveryUrl');
  const library = shapeLibrary ?? (oauth && context.library === 'msal-js' ? 'unknown' : context.library);
  for (const property of node.properties) {
    if (property.type !== 'ObjectProperty') continue;
    const key = propertyName(property);
    if (!key || !CONFIG_KEYS.has(key)) continue;
    config ??= { kind: 'config', library, platform, redirectUris: [], range: rangeOf(node) };
    const value = property.value as t.Expression;
    // A value built from an imported name is linked by the engine from the module that exports it.
    const field: PendingValue['field'] | undefined = REDIRECT_KEYS.has(key)
      ? 'redirectUri'
      : POST_LOGOUT_KEYS.has(key)
        ? 'postLogoutRedirectUri'
        : CLIENT_ID_KEYS.has(key)
          ? 'clientId'
          : key === 'authority' || key === 'knownAuthorities'
            ? key
            : undefined;
    const imported = field ? context.values.needsImports(value) : undefined;
    if (field && imported) context.pending.push({ owner: config, field, expr: imported, range: rangeOf(value), platform });
    if (REDIRECT_KEYS.has(key) || POST_LOGOUT_KEYS.has(key)) {
      const role = REDIRECT_KEYS.has(key) ? 'redirect' : 'postLogout';
      config.redirectUris.push(...redirectsOf(value, role, platform, context));
    } else if (key === 'knownAuthorities') {
      config.knownAuthorities = context.values.stringArray(value);
    } else if (key === 'serviceConfiguration') {
      const service = context.values.resolveNode(value);
      const endpoint = service.type === 'ObjectExpression' ? objectProperty(service, 'authorizationEndpoint')?.value : undefined;
      const known = endpoint && context.values.known(endpoint);
      if (known) config.authority ??= { value: known.value, range: known.range };
    } else {
      const known = context.values.evaluate(value).find((v) => !v.partial);
      if (!known) continue;
      const located: Located<string> = { value: known.value, range: known.range };
      if (CLIENT_ID_KEYS.has(key)) config.clientId = located;
      else if (key === 'clientSecret') config.clientSecret = located;
      else if (key === 'authority' || !config.authority) config.authority = located;
    }
  }
  return config;
}

/** The redirect URIs an expression may hold (one per alternative), each once per file. */
function redirectsOf(value: t.Node, role: 'redirect' | 'postLogout', platform: Platform, context: ReadContext): RedirectUri[] {
  const result: RedirectUri[] = [];
  for (const v of context.values.evaluate(value)) {
    const uriPlatform = v.platform ?? platform;
    const id = `${v.range.start}:${v.range.end}:${role}:${uriPlatform}`;
    if (context.seen.has(id)) continue; // one const used by several objects is one redirect
    context.seen.add(id);
    const appParts = v.value.includes(APP_SCHEME) || v.value.includes(APP_ID) || v.value.includes(APP_HASH);
    const partial = v.partial || appParts;
    result.push({ value: v.value, range: v.range, platform: uriPlatform, role, ...(partial ? { partial } : {}), ...(appParts ? { appParts } : {}) });
  }
  return result;
}
