import { createScanner, type Node } from 'jsonc-parser';
import type { ParsedFile, Platform, Range, RedirectUri } from '../model';
import { parseJson } from '../parsing/json-util';

// Helpers shared by the config formats (JSON, XML, plist, .env): redirect construction, template
// detection and comment ranges.

/** Values holding a build-time or sample template: `${applicationId}`, `$(PRODUCT_BUNDLE_IDENTIFIER)`, `{AppId}`, `[Replace ...]`, `@string/x`. */
const TEMPLATE = /\$\{[^}]*\}|\$\([^)]*\)|\{[^{}]*\}|\[[^\]]*\]|<[^<>]*>|^@string\//;

function isTemplated(value: string): boolean {
  return TEMPLATE.test(value);
}

export interface RedirectExtras {
  implied?: boolean;
  raw?: string;
  /** Forces `partial` (e.g. a relative CallbackPath); templates are detected anyway. */
  partial?: boolean;
}

export function redirectUri(value: string, range: Range, platform: Platform, role: RedirectUri['role'], extras: RedirectExtras = {}): RedirectUri {
  const uri: RedirectUri = { value, range, platform, role };
  if (extras.implied) uri.implied = true;
  if (extras.partial || isTemplated(value)) uri.partial = true;
  if (extras.raw !== undefined && extras.raw !== value) uri.raw = extras.raw;
  return uri;
}

// jsonc-parser's SyntaxKind is a const enum; its values are part of the published API.
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;
const EOF = 17;

/** Parses a JSON(C) file into `parsed` (its problems and comment ranges); returns the root node. */
export function readJsonInto(parsed: ParsedFile, text: string): Node | undefined {
  const { root, problems, strict } = parseJson(text);
  parsed.problems.push(...problems);
  // Plain valid JSON has no comments: the token scan for them is skipped (a third of a big file's parse).
  parsed.comments = strict ? [] : jsonComments(text);
  return root;
}

/** Ranges of `//` and `/* *\/` comments in JSONC text (a flat token scan: deep nesting cannot overflow). */
export function jsonComments(text: string): Range[] {
  const comments: Range[] = [];
  const scanner = createScanner(text, false);
  for (let kind = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
    if (kind === LINE_COMMENT || kind === BLOCK_COMMENT) {
      // jsonc-parser's scanner gives an unterminated `/*` at the very end one character too many: clamp.
      comments.push({ start: scanner.getTokenOffset(), end: Math.min(text.length, scanner.getTokenOffset() + scanner.getTokenLength()) });
    }
  }
  return comments;
}

/** Schemes of well-known non-Microsoft SDKs (Facebook, Google, Twitter, Dropbox): never an Entra redirect. */
export function isForeignSdkScheme(scheme: string): boolean {
  return /^(fb\d+|com\.googleusercontent\.apps\..+|twitterkit-.+|db-.+)$/i.test(scheme.trim());
}
