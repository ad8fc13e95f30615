import { replaceInsideValue, replaceValue } from '../fixes/edits';
import { baseName } from '../io/paths';
import type { WorkspaceIndex } from '../engine/workspace';
import type { AndroidIntentData, AuthConfig, ParsedFile, RedirectUri } from '../model';
import {
  configUsedBy,
  encodeHash,
  intentAccepts,
  moduleBuild,
  moduleFiles,
  resolveIntentData,
  safeDecode,
  sourceSetOf,
  splitRedirect,
  variantsOfModule,
  variantsUsing,
  type AndroidVariant,
  type IntentValues,
  type SplitRedirect,
} from './shared/android-app';
import { entraConfigs, type Report, type WorkspaceRule } from './types';
import { fullValueNote, quote } from './shared/message';

/** MSAL's receiver: BrowserTabActivity, or CurrentTaskBrowserTabActivity with authorization_in_current_task. */
const BROWSER_TAB = /(^|\.)(CurrentTask)?BrowserTabActivity$/;
const ENCODED = /%[0-9a-f]{2}/i;
const RAW_HASH_CHARS = /[+/=]/;

function expectedData(redirect: SplitRedirect): string {
  const path = redirect.path && redirect.path !== '/' ? ` android:path="${safeDecode(redirect.path)}"` : '';
  return `<data android:scheme="${redirect.scheme}" android:host="${redirect.host}"${path} />`;
}

function browserTabData(file: ParsedFile): AndroidIntentData[] {
  return (file.android?.intentData ?? []).filter((d) => BROWSER_TAB.test(d.activity));
}

/** redirect_uri must carry the hash URL-encoded, as the portal registers it. */
function checkConfigEncoding(file: ParsedFile, uri: RedirectUri, redirect: SplitRedirect): Report | undefined {
  if (redirect.scheme !== 'msauth' || redirect.path.length < 2) return undefined;
  const hash = redirect.path.slice(1);
  if (!RAW_HASH_CHARS.test(hash)) return undefined;
  const encoded = encodeHash(hash);
  // `redirect` was split from the trimmed value: its offsets start after any leading spaces of the value.
  const leading = uri.value.length - uri.value.trimStart().length;
  const edit = replaceInsideValue(file, uri, leading + redirect.pathOffset + 1, hash.length, encoded);
  return {
    range: uri.range,
    codes: ['AADSTS50011'],
    message: `The signature hash in redirect_uri ${quote(uri.value)} is not URL-encoded (AADSTS50011); encode it.`,
    detail: `The portal registers the hash encoded (+ → %2B, / → %2F, = → %3D), so sign-in fails with AADSTS50011. Use '${uri.value.slice(0, redirect.pathOffset + 1)}${encoded}'.${fullValueNote(uri.value)}`,
    fixes: edit ? [{ title: 'URL-encode the signature hash', unattended: true, edits: [edit] }] : [],
  };
}

export const androidRedirectMismatch: WorkspaceRule = {
  meta: {
    id: 'android-redirect-mismatch',
    codes: ['AADSTS50011'],
    defaultSeverity: 'error',
    description:
      "An MSAL Android redirect_uri that does not match the module's BrowserTabActivity intent filter, or carries the signature hash in the wrong encoding.",
    fixable: true,
    scope: 'workspace',
    providers: 'entra',
    docs: {
      impact:
        'MSAL refuses to start an interactive sign-in ("the redirect URI is not registered in the manifest"), the browser cannot hand the result back to the app, or Entra rejects the redirect with AADSTS50011.',
      why: 'An Android redirect has the form msauth://<package>/<signature hash>. The config file (res/raw/*.json) must hold the hash URL-encoded, exactly as the portal generates it, while the BrowserTabActivity <data> element in AndroidManifest.xml must hold android:path="/" followed by the raw base64 hash. The scheme, host and path of the two must describe the same URI in every build variant: a manifest value such as android:host="${applicationId}" is filled in by Gradle with the variant\'s application id (applicationIdSuffix of the build type and flavours included) and manifestPlaceholders, and MSAL checks the filter when it starts (authorization_user_agent DEFAULT or BROWSER; a WEBVIEW config needs none).',
      howToFix:
        'Copy the redirect URI the portal generated (Android platform) into redirect_uri; for a build variant with its own application id (a debug suffix), register that package too and put its config in src/<variant>/res/raw/. In AndroidManifest.xml declare com.microsoft.identity.client.BrowserTabActivity with an intent filter whose <data> has android:scheme="msauth", android:host set to the package name and android:path set to "/" plus the raw hash. The fixes re-encode or decode the hash on the wrong side; they are safe under --fix because the URI they describe does not change.',
      links: [
        { title: 'MSAL Android configuration file', url: 'https://learn.microsoft.com/entra/identity-platform/msal-configuration' },
        { title: 'Add a redirect URI (Android platform)', url: 'https://learn.microsoft.com/entra/identity-platform/how-to-add-redirect-uri' },
      ],
    },
  },
  check({ file, workspace, report }) {
    if (file.android) {
      checkManifestPaths(file, report);
      return;
    }
    // A library module's filters come from the app that includes it, and JVM unit tests (src/test) start no
    // sign-in: neither has a manifest in view to compare with.
    const library = moduleBuild(file.path, workspace)?.build.plugin === 'library';
    const unitTest = /^test([A-Z]|$)/.test(sourceSetOf(file.path));
    const manifests = library || unitTest ? [] : moduleFiles(file.path, workspace, (f) => f.android !== undefined);
    for (const config of entraConfigs(file)) {
      if (config.library !== 'msal-android' || config.template || config.receiver) continue;
      for (const uri of config.redirectUris) {
        if (uri.role !== 'redirect' || uri.partial) continue;
        const redirect = splitRedirect(uri.value.trim());
        if (!redirect || redirect.scheme === 'http' || redirect.scheme === 'https') continue;
        const encoding = checkConfigEncoding(file, uri, redirect);
        if (encoding) report(encoding);
        if (!manifests.length) continue; // no manifest of this module in view: nothing to compare with
        // MSAL checks the intent filter only when it signs in through the browser (DEFAULT, BROWSER):
        // a web view and the broker hand the result back without one.
        if (signsInWithWebView(config)) continue;
        const mismatch = compareWithManifests(file, uri, redirect, manifests, workspace);
        if (mismatch) report(mismatch);
      }
    }
  },
};

function checkManifestPaths(file: ParsedFile, report: (r: Report) => void): void {
  for (const data of browserTabData(file)) {
    const path = data.path;
    if (data.scheme?.value.toLowerCase() !== 'msauth' || !path || !ENCODED.test(path.value)) continue;
    const decoded = safeDecode(path.value);
    const edit = replaceValue(file, path, decoded);
    report({
      range: path.range,
      codes: [],
      message: `android:path ${quote(path.value)} holds the URL-encoded hash; the intent filter needs the raw hash.`,
      detail: `The intent filter needs '/' plus the raw base64 hash ('${decoded}'), or the browser cannot return to the app after sign-in.${fullValueNote(path.value)}`,
      fixes: edit ? [{ title: 'Decode the signature hash in android:path', unattended: true, edits: [edit] }] : [],
    });
  }
}

function signsInWithWebView(config: AuthConfig): boolean {
  const agent = config.userAgent;
  return agent?.kind === 'embedded' || (agent?.kind === 'broker' && agent.fallback === 'embedded');
}

/** How one build variant's merged manifest receives a redirect. */
type Outcome = { variant: AndroidVariant; result: 'accepts' | 'unknown' } | { variant: AndroidVariant; result: 'rejects' | 'no-filter'; declared: Declared[] };
type Declared = { file: ParsedFile; data: AndroidIntentData; values?: IntentValues };

/**
 * Compares the redirect with the BrowserTabActivity filters of each build variant that uses this config,
 * placeholders (`${applicationId}` with the variant's suffixes) filled in from the module's Gradle file.
 * A variant whose filters cannot be resolved statically is not judged.
 */
function compareWithManifests(
  file: ParsedFile,
  uri: RedirectUri,
  redirect: SplitRedirect,
  manifests: ParsedFile[],
  workspace: WorkspaceIndex,
): Report | undefined {
  const set = sourceSetOf(file.path);
  const variants = variantsUsing(set, variantsOfModule(file.path, workspace)).filter(
    (v) => configUsedBy(file.path, v, workspace) || !v.sourceSets.includes(set),
  );
  const outcomes: Outcome[] = variants.map((variant) => {
    // A test source set (androidTest) builds its own app from its files and main's.
    const sets = variant.sourceSets.includes(set) ? variant.sourceSets : [...variant.sourceSets, set];
    const merged = manifests.filter((m) => sets.includes(sourceSetOf(m.path)));
    const declared: Declared[] = merged.flatMap((m) => browserTabData(m).map((data) => ({ file: m, data, values: resolveIntentData(data, variant) })));
    if (!declared.length) return merged.length ? { variant, result: 'no-filter', declared } : { variant, result: 'unknown' };
    if (declared.some((d) => d.values && intentAccepts(d.values, redirect))) return { variant, result: 'accepts' };
    if (declared.some((d) => !d.values)) return { variant, result: 'unknown' };
    return { variant, result: 'rejects', declared };
  });
  const failing = outcomes.filter((o): o is Extract<Outcome, { declared: Declared[] }> => o.result === 'rejects' || o.result === 'no-filter');
  if (!failing.length) return undefined;
  const scope = variantScope(
    failing.map((o) => o.variant),
    outcomes.length,
  );
  const missing = failing.find((o) => o.result === 'no-filter');
  if (missing) {
    const names = [...new Set(manifests.filter((m) => missing.variant.sourceSets.includes(sourceSetOf(m.path))).map((m) => baseName(m.path)))];
    return {
      range: uri.range,
      codes: [],
      message: `No BrowserTabActivity receives redirect_uri ${quote(uri.value)}${scope.short}; declare one in ${names.join(', ')}.`,
      detail: `${scope.long}Without it MSAL cannot start a browser sign-in. Declare com.microsoft.identity.client.BrowserTabActivity with ${expectedData(redirect)}.${fullValueNote(uri.value)}`,
      related: manifests.map((m) => ({ file: m.path, range: { start: 0, end: 0 }, message: 'The manifest of this module.' })),
    };
  }
  const declared = failing.flatMap((o) => o.declared);
  const seen = new Set<string>();
  const related = declared
    .filter((d) => !seen.has(`${d.file.path}:${d.data.range.start}`) && seen.add(`${d.file.path}:${d.data.range.start}`))
    .map((d) => ({ file: d.file.path, range: d.data.range, message: `BrowserTabActivity intent filter of this module${describeResolved(d)}.` }));
  return {
    range: uri.range,
    codes: [],
    message: `redirect_uri ${quote(uri.value)} does not match the module's BrowserTabActivity intent filter${scope.short}; align the two.`,
    detail: `${scope.long}MSAL rejects the configuration and the browser cannot return to the app. The manifest needs ${expectedData(redirect)}.${fullValueNote(uri.value)}`,
    related,
  };
}

/**
 * Which variants fail, when only some do: a short note for the first sentence (" in debug") and a sentence
 * for the detail naming each with its application id. Empty when every variant fails.
 */
function variantScope(failing: AndroidVariant[], judged: number): { short: string; long: string } {
  if (failing.length === judged || failing.every((v) => v.name === 'main')) return { short: '', long: '' };
  const names = failing.map((v) => v.name);
  const short = ` in ${names.slice(0, 2).join(', ')}${names.length > 2 ? ' …' : ''}`;
  const shown = failing.slice(0, 3).map((v) => (v.applicationId ? `${v.name} (application id ${v.applicationId})` : v.name));
  const more = failing.length > 3 ? ` and ${failing.length - 3} more` : '';
  return { short, long: `It fails in the build variant${failing.length > 1 ? 's' : ''} ${shown.join(', ')}${more}; the others match. ` };
}

/** ", which reads msauth://com.contoso.app.debug/… in this variant" when placeholders were filled in. */
function describeResolved(declared: Declared): string {
  const { data, values } = declared;
  if (!values || (values.host === data.host?.value && values.scheme === data.scheme?.value && values.path === data.path?.value)) return '';
  return ` (${values.scheme}://${values.host ?? ''}${values.path ?? ''} in this variant)`;
}
