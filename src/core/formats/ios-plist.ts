import type { AuthConfig, IosPlistInfo } from '../model';
import { redirectUri } from './config-util';
import { isMsalScheme } from '../entra/apple';
import { parseXml, textOf, type XmlElement } from '../parsing/xml';
import { emptyParsed, defineFormat, XML_COMMENTS } from './types';
import { lowerBaseName } from '../io/paths';

// XML property lists (Info.plist, *-Info.plist): the URL schemes an iOS/macOS app registers
// (CFBundleURLTypes[].CFBundleURLSchemes[]). MSAL's default redirect is `<scheme>://auth` for the scheme
// msauth.<bundle id> (else msal<client id>), so those two shapes imply that redirect; any other scheme is a
// deep link until the app's code sends it (the code's reader reports it there). Whether an implied
// redirect is really sent, and through which user agent, is the app's code's to say (rules/shared/ios-app.ts).
// LSApplicationQueriesSchemes only lets the app query other apps (the broker) and is never a redirect.
// Binary plists are refused before parsing (text.ts).

export const iosPlistFormat = defineFormat({
  id: 'ios-plist',
  title: 'iOS/macOS property list',
  files: '`Info.plist`, `*-Info.plist` (XML)',
  reads: '`CFBundleURLSchemes` (implied redirect `<scheme>://auth`), `LSApplicationQueriesSchemes`, `CFBundleIdentifier`',
  globs: ['**/Info.plist', '**/*.plist'],
  markers: ['**/Info.plist'],
  comments: XML_COMMENTS,
  literal: 'xml',
  languageIds: ['plist', 'xml'],
  untitled: [
    { languageId: 'plist', name: 'Info.plist', hint: /<plist/ },
    { languageId: 'xml', name: 'Info.plist', hint: /<plist[\s>]/ },
  ],
  facts: { provides: ['ios-url-schemes'] },
  byName: (path) => {
    const name = lowerBaseName(path);
    if (name.endsWith('info.plist')) return 'yes';
    return name.endsWith('.plist') ? 'sniff' : 'no';
  },
  sniff: (text) => text.includes('CFBundleURLTypes'),
  parse(path, text) {
    const parsed = emptyParsed(path, 'ios-plist', text);
    const document = parseXml(text);
    parsed.problems.push(...document.problems);
    parsed.comments = document.comments;
    const top = topDict(document.root);
    if (!top) {
      if (document.root) parsed.problems.push({ message: 'expected a <plist> with a top-level <dict>', range: document.root.range });
      return parsed;
    }
    const info: IosPlistInfo = { urlSchemes: [], queriesSchemes: [] };
    parsed.ios = info;
    const entries = dictEntries(top, TOP_KEYS);
    const bundle = entries.get('CFBundleIdentifier');
    if (bundle?.name === 'string') info.bundleIdentifier = textOf(bundle);
    for (const type of arrayItems(entries.get('CFBundleURLTypes'))) {
      const schemes = dictEntries(type, URL_TYPE_KEYS).get('CFBundleURLSchemes');
      if (schemes?.name !== 'array') continue;
      const strings = schemes.children.filter((c) => c.name === 'string');
      for (const entry of strings) info.urlSchemes.push(textOf(entry)); // no spread: a hostile list can exceed the argument limit
      info.urlSchemesInsertAt = strings.length ? strings[strings.length - 1].range.end : schemes.startTagEnd;
    }
    info.queriesSchemes = arrayItems(entries.get('LSApplicationQueriesSchemes'))
      .filter((c) => c.name === 'string')
      .map(textOf);
    const config = configOf(info);
    if (config) parsed.configs.push(config);
    return parsed;
  },
});

function topDict(root: XmlElement | undefined): XmlElement | undefined {
  if (root?.name === 'dict') return root;
  return root?.name === 'plist' ? root.children.find((c) => c.name === 'dict') : undefined;
}

/** The keys read from the top-level dict and from each CFBundleURLTypes entry. */
const TOP_KEYS: ReadonlySet<string> = new Set(['CFBundleIdentifier', 'CFBundleURLTypes', 'LSApplicationQueriesSchemes']);
const URL_TYPE_KEYS: ReadonlySet<string> = new Set(['CFBundleURLSchemes']);

/**
 * A `<dict>`'s `<key>` → value element pairs for the `wanted` keys (the first occurrence of a key wins).
 * Only wanted keys are stored: a large plist has thousands of keys this format never reads.
 */
function dictEntries(dict: XmlElement | undefined, wanted: ReadonlySet<string>): Map<string, XmlElement> {
  const result = new Map<string, XmlElement>();
  if (dict?.name !== 'dict') return result;
  const children = dict.children;
  for (let i = 0; i + 1 < children.length; i++) {
    if (children[i].name !== 'key') continue;
    const key = children[i].text.trim();
    if (wanted.has(key) && !result.has(key)) result.set(key, children[i + 1]);
    i++;
  }
  return result;
}

function arrayItems(array: XmlElement | undefined): XmlElement[] {
  return array?.name === 'array' ? array.children : [];
}

/** One implied redirect `<scheme>://auth` per MSAL-shaped scheme (templates such as `$(PRODUCT_BUNDLE_IDENTIFIER)` kept). */
function configOf(info: IosPlistInfo): AuthConfig | undefined {
  const schemes = info.urlSchemes.filter((s) => isMsalScheme(s.value));
  if (!schemes.length) return undefined;
  return {
    kind: 'config',
    library: 'msal-ios',
    platform: 'ios',
    redirectUris: schemes.map((s) => redirectUri(`${s.value.trim()}://auth`, s.range, 'ios', 'scheme', { implied: true, raw: s.value })),
    range: schemes[0].range,
  };
}
