import { replaceInsideValue, replaceValue } from '../fixes/edits';
import { baseName } from '../io/paths';
import type { AndroidIntentData, ParsedFile, RedirectUri } from '../model';
import { encodeHash, intentAccepts, safeDecode, splitRedirect, type SplitRedirect } from './shared/android-app';
import type { Report, WorkspaceRule } from './types';
import { fullValueNote, quote } from './shared/message';

const BROWSER_TAB = /(^|\.)BrowserTabActivity$/;
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
  const edit = replaceInsideValue(file, uri, redirect.pathOffset + 1, hash.length, encoded);
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
    docs: {
      impact:
        'MSAL refuses to start an interactive sign-in ("the redirect URI is not registered in the manifest"), the browser cannot hand the result back to the app, or Entra rejects the redirect with AADSTS50011.',
      why: 'An Android redirect has the form msauth://<package>/<signature hash>. The config file (res/raw/*.json) must hold the hash URL-encoded, exactly as the portal generates it, while the BrowserTabActivity <data> element in AndroidManifest.xml must hold android:path="/" followed by the raw base64 hash. The scheme, host and path of the two must describe the same URI.',
      howToFix:
        'Copy the redirect URI the portal generated (Android platform) into redirect_uri. In AndroidManifest.xml declare com.microsoft.identity.client.BrowserTabActivity with an intent filter whose <data> has android:scheme="msauth", android:host set to the package name and android:path set to "/" plus the raw hash. The fixes re-encode or decode the hash on the wrong side; they are safe under --fix because the URI they describe does not change.',
      links: [
        { title: 'MSAL Android configuration file', url: 'https://learn.microsoft.com/entra/identity-platform/msal-configuration' },
        { title: 'Add a redirect URI (Android platform)', url: 'https://learn.microsoft.com/entra/identity-platform/how-to-add-redirect-uri' },
      ],
    },
  },
  check({ file, workspace, report }) {
    if (file.android) {
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
      return;
    }
    const manifests = workspace.sameModule(file.path, (f) => f.android !== undefined);
    for (const config of file.configs) {
      if (config.library !== 'msal-android' || config.template) continue;
      for (const uri of config.redirectUris) {
        if (uri.role !== 'redirect' || uri.partial) continue;
        const redirect = splitRedirect(uri.value.trim());
        if (!redirect || redirect.scheme === 'http' || redirect.scheme === 'https') continue;
        const encoding = checkConfigEncoding(file, uri, redirect);
        if (encoding) report(encoding);
        if (!manifests.length) continue; // no manifest of this module in view: nothing to compare with
        const declared = manifests.flatMap((m) => browserTabData(m).map((data) => ({ file: m, data })));
        if (!declared.length) {
          if (config.userAgent?.kind === 'embedded') continue; // a web view needs no intent filter
          report({
            range: uri.range,
            codes: [],
            message: `No BrowserTabActivity receives redirect_uri ${quote(uri.value)}; declare one in ${manifests.map((m) => baseName(m.path)).join(', ')}.`,
            detail: `Without it MSAL cannot start a browser sign-in. Declare com.microsoft.identity.client.BrowserTabActivity with ${expectedData(redirect)}.${fullValueNote(uri.value)}`,
            related: manifests.map((m) => ({ file: m.path, range: { start: 0, end: 0 }, message: 'The manifest of this module.' })),
          });
          continue;
        }
        if (declared.some(({ data }) => intentAccepts(data, redirect))) continue;
        report({
          range: uri.range,
          codes: [],
          message: `redirect_uri ${quote(uri.value)} does not match the module's BrowserTabActivity intent filter; align the two.`,
          detail: `MSAL rejects the configuration and the browser cannot return to the app. The manifest needs ${expectedData(redirect)}.${fullValueNote(uri.value)}`,
          related: declared.map(({ file: m, data }) => ({ file: m.path, range: data.range, message: 'BrowserTabActivity intent filter of this module.' })),
        });
      }
    }
  },
};
