import { findNodeAtOffset, getNodePath, modify, parseTree, applyEdits, type FormattingOptions, type JSONPath, type Node } from 'jsonc-parser';
import { baseName } from '../io/paths';
import type { AppRegistration, Fix, ParsedFile, Platform, RedirectUri, TextEdit } from '../model';

// Fixes that change an app registration manifest (Microsoft Graph or legacy Azure AD Graph format). The
// new text is produced by jsonc-parser's `modify` with the file's own indentation and line ends, then
// turned into minimal text edits (common prefix and suffix removed; a move is a removal plus an insertion),
// so the rest of the file is untouched. They change what Entra allows, so they are never applied unattended.

export type ListPlatform = 'web' | 'spa' | 'publicClient';

const AAD_TYPE: Record<ListPlatform, string> = { web: 'Web', spa: 'Spa', publicClient: 'InstalledClient' };
const PLATFORM_LABEL: Record<ListPlatform, string> = { web: 'Web', spa: 'Single-page application', publicClient: 'Mobile and desktop applications' };

export function platformLabel(platform: ListPlatform): string {
  return PLATFORM_LABEL[platform];
}

/** The registration list a config of this platform needs its redirect URIs in. */
export function listPlatformFor(platform: Platform): ListPlatform | undefined {
  if (platform === 'spa' || platform === 'web') return platform;
  if (platform === 'publicClient' || platform === 'ios' || platform === 'android') return 'publicClient';
  return undefined;
}

/** Adds `uri` to the registration's list for `platform` (creating the list when missing). */
export function addRedirectFix(file: ParsedFile, registration: AppRegistration, uri: string, platform: ListPlatform): Fix | undefined {
  return guarded(file, () => buildAddRedirectFix(file, registration, uri, platform));
}

/** Moves a registered redirect URI from its current list to `to` (legacy format: changes its `type`). */
export function moveRedirectFix(file: ParsedFile, registration: AppRegistration, entry: RedirectUri, to: ListPlatform): Fix | undefined {
  return guarded(file, () => buildMoveRedirectFix(file, registration, entry, to));
}

/** jsonc-parser's `modify` throws when a path meets a value of another shape (`"spa": null`): no fix then. */
function guarded(file: ParsedFile, build: () => Fix | undefined): Fix | undefined {
  // A manifest with syntax errors gets no edit: modify() would guess its structure, and re-formatting deeply
  // nested broken input is quadratic (seconds for a 1 KB file found by the fix fuzzer).
  if (file.problems.length) return undefined;
  try {
    return build();
  } catch {
    return undefined;
  }
}

function buildAddRedirectFix(file: ParsedFile, registration: AppRegistration, uri: string, platform: ListPlatform): Fix | undefined {
  const located = locateApp(file, registration);
  if (!located) return undefined;
  const { text, appPath, options } = located;
  const edits =
    registration.manifestSchema === 'graph'
      ? modify(text, [...appPath, platform, 'redirectUris', -1], uri, { formattingOptions: options, isArrayInsertion: true })
      : modify(text, [...appPath, 'replyUrlsWithType', -1], { url: uri, type: AAD_TYPE[platform] }, { formattingOptions: options, isArrayInsertion: true });
  const edit = minimalEdit(file.path, text, applyEdits(text, edits));
  if (!edit) return undefined;
  return { title: `Register '${uri}' under ${PLATFORM_LABEL[platform]} in ${baseName(file.path)}`, unattended: false, edits: [edit] };
}

function buildMoveRedirectFix(file: ParsedFile, registration: AppRegistration, entry: RedirectUri, to: ListPlatform): Fix | undefined {
  const located = locateApp(file, registration);
  if (!located) return undefined;
  const { text, root, appPath, options } = located;
  const entryNode = findNodeAtOffset(root, entry.range.start);
  if (!entryNode || entryNode.type !== 'string') return undefined;
  const entryPath = getNodePath(entryNode);
  const title = `Move '${entry.value}' to ${PLATFORM_LABEL[to]} in ${baseName(file.path)}`;
  if (registration.manifestSchema === 'aad-graph') {
    // replyUrlsWithType[i].url → set replyUrlsWithType[i].type; a plain replyUrls entry carries no type.
    if (entryPath[entryPath.length - 1] !== 'url') return undefined;
    const next = applyEdits(text, modify(text, [...entryPath.slice(0, -1), 'type'], AAD_TYPE[to], { formattingOptions: options }));
    const edit = minimalEdit(file.path, text, next);
    return edit ? { title, unattended: false, edits: [edit] } : undefined;
  }
  const removal = minimalEdit(file.path, text, applyEdits(text, modify(text, entryPath, undefined, { formattingOptions: options })));
  const insertion = minimalEdit(
    file.path,
    text,
    applyEdits(text, modify(text, [...appPath, to, 'redirectUris', -1], entry.value, { formattingOptions: options, isArrayInsertion: true })),
  );
  if (!removal || !insertion) return undefined;
  const apart = removal.range.end < insertion.range.start || insertion.range.end < removal.range.start;
  if (apart) return { title, unattended: false, edits: [removal, insertion] };
  // Edits that touch (the target list is created right after the source list): one combined edit.
  const removed = applyEdits(text, modify(text, entryPath, undefined, { formattingOptions: options }));
  const combined = minimalEdit(
    file.path,
    text,
    applyEdits(removed, modify(removed, [...appPath, to, 'redirectUris', -1], entry.value, { formattingOptions: options, isArrayInsertion: true })),
  );
  return combined ? { title, unattended: false, edits: [combined] } : undefined;
}

/**
 * Removes a registered redirect URI from a portal manifest: the string from its list, or (legacy format)
 * the `{ "url": …, "type": … }` object holding it.
 */
export function removeRedirectEdit(file: ParsedFile, registration: AppRegistration, entry: RedirectUri): TextEdit | undefined {
  try {
    const located = locateApp(file, registration);
    if (!located) return undefined;
    const node = findNodeAtOffset(located.root, entry.range.start);
    if (!node || node.type !== 'string') return undefined;
    let entryPath = getNodePath(node);
    if (entryPath[entryPath.length - 1] === 'url') entryPath = entryPath.slice(0, -1);
    const next = applyEdits(located.text, modify(located.text, entryPath, undefined, { formattingOptions: located.options }));
    return minimalEdit(file.path, located.text, next);
  } catch {
    return undefined;
  }
}

/** Sets a boolean the registration file holds literally (`true`/`false`) to `value`. */
export function setBooleanEdit(file: ParsedFile, range: { start: number; end: number }, value: boolean): TextEdit | undefined {
  const current = file.text.slice(range.start, range.end);
  if (current !== 'true' && current !== 'false') return undefined;
  return { file: file.path, range, newText: String(value) };
}

function locateApp(file: ParsedFile, registration: AppRegistration): { text: string; root: Node; appPath: JSONPath; options: FormattingOptions } | undefined {
  if (!registration.manifestSchema) return undefined; // only a whole portal manifest is edited
  const text = file.text;
  let root: Node | undefined;
  try {
    root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  } catch {
    return undefined;
  }
  if (!root) return undefined;
  const app = findNodeAtOffset(root, registration.range.start, true);
  if (!app || app.type !== 'object' || app.offset !== registration.range.start) return undefined;
  return { text, root, appPath: getNodePath(app), options: formattingOf(text) };
}

/** The file's indentation and line end, so inserted text looks like the rest. */
export function formattingOf(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : text.includes('\r') ? '\r' : '\n';
  const indents = text
    .split(/\r\n|\r|\n/)
    .map((line) => /^[ \t]*/.exec(line)![0])
    .filter((indent) => indent.length > 0);
  const insertSpaces = !(indents[0]?.startsWith('\t') ?? false);
  // The smallest space indent (at most 8), found by a loop: a spread over every line of a big manifest
  // would pass more arguments than a call can take.
  let smallest = 8;
  for (const indent of indents) if (!indent.includes('\t')) smallest = Math.min(smallest, indent.length);
  const tabSize = insertSpaces ? Math.max(1, smallest) : 4;
  return { insertSpaces, tabSize: indents.length ? tabSize : 2, eol };
}

/** One edit turning `before` into `after`: the span between their common prefix and suffix. */
export function minimalEdit(file: string, before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { file, range: { start: prefix, end: before.length - suffix }, newText: after.slice(prefix, after.length - suffix) };
}
