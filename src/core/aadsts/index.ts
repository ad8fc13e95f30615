/**
 * AADSTS / MSAL error knowledge: a catalogue, recognition in any text, and rendering. Pure: no `vscode`, no I/O.
 *
 * API for the VS Code extension (hover provider, "Explain AADSTS code" command, explanation view):
 *
 *  Recognition (offsets are UTF-16 string offsets, `range.end` exclusive, like the rest of the engine):
 *  - `codeAt(text, offset)` → `CodeMatch | undefined`: the code under the cursor. Reads only ±4 KB around the
 *    offset, so it is cheap on huge logs. Use `match.range` for the hover range (convert with document.positionAt).
 *  - `findCodes(text)` → `CodeMatch[]`: every code in text order. Forms: `AADSTS50199`, `"error_codes":[50199]`,
 *    msal ServerError `Error(s): 50199 - Timestamp: …` (and the older `50199 - [timestamp]: …`), `errorNo: "50199"`, `login.microsoftonline.com/error?code=50199`
 *    (also URL-encoded), and MSAL/OAuth code words (`untrusted_authority`, `invalid_grant`).
 *    `match.entry` is the catalogue entry (undefined for an AADSTS number we do not know; still link to
 *    `errorLink(match.number)`); `match.context` holds the trace id, correlation id and timestamp next to it.
 *  - `parseErrorMessage(text)` → `{ codes, traceId?, correlationId?, timestamp?, error? }` for a whole pasted
 *    message (the command's input box): one `CodeMatch` per distinct code, AADSTS codes first.
 *
 *  Catalogue:
 *  - `lookupCode('50199' | 'AADSTS50199' | 'untrusted_authority')` → `CatalogueEntry | undefined`.
 *  - `searchCatalogue(query, limit?)` → entries for a QuickPick (number prefix, name, words of the meaning).
 *    Suggested QuickPick item: label `entry.code`, description `entryTitle(entry)`, detail `entry.meaning`.
 *  - `AADSTS_ENTRIES`, `MSAL_ENTRIES`, `allEntries()`, `aadstsEntry(n)`, `msalEntry(code)`, `CATALOGUE_INFO`
 *    (`capturedOn`, `source`), `rulesPreventing('AADSTS50199')` → our rules (from RULES metadata at call time).
 *
 *  Rendering (Markdown is escaped; links are https or the command URI you pass):
 *  - `renderHoverMarkdown(entry, { explainCommandUri?, context? })`: short hover text. Pass a `command:` URI
 *    (e.g. `command:entraAuthLint.explainCode?${encodeURIComponent(JSON.stringify([entry.code]))}`) and set
 *    `MarkdownString.isTrusted` for that command so the "Full explanation" link works.
 *  - `renderFullMarkdown(entry, context?)`: the explanation view (a read-only Markdown document / preview).
 *  - `renderMessageMarkdown(parseErrorMessage(pasted))`: the explanation view for a whole pasted message.
 *  - `renderText(entry, context?)`, `toExplainJson(entry, context?)`: the CLI's text and JSON.
 *  - `unknownCodeText(number)`: one line for an AADSTS number not in the catalogue.
 */
export { AADSTS_ENTRIES, CATALOGUE_INFO, aadstsEntry, allEntries, errorLink, lookupCode, rulesPreventing, searchCatalogue } from './catalogue';
export { EXPLAINED_MSAL_CODES, MSAL_ENTRIES, msalEntry } from './msal-codes';
export { codeAt, findCodes, findContextValues, parseErrorMessage, type FindOptions } from './recognize';
export {
  entrySource,
  entryTitle,
  md,
  renderFullMarkdown,
  renderHoverMarkdown,
  renderMessageMarkdown,
  renderText,
  toExplainJson,
  unknownCodeText,
  type ExplainJson,
  type HoverOptions,
} from './render';
export type * from './types';
