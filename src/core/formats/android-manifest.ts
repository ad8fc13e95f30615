import type { AndroidIntentData, AuthConfig, Located, RedirectUri } from '../model';
import { redirectUri } from './config-util';
import { elements, parseXml, type XmlElement } from '../parsing/xml';
import { emptyParsed, defineFormat, XML_COMMENTS } from './types';
import { lowerBaseName } from '../io/paths';

// AndroidManifest.xml: the activities whose browsable intent filters receive the sign-in redirect
// (MSAL's BrowserTabActivity, MAUI's MsalActivity, a Flutter MainActivity ...). Each `<data>` element
// with a scheme is rebuilt as `scheme://host/path`. `<queries>` intents only declare visibility of
// other apps and are not read.

const BROWSABLE = 'android.intent.category.BROWSABLE';

export const androidManifestFormat = defineFormat({
  id: 'android-manifest',
  title: 'Android manifest',
  files: '`AndroidManifest.xml`',
  reads: 'BrowserTabActivity / MSAL intent filters (`scheme`, `host`, `path`), package',
  globs: ['**/AndroidManifest.xml'],
  markers: ['**/AndroidManifest.xml'],
  comments: XML_COMMENTS,
  literal: 'xml',
  languageIds: ['xml'],
  untitled: [{ languageId: 'xml', name: 'AndroidManifest.xml', hint: /<manifest[\s>]/ }],
  facts: { provides: ['android-intent-filters'], reads: ['android-msal-settings'] },
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
    const config: AuthConfig = {
      kind: 'config',
      library: 'msal-android',
      platform: 'android',
      redirectUris: [],
      range: { start: manifest.range.start, end: manifest.startTagEnd },
    };
    for (const activity of elements(manifest)) {
      if (activity.name !== 'activity' && activity.name !== 'activity-alias') continue;
      const activityName = activity.attributes.get('android:name')?.value ?? '';
      for (const filter of activity.children) {
        if (filter.name !== 'intent-filter' || !isBrowsable(filter)) continue;
        for (const data of readIntentData(filter, activityName)) {
          parsed.android.intentData.push(data);
          const redirect = redirectOf(data, activityName);
          if (redirect) config.redirectUris.push(redirect);
        }
      }
    }
    if (config.redirectUris.length) parsed.configs.push(config);
    return parsed;
  },
});

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
    result.push({
      activity,
      scheme,
      host: hostSource?.attributes.get('android:host'),
      path: pathOf(hostSource ?? data),
      range: data.range,
    });
  }
  return result;
}

function pathOf(data: XmlElement): Located<string> | undefined {
  return data.attributes.get('android:path') ?? data.attributes.get('android:pathPrefix') ?? data.attributes.get('android:pathPattern');
}

/** Activities and schemes that receive an MSAL redirect; other browsable filters are app deep links. */
function isAuthReceiver(data: AndroidIntentData, activity: string): boolean {
  if (/BrowserTabActivity|MsalActivity|identity\.client|msal/i.test(activity)) return true;
  const scheme = data.scheme?.value.trim().toLowerCase() ?? '';
  return scheme.startsWith('msal') || scheme.startsWith('msauth') || data.host?.value.trim().toLowerCase() === 'auth';
}

function redirectOf(data: AndroidIntentData, activity: string): RedirectUri | undefined {
  if (!data.scheme || !isAuthReceiver(data, activity)) return undefined;
  const scheme = data.scheme.value.trim();
  const host = data.host?.value.trim() ?? '';
  let path = data.path?.value.trim() ?? '';
  if (path && !path.startsWith('/')) path = `/${path}`;
  return redirectUri(`${scheme}://${host}${path}`, data.scheme.range, 'android', 'redirect', { implied: true, raw: data.scheme.value });
}
