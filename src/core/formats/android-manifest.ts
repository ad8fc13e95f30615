import type { AndroidIntentData, AuthConfig, Range, RedirectUri } from '../model';
import { isForeignSdkScheme, redirectUri } from './config-util';
import { withResourceMarker } from './android-values';
import { elements, parseXml, type XmlElement } from '../parsing/xml';
import { emptyParsed, defineFormat, XML_COMMENTS } from './types';
import { lowerBaseName } from '../io/paths';

// AndroidManifest.xml: the activities whose browsable intent filters receive the sign-in redirect
// (MSAL's BrowserTabActivity, MAUI's MsalActivity, a Flutter MainActivity ..., AppAuth's
// RedirectUriReceiverActivity). Each `<data>` element with a scheme is rebuilt as `scheme://host/path`.
// `<queries>` intents only declare visibility of other apps and are not read. Build placeholders
// (`${applicationId}`) stay as written; rules resolve them against the module's Gradle variants. A scheme
// from a string resource (`android:scheme="@string/redirect_scheme"`) is filled in by the workspace from the
// module's res/values files, where the redirect is then judged (engine/android-resources.ts).

const BROWSABLE = 'android.intent.category.BROWSABLE';
/** AppAuth-Android's redirect receiver; the library declares it with a `${appAuthRedirectScheme}` filter. */
const APPAUTH_RECEIVER = /^net\.openid\.appauth\.RedirectUriReceiverActivity$/;

export const androidManifestFormat = defineFormat({
  id: 'android-manifest',
  title: 'Android manifest',
  files: '`AndroidManifest.xml`',
  reads: 'BrowserTabActivity / MSAL and AppAuth `RedirectUriReceiverActivity` intent filters (`scheme`, `host`, `path`), package',
  globs: ['**/AndroidManifest.xml'],
  markers: ['**/AndroidManifest.xml'],
  comments: XML_COMMENTS,
  literal: 'xml',
  languageIds: ['xml'],
  untitled: [{ languageId: 'xml', name: 'AndroidManifest.xml', hint: /<manifest[\s>]/ }],
  facts: { provides: ['android-intent-filters'], reads: ['android-msal-settings', 'android-build-values', 'android-string-resources', 'dotnet-sign-in'] },
  byName: (path) => (lowerBaseName(path).endsWith('androidmanifest.xml') ? 'yes' : 'no'),
  parse(path, text) {
    const parsed = emptyParsed(path, 'android-manifest', text);
    const document = parseXml(text);
    parsed.problems.push(...document.problems);
    parsed.comments = document.comments;
    const manifest = document.root?.name === 'manifest' ? document.root : undefined;
    if (!manifest) {
      if (document.root) parsed.problems.push({ message: `expected a <manifest> root element, found <${document.root.name}>`, range: document.root.range });
      return parsed;
    }
    parsed.android = { packageName: manifest.attributes.get('package'), intentData: [] };
    const configRange = { start: manifest.range.start, end: manifest.startTagEnd };
    const msal = receiverConfig('msal-android', configRange);
    const appAuth = receiverConfig('appauth-android', configRange);
    for (const activity of elements(manifest)) {
      if (activity.name !== 'activity' && activity.name !== 'activity-alias') continue;
      const activityName = activity.attributes.get('android:name')?.value.trim() ?? '';
      const isAppAuth = APPAUTH_RECEIVER.test(activityName);
      if (isAppAuth) {
        const node = activity.attributes.get('tools:node')?.value.trim();
        parsed.android.appAuthReceiver = { replacesLibrary: node === 'replace' || node === 'remove', range: activity.range };
      }
      for (const filter of activity.children) {
        if (filter.name !== 'intent-filter' || !isBrowsable(filter)) continue;
        for (const data of readIntentData(filter, activityName)) {
          parsed.android.intentData.push(data);
          const redirect = isAppAuth ? appAuthRedirectOf(data) : isAuthReceiver(data, activityName) ? msalRedirectOf(data) : undefined;
          if (redirect) (isAppAuth ? appAuth : msal).redirectUris.push(redirect);
        }
      }
    }
    for (const config of [msal, appAuth]) if (config.redirectUris.length) parsed.configs.push(config);
    return parsed;
  },
});

/** The redirects one library receives through this manifest's intent filters. */
function receiverConfig(library: 'msal-android' | 'appauth-android', range: Range): AuthConfig {
  return { kind: 'config', library, platform: 'android', redirectUris: [], receiver: true, range };
}

function isBrowsable(filter: XmlElement): boolean {
  return filter.children.some((c) => c.name === 'category' && c.attributes.get('android:name')?.value.trim() === BROWSABLE);
}

/**
 * Android merges the `<data>` elements of one filter, so a host written on its own element applies to
 * the schemes of the others; each element that names a scheme becomes one entry.
 */
function readIntentData(filter: XmlElement, activity: string): AndroidIntentData[] {
  const dataElements = filter.children.filter((c) => c.name === 'data');
  const shared = dataElements.find((d) => !d.attributes.has('android:scheme') && d.attributes.has('android:host'));
  const result: AndroidIntentData[] = [];
  for (const data of dataElements) {
    const scheme = data.attributes.get('android:scheme');
    if (!scheme) continue;
    const hostSource = data.attributes.has('android:host') ? data : shared;
    const paths = hostSource ?? data;
    result.push({
      activity,
      scheme,
      host: hostSource?.attributes.get('android:host'),
      path: paths.attributes.get('android:path'),
      pathPrefix: paths.attributes.get('android:pathPrefix'),
      pathPattern: paths.attributes.get('android:pathPattern'),
      range: data.range,
    });
  }
  return result;
}

/**
 * The path part of the redirect a filter receives: its `android:path`. A filter that only takes a prefix or a
 * pattern of paths (`pathPattern=".*"`, for any signature hash) receives no one redirect: its path is written
 * as a template piece, `/{.*}` or `/abc{…}`, so the value is partial and no rule reads the pattern as a URI
 * (a `*` there is no wildcard redirect).
 */
function pathOf(data: AndroidIntentData): string {
  const written = data.path?.value.trim();
  const prefix = data.pathPrefix?.value.trim();
  const pattern = data.pathPattern?.value.trim();
  const unslashed = (value: string) => value.replace(/^\//, '');
  const path = written ?? (prefix !== undefined ? `${unslashed(prefix)}{…}` : pattern !== undefined ? `{${unslashed(pattern).replace(/[{}]/g, '')}}` : '');
  return path && !path.startsWith('/') ? `/${path}` : path;
}

/** Activities and schemes that receive an MSAL redirect; other browsable filters are app deep links. */
function isAuthReceiver(data: AndroidIntentData, activity: string): boolean {
  if (/BrowserTabActivity|MsalActivity|identity\.client|msal/i.test(activity)) return true;
  const scheme = data.scheme?.value.trim().toLowerCase() ?? '';
  return scheme.startsWith('msal') || scheme.startsWith('msauth') || data.host?.value.trim().toLowerCase() === 'auth';
}

/** A scheme that is only a build placeholder (`${appAuthRedirectScheme}`): the build file that fills it in says the value. */
function isPlaceholderScheme(scheme: string): boolean {
  return /^\$\{[^}]*\}$/.test(scheme);
}

function msalRedirectOf(data: AndroidIntentData): RedirectUri | undefined {
  if (!data.scheme || isPlaceholderScheme(data.scheme.value.trim())) return undefined;
  const scheme = withResourceMarker(data.scheme.value.trim());
  const host = data.host?.value.trim() ?? '';
  return redirectUri(`${scheme}://${host}${pathOf(data)}`, data.scheme.range, 'android', 'redirect', { implied: true, raw: data.scheme.value });
}

/**
 * AppAuth's receiver accepts any redirect of its filters: with a host, `scheme://host/path`; with a scheme
 * alone (the reverse-domain style `com.example.app:/oauth2redirect`), only the scheme is known.
 */
function appAuthRedirectOf(data: AndroidIntentData): RedirectUri | undefined {
  const scheme = withResourceMarker(data.scheme?.value.trim() ?? '');
  if (!data.scheme || !scheme || isPlaceholderScheme(scheme) || isForeignSdkScheme(scheme)) return undefined;
  const host = data.host?.value.trim();
  const extras = { implied: true, raw: data.scheme.value };
  if (host) return redirectUri(`${scheme}://${host}${pathOf(data)}`, data.scheme.range, 'android', 'redirect', extras);
  return redirectUri(`${scheme}:/`, data.scheme.range, 'android', 'scheme', extras);
}
