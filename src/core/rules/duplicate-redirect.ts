import { removeJsonArrayElement, sameJsonArray } from '../fixes/edits';
import type { RedirectUri } from '../model';
import type { FileRule } from './types';
import { fullValueNote, quote } from './shared/message';

/** The form two URIs share when they differ only by case or by the slash Entra adds to a path-less URI. */
function looseKey(value: string): string {
  return value.trim().toLowerCase().replace(/\/$/, '');
}

/** Exact copies examined per registration (each reported with a fix); a real list has a handful at most. */
const MAX_TWINS_CHECKED = 100;

export const duplicateRedirect: FileRule = {
  meta: {
    id: 'duplicate-redirect',
    codes: ['AADSTS50011'],
    defaultSeverity: 'warning',
    description: 'The same redirect URI twice on one platform, or two that differ only by case or a trailing slash.',
    fixable: true,
    scope: 'file',
    providers: 'entra',
    docs: {
      impact:
        'An exact duplicate is noise that Microsoft Graph may refuse to save. Two URIs that differ only by case or a trailing slash usually mean one of them is a typo: Entra matches redirect URIs exactly, so an app that sends the wrong one fails with AADSTS50011.',
      why: 'Redirect URIs are case-sensitive (browsers scope cookies by path) and a URI with a path keeps or lacks its trailing slash as written. Lists edited by hand or merged from several environments collect such near-copies.',
      howToFix:
        'Remove exact duplicates (the fix does this, also under --fix, since nothing registered changes). For near-copies, keep the one that matches what the app really sends, character for character, and delete the other.',
      links: [{ title: 'Redirect URI restrictions and limitations', url: 'https://learn.microsoft.com/entra/identity-platform/reply-url' }],
    },
  },
  check({ file, report }) {
    // Only registrations hold lists; a config's branches (#if, Platform.select) each send one URI.
    for (const registration of file.registrations) {
      const uris = registration.redirectUris.filter((u) => u.role === 'redirect' && !u.partial);
      const exact = new Map<string, RedirectUri>();
      const loose = new Map<string, RedirectUri>();
      let twinsChecked = 0;
      for (const uri of uris) {
        const exactKey = `${uri.platform}\u0000${uri.value}`;
        const looseKeyOf = `${uri.platform}\u0000${looseKey(uri.value)}`;
        const twin = exact.get(exactKey);
        // Locating a twin in the JSON tree costs time linear in the list: thousands of copies (hostile or
        // generated files) would make this quadratic, so checking stops after the first copies.
        if (twin && ++twinsChecked > MAX_TWINS_CHECKED) break;
        // The legacy replyUrls list mirrors replyUrlsWithType: the same URI in two lists is not a duplicate.
        if (twin && sameJsonArray(file, twin.range, uri.range) !== false) {
          const edits = removeJsonArrayElement(file, uri.range, twin.range);
          report({
            range: uri.range,
            message: `Redirect URI ${quote(uri.value)} is listed twice for the ${uri.platform} platform; remove this copy.`,
            related: [{ file: file.path, range: twin.range, message: 'First listed here.' }],
            fixes: edits.length ? [{ title: 'Remove the duplicate redirect URI', unattended: true, edits }] : [],
          });
          continue;
        }
        if (twin) continue;
        const near = loose.get(looseKeyOf);
        if (near) {
          const lower = (v: string) => v.toLowerCase();
          const bare = (v: string) => v.replace(/[\s\u00a0\u200b\ufeff]/g, '');
          const difference =
            lower(near.value) === lower(uri.value)
              ? 'only by case'
              : bare(near.value) === bare(uri.value)
                ? 'only by a space (or a non-breaking space)'
                : 'only by a trailing slash or case';
          report({
            range: uri.range,
            message: `Redirect URI ${quote(uri.value, 44)} differs from ${quote(near.value, 44)} ${difference} (AADSTS50011 risk); keep one.`,
            detail: `Entra matches redirect URIs exactly, so one of them is likely wrong and an app sending it fails with AADSTS50011; keep the one the app sends.${fullValueNote(uri.value, 'This one', 44)}${fullValueNote(near.value, 'The other', 44)}`,
            related: [{ file: file.path, range: near.range, message: `'${near.value}' is listed here.` }],
          });
        }
        exact.set(exactKey, uri);
        if (!near) loose.set(looseKeyOf, uri);
      }
    }
  },
};
