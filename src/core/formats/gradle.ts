import type { AndroidBuildBlock, AndroidBuildInfo, AndroidBuildValue, AuthConfig, ParsedFile } from '../model';
import { tokenizeGroovy, tokenizeKotlin } from '../lexing/languages';
import { lowerBaseName } from '../io/paths';
import { isForeignSdkScheme, redirectUri } from './config-util';
import { stringLiteral, type Declaration } from '../values';
import { declarations, FileValues, KOTLIN_SYNTAX, spanOf, stringValue, TokenCursor, type CodeValue } from './jvm-tokens';
import { emptyParsed, MAX_PROBLEMS, defineFormat, SLASH_COMMENTS } from './types';

// Android module build files, Groovy (`build.gradle`) and Kotlin DSL (`build.gradle.kts`), read from the
// shared lexer's tokens: `applicationId`, `applicationIdSuffix`, `dimension` and `manifestPlaceholders` of
// `defaultConfig`, each build type and each product flavour, with `namespace` and `flavorDimensions`.
// Rules fill the manifest's `${applicationId}` and placeholders in from them, per build variant. The
// `appAuthRedirectScheme` placeholder is AppAuth's receiver scheme, so it is read as the scheme the app
// receives redirects on. Nothing is executed: values computed by the script are `partial`.

const BLOCK_KINDS: Record<string, AndroidBuildBlock['kind']> = { buildTypes: 'buildType', productFlavors: 'flavor' };
/** Calls that name a build type or flavour in the Kotlin DSL (`getByName("debug") { … }`). */
const NAMING_CALLS = new Set(['getByName', 'create', 'named', 'register', 'maybeCreate']);
/** Blocks whose code rewrites variants (ids, placeholders) in ways a static reader cannot follow. */
const VARIANT_CODE = new Set(['applicationVariants', 'androidComponents', 'onVariants', 'beforeVariants', 'all', 'configureEach']);
const MAP_FACTORIES = new Set(['mapOf', 'mutableMapOf', 'hashMapOf', 'linkedMapOf']);
const APPAUTH_PLACEHOLDER = 'appAuthRedirectScheme';

export const gradleFormat = defineFormat({
  id: 'gradle',
  title: 'Gradle build file (Android)',
  files: '`build.gradle`, `build.gradle.kts`',
  reads:
    '`applicationId`, `applicationIdSuffix` and `manifestPlaceholders` of `defaultConfig`, build types and product flavours (AppAuth `appAuthRedirectScheme`), `namespace`, `flavorDimensions`',
  globs: ['**/build.gradle', '**/build.gradle.kts'],
  comments: SLASH_COMMENTS,
  literal: 'code',
  languageIds: ['groovy', 'kotlin'],
  untitled: [{ languageId: 'groovy', name: 'build.gradle', hint: /applicationId|manifestPlaceholders/ }],
  facts: { provides: ['android-build-values'], reads: ['android-intent-filters'] },
  byName: (path) => (/^build\.gradle(\.kts)?$/.test(lowerBaseName(path)) ? 'yes' : 'no'),
  parse(path, text) {
    const parsed = emptyParsed(path, 'gradle', text);
    const { tokens, comments, problems } = /\.kts$/i.test(path) ? tokenizeKotlin(text) : tokenizeGroovy(text);
    parsed.comments = comments;
    parsed.problems.push(...problems.slice(0, MAX_PROBLEMS));
    new BuildReader(new TokenCursor(tokens), parsed).read();
    return parsed;
  },
});

/** An open `{ … }` of the script: the names leading to it and the build block it is, if any. */
interface OpenBlock {
  path: string[];
  close: number;
  block?: AndroidBuildBlock;
  /** Inside code that rewrites variants. */
  variantCode: boolean;
}

class BuildReader {
  private readonly build: AndroidBuildInfo = { flavorDimensions: [], blocks: [] };
  private readonly values: FileValues;
  private readonly blocksByKey = new Map<string, AndroidBuildBlock>();
  private found = false;

  constructor(
    private readonly cursor: TokenCursor,
    private readonly parsed: ParsedFile,
  ) {
    let declared: Map<string, [number, number][]> | undefined;
    this.values = new FileValues(
      cursor,
      KOTLIN_SYNTAX,
      (name) => (declared ??= declarations(cursor)).get(name),
      (name) => this.buildPropertyDeclaration(name),
    );
  }

  read(): void {
    const c = this.cursor;
    const { tokens } = c;
    const stack: OpenBlock[] = [];
    for (let i = 0; i < tokens.length; i++) {
      while (stack.length && i > stack[stack.length - 1].close) stack.pop();
      const top = stack[stack.length - 1];
      const t = tokens[i];
      if (t.kind === 'punct' && t.text === '{') {
        // An unclosed block (broken input) runs to the end of the file, so what it holds is still read.
        const close = c.closing(i);
        stack.push(this.openBlock(i, close > i ? close : tokens.length - 1, top));
        continue;
      }
      if (t.kind === 'string') this.notePlugin(stringValue(t).text);
      if (t.kind !== 'identifier') continue;
      if (top?.variantCode && /^(applicationId|applicationIdSuffix|manifestPlaceholders)$/.test(t.text)) this.build.variantsPartial = true;
      if (!this.atStatementStart(i)) continue;
      if (t.text === 'apply' || t.text === 'id' || t.text === 'alias') continue;
      this.readStatement(i, top);
    }
    this.readAliasPlugins();
    if (!this.found) return;
    this.parsed.androidBuild = this.build;
    const receiver = this.appAuthReceiver();
    if (receiver) this.parsed.configs.push(receiver);
  }

  private atStatementStart(i: number): boolean {
    const before = this.cursor.tokens[i - 1];
    return !before || before.kind === 'newline' || (before.kind === 'punct' && (before.text === ';' || before.text === '{' || before.text === '}'));
  }

  /** The block a `{` at `i` opens: `name {`, `name("x") {`, `a.b {`, or an anonymous closure. */
  private openBlock(i: number, close: number, parent: OpenBlock | undefined): OpenBlock {
    const c = this.cursor;
    const { tokens } = c;
    // Only the last few names matter (`android`, `buildTypes`, `debug`); deep nesting must not cost more.
    const path = (parent?.path ?? []).slice(-4);
    let name: string | undefined;
    let j = c.skipNewlinesBack(i - 1);
    if (c.isPunct(j, ')')) {
      const open = c.opening(j);
      const callee = tokens[open - 1];
      const args = open > 0 ? c.args(open) : undefined;
      if (callee?.kind === 'identifier' && NAMING_CALLS.has(callee.text) && args?.length === 1 && tokens[args[0][0]].kind === 'string') {
        name = stringValue(tokens[args[0][0]]).text;
      } else if (callee?.kind === 'identifier') path.push(callee.text);
    } else if (c.isIdent(j)) {
      // `android.defaultConfig {` pushes both names.
      const names = [tokens[j].text];
      while (c.isPunct(j - 1, '.') && c.isIdent(j - 2)) {
        j -= 2;
        names.unshift(tokens[j].text);
      }
      path.push(...names.slice(0, -1));
      name = names[names.length - 1];
    }
    if (name !== undefined) path.push(name);
    const variantCode = (parent?.variantCode ?? false) || path.some((p) => VARIANT_CODE.has(p));
    return { path, close, block: name !== undefined ? this.buildBlock(path, name, i, close) : undefined, variantCode };
  }

  /** The build block `path` names: defaultConfig, or a child of buildTypes / productFlavors. */
  private buildBlock(path: string[], name: string, open: number, close: number): AndroidBuildBlock | undefined {
    const parent = path[path.length - 2];
    const kind = name === 'defaultConfig' ? 'defaultConfig' : parent ? BLOCK_KINDS[parent] : undefined;
    if (!kind) return undefined;
    // A second `debug { … }` (or `defaultConfig { … }`) block adds to the first, as Gradle configures one object.
    const key = `${kind}:${name}`;
    let block = this.blocksByKey.get(key);
    if (!block) {
      block = { kind, name, placeholders: [], range: spanOf(this.cursor.tokens, open, close + 1) };
      this.blocksByKey.set(key, block);
      this.build.blocks.push(block);
      this.found = true;
    }
    return block;
  }

  /** A statement of a block: `name value`, `name = value`, `name(value)`, `manifestPlaceholders…`. */
  private readStatement(i: number, top: OpenBlock | undefined): void {
    const c = this.cursor;
    const { tokens } = c;
    const name = tokens[i].text;
    const block = top?.block;
    if (name === 'manifestPlaceholders' || name === 'addManifestPlaceholders') {
      if (block) this.readPlaceholders(i, block);
      return;
    }
    if (name === 'flavorDimensions') {
      const end = this.statementEnd(i);
      for (let k = i + 1; k < end; k++) if (tokens[k].kind === 'string') this.build.flavorDimensions.push(stringValue(tokens[k]).text);
      return;
    }
    if (name !== 'applicationId' && name !== 'applicationIdSuffix' && name !== 'dimension' && name !== 'namespace') return;
    const value = this.assignedValue(i);
    if (!value) return;
    if (name === 'namespace') {
      if (top?.path[top.path.length - 1] === 'android') {
        this.build.namespace = value;
        this.found = true;
      }
      return;
    }
    if (!block) return;
    if (name === 'dimension') block.dimension = value.value;
    else block[name] = value;
  }

  /** The value of `name "x"`, `name = "x"` or `name("x")` at `i`. */
  private assignedValue(i: number): AndroidBuildValue | undefined {
    const c = this.cursor;
    let start = i + 1;
    if (c.isPunct(start, '=') && !c.isPunct(start + 1, '=')) start++;
    else if (c.isPunct(start, '(')) {
      const args = c.args(start);
      return args?.length === 1 ? this.buildValue(args[0][0], args[0][1]) : undefined;
    } else if (c.isNewline(start) || c.isPunct(start, '.') || c.isPunct(start, '[')) return undefined;
    const end = c.expressionEnd(start);
    return this.buildValue(start, end);
  }

  private buildValue(start: number, end: number): AndroidBuildValue | undefined {
    const value = this.values.value(start, end);
    if (value) return toBuildValue(value);
    if (end <= start) return undefined;
    // A value the script computes (`rootProject.ext.appId`, a function): there, but not known.
    return { value: '', range: spanOf(this.cursor.tokens, start, end), partial: true };
  }

  private statementEnd(i: number): number {
    const c = this.cursor;
    for (let k = i + 1; k < c.length; k++) {
      if (c.isNewline(k) || c.isPunct(k, ';') || c.isPunct(k, '}')) return k;
      if (c.isPunct(k, '(') || c.isPunct(k, '[')) k = Math.max(k, c.closing(k));
    }
    return c.length;
  }

  /**
   * `manifestPlaceholders = [k: v]` / `+= […]` / `= mapOf("k" to v)` / `["k"] = v` / `.put("k", v)` /
   * `.putAll(…)` / `.k = v` / `addManifestPlaceholders(…)`. `=` replaces what the block set before.
   */
  private readPlaceholders(i: number, block: AndroidBuildBlock): void {
    const c = this.cursor;
    const { tokens } = c;
    let j = i + 1;
    if (tokens[i].text === 'addManifestPlaceholders' || c.isPunct(j, '(')) {
      const args = c.isPunct(j, '(') ? c.args(j) : undefined;
      if (args?.length === 1) this.readMap(args[0][0], args[0][1], block);
      else block.placeholdersPartial = true;
      return;
    }
    if (c.isPunct(j, '[')) {
      const close = c.closing(j);
      const key = close === j + 2 && tokens[j + 1].kind === 'string' ? stringValue(tokens[j + 1]).text : undefined;
      if (key === undefined || !c.isPunct(close + 1, '=')) {
        block.placeholdersPartial = true;
        return;
      }
      this.setPlaceholder(block, key, close + 2, c.expressionEnd(close + 2));
      return;
    }
    if (c.isPunct(j, '.') && c.isIdent(j + 1)) {
      const method = tokens[j + 1].text;
      if ((method === 'put' || method === 'putIfAbsent' || method === 'set') && c.isPunct(j + 2, '(')) {
        const args = c.args(j + 2);
        const key = args?.length === 2 && tokens[args[0][0]].kind === 'string' ? stringValue(tokens[args[0][0]]).text : undefined;
        if (key !== undefined) this.setPlaceholder(block, key, args![1][0], args![1][1], method === 'putIfAbsent');
        else block.placeholdersPartial = true;
      } else if (method === 'putAll' && c.isPunct(j + 2, '(')) {
        const args = c.args(j + 2);
        if (args?.length === 1) this.readMap(args[0][0], args[0][1], block);
        else block.placeholdersPartial = true;
      } else if (c.isPunct(j + 2, '=')) {
        this.setPlaceholder(block, method, j + 3, c.expressionEnd(j + 3));
      }
      return;
    }
    const plus = c.isPunct(j, '+');
    if (plus) j++;
    if (!c.isPunct(j, '=')) return;
    if (!plus) block.placeholders = [];
    const start = c.skipNewlines(j + 1);
    this.readMap(start, c.expressionEnd(start), block);
  }

  /** A map literal: Groovy `[k: v, 'k': v]` or Kotlin `mapOf("k" to v)`; anything else is not seen. */
  private readMap(start: number, end: number, block: AndroidBuildBlock): void {
    const c = this.cursor;
    const { tokens } = c;
    let entries: [number, number][] | undefined;
    if (c.isPunct(start, '[') && c.closing(start) === end - 1) entries = c.args(start);
    else if (c.isIdent(start) && MAP_FACTORIES.has(tokens[start].text) && c.isPunct(start + 1, '(') && c.closing(start + 1) === end - 1)
      entries = c.args(start + 1);
    if (!entries) {
      block.placeholdersPartial = true;
      return;
    }
    for (const [s, e] of entries) {
      let split = -1;
      for (let k = s; k < e; k++) {
        if (c.isPunct(k, ':') || c.isIdent(k, 'to')) {
          split = k;
          break;
        }
        if (c.isPunct(k, '(') || c.isPunct(k, '[')) k = Math.max(k, c.closing(k));
      }
      if (split !== s + 1) {
        // `[:]` (an empty Groovy map) has no entries; anything else unreadable hides keys.
        if (!(e === s + 1 && c.isPunct(s, ':'))) block.placeholdersPartial = true;
        continue;
      }
      const keyToken = tokens[s];
      const key = keyToken.kind === 'string' ? stringValue(keyToken).text : keyToken.kind === 'identifier' ? keyToken.text : undefined;
      if (key === undefined) block.placeholdersPartial = true;
      else this.setPlaceholder(block, key, split + 1, e);
    }
  }

  private setPlaceholder(block: AndroidBuildBlock, key: string, start: number, end: number, ifAbsent = false): void {
    const value = this.buildValue(this.cursor.skipNewlines(start), end);
    if (!value) return;
    const at = block.placeholders.findIndex((p) => p.key === key);
    if (at >= 0 && ifAbsent) return;
    if (at >= 0) block.placeholders.splice(at, 1);
    block.placeholders.push({ key, value });
  }

  /** `applicationId` inside a script means defaultConfig's (Groovy `"${applicationId}"`, Kotlin `"$applicationId"`). */
  private buildProperty(name: string): CodeValue | undefined {
    if (name !== 'applicationId') return undefined;
    const id = this.build.blocks.find((b) => b.kind === 'defaultConfig' && b.applicationId)?.applicationId;
    return id && !id.partial ? id : undefined;
  }

  private buildPropertyDeclaration(name: string): readonly Declaration[] | undefined {
    const id = this.buildProperty(name);
    return id ? [{ expr: stringLiteral(id.value, id.range) }] : undefined;
  }

  private notePlugin(text: string): void {
    if (text === 'com.android.application') this.build.plugin = 'application';
    else if (text === 'com.android.library' && !this.build.plugin) this.build.plugin = 'library';
  }

  /** `alias(libs.plugins.android.application)` in a plugins block (version catalogs). */
  private readAliasPlugins(): void {
    if (this.build.plugin) return;
    const { text } = this.parsed;
    if (/\bplugins\.android\.application\b/.test(text)) this.build.plugin = 'application';
    else if (/\bplugins\.android\.library\b/.test(text)) this.build.plugin = 'library';
  }

  /**
   * The scheme AppAuth's own RedirectUriReceiverActivity receives, from the `appAuthRedirectScheme`
   * placeholder (a literal `${applicationId}` in it is the app's id). A receiver: the request that
   * sends a redirect with it is in the app's code.
   */
  private appAuthReceiver(): AuthConfig | undefined {
    const config: AuthConfig = {
      kind: 'config',
      library: 'appauth-android',
      platform: 'android',
      redirectUris: [],
      receiver: true,
      range: { start: 0, end: 0 },
    };
    const seen = new Set<string>();
    for (const block of this.build.blocks) {
      const placeholder = block.placeholders.find((p) => p.key === APPAUTH_PLACEHOLDER);
      if (!placeholder || placeholder.value.partial) continue;
      const scheme = placeholder.value.value.replace(/\$\{applicationId\}/g, () => this.buildProperty('applicationId')?.value ?? '${applicationId}').trim();
      if (!scheme || isForeignSdkScheme(scheme) || seen.has(scheme)) continue;
      seen.add(scheme);
      if (!config.redirectUris.length) config.range = block.range;
      config.redirectUris.push(redirectUri(`${scheme}:/`, placeholder.value.range, 'android', 'scheme', { implied: true, raw: placeholder.value.value }));
    }
    return config.redirectUris.length ? config : undefined;
  }
}

function toBuildValue(value: CodeValue): AndroidBuildValue {
  return value.partial ? { value: value.value, range: value.range, partial: true } : { value: value.value, range: value.range };
}
