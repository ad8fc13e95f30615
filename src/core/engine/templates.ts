import type { ParsedFile } from '../model';
import { hasTemplateTags, isTemplatePath } from '../formats/templates';

/**
 * Marks a file a template when its name says so (`.tpl`, `.mustache`, `.j2` …) or when it does not parse and
 * holds template tags (`{{#if}}` in a JSON file): its problems are then the template engine's syntax, not
 * errors, and its configs are templates (values filled in later are not judged). A file that parses is read
 * as what it is even when a string in it looks like a tag. A reader may mark a template itself (env-file.ts).
 */
export function markTemplate(parsed: ParsedFile): void {
  parsed.template ||= isTemplatePath(parsed.path) || (parsed.problems.length > 0 && hasTemplateTags(parsed.text));
  if (!parsed.template) return;
  for (const config of parsed.configs) config.template = true;
}
