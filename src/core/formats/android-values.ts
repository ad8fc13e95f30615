import type { AndroidStringResource, Range } from '../model';
import { parseXml, type XmlElement } from '../parsing/xml';
import { slashPath } from '../io/paths';
import { defineFormat, emptyParsed, XML_COMMENTS } from './types';

// Android value resources (`res/values/strings.xml`, `res/values-fr/…`, any `res/values*/*.xml`): the
// `<string name="…">` entries code reads as `R.string.x` / `getString(R.string.x)` and manifests as
// `@string/x`. The reader only lists them; which ones an app sends as a redirect, and to which provider,
// is the workspace's to say (engine/android-resources.ts fills this file's configs from the code that uses
// them). Text that cannot be a URI or an id (words with spaces: labels, messages) is not kept.

/** Strings kept per file: a translated strings.xml holds thousands of UI texts, none of them a redirect. */
const MAX_STRINGS = 2000;
/** A string named for sign-in (`msal_scheme`, `redirect_scheme`, `auth_host`): values files without a URI are read only with one. */
const SIGN_IN_NAME = /<string\s[^>]*name="[^"]*(scheme|redirect|auth|msal|oauth|callback)[^"]*"/i;
const VALUES_FOLDER = /\/res\/(values(?:-[^/]*)?)\/[^/]+\.xml$/i;

export const androidValuesFormat = defineFormat({
  id: 'android-values',
  title: 'Android string resources',
  files: '`res/values*/*.xml`',
  reads: '`<string name>` values that code (`R.string.x`, `getString(R.string.x)`) and manifests (`@string/x`) use as redirect URIs and issuers',
  globs: ['**/res/values*/*.xml'],
  comments: XML_COMMENTS,
  literal: 'xml',
  languageIds: ['xml'],
  facts: { provides: ['android-string-resources'], reads: ['android-config-uses', 'android-intent-filters'] },
  byName: (path) => (VALUES_FOLDER.test(slashPath(path)) ? 'sniff' : 'no'),
  // A redirect or an issuer is a URI (`scheme://`, `scheme:/`); a manifest's scheme alone is a string named for it.
  sniff: (text) => text.includes('<resources') && text.includes('<string') && (text.includes(':/') || SIGN_IN_NAME.test(text)),
  parse(path, text) {
    const parsed = emptyParsed(path, 'android-values', text);
    const document = parseXml(text);
    parsed.problems.push(...document.problems);
    parsed.comments = document.comments;
    const root = document.root;
    if (root?.name !== 'resources') {
      if (root) parsed.problems.push({ message: `expected a <resources> root element, found <${root.name}>`, range: root.range });
      return parsed;
    }
    const folder = VALUES_FOLDER.exec(slashPath(path))?.[1] ?? 'values';
    const strings: AndroidStringResource[] = [];
    for (const element of root.children) {
      if (strings.length >= MAX_STRINGS) break;
      const resource = element.name === 'string' ? stringResource(element, text) : undefined;
      if (resource) strings.push(resource);
    }
    parsed.androidValues = { qualifier: folder.slice('values'.length).replace(/^-/, ''), strings };
    return parsed;
  },
});

/** A `<string name="x">value</string>` whose value has no spaces (a URI, an id, a host); markup inside is not read. */
function stringResource(element: XmlElement, text: string): AndroidStringResource | undefined {
  const name = element.attributes.get('name')?.value.trim();
  if (!name || element.children.length) return undefined;
  const value = decodeResource(element.text);
  if (!value || /\s/.test(value)) return undefined;
  return { name, value: { value, range: valueRange(text, element.contentRange, value) } };
}

/**
 * The string as Android reads it: surrounding whitespace dropped, `"…"` quotes removed, and the escapes
 * `\'`, `\"`, `\\`, `\@`, `\?`, `\n`, `\t`, `\uXXXX` decoded (XML entities are decoded by the parser).
 */
export function decodeResource(raw: string): string {
  let value = raw.trim();
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
  return value.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, escape: string) => {
    if (escape.length === 5) return String.fromCharCode(parseInt(escape.slice(1), 16));
    return escape === 'n' ? '\n' : escape === 't' ? '\t' : escape;
  });
}

/** The range of the value's text: exactly the value when the file holds it verbatim, else the element's content. */
function valueRange(text: string, content: Range, value: string): Range {
  const raw = text.slice(content.start, content.end);
  const at = raw.indexOf(value);
  if (at >= 0 && raw.trim() === value) return { start: content.start + at, end: content.start + at + value.length };
  return content;
}

/**
 * How a reference to a string resource shows inside a value (`${@string/redirect_uri}://auth`): the
 * workspace link fills it in from the module's `res/values*` files (engine/android-resources.ts).
 */
export function resourceMarker(name: string): string {
  return `\${@string/${name}}`;
}

/** The resource names a value refers to through `resourceMarker`. */
export function resourceNames(value: string): string[] {
  return [...value.matchAll(RESOURCE_MARKER)].map((m) => m[1]);
}

export const RESOURCE_MARKER = /\$\{@string\/([A-Za-z0-9_.]+)\}/g;

/** A manifest attribute that names a string resource (`@string/redirect_scheme`): its marker, else the value itself. */
export function withResourceMarker(value: string): string {
  const name = /^@string\/([A-Za-z0-9_.]+)$/.exec(value.trim())?.[1];
  return name ? resourceMarker(name) : value;
}
