import type { AuthConfig, Located } from '../model';
import type { CsToken } from '../lexing/languages/csharp';
import { defaultUserAgent } from '../entra/libraries';
import { redirectUri } from './config-util';
import { indexOfToken, type CsCodeReader } from './dotnet-reader';

// MAUI Essentials' (and Xamarin.Essentials') WebAuthenticator: `WebAuthenticator.Default.AuthenticateAsync(
// new Uri(start), new Uri(callback))` or `AuthenticateAsync(new WebAuthenticatorOptions { Url = …, CallbackUrl = … })`.
// The start URL names the provider (an Entra authorize endpoint, Google's, or the app's own backend, the
// pattern the MAUI docs recommend, where Entra only ever sees an https redirect), so it is the config's
// authority; the callback is the redirect. A start URL whose host the engine cannot see gives no config:
// most are a backend's, and a guess would be a false alarm.

const HOST_KNOWN = /^https?:\/\/[^/?#{}\s]+/i;
const MAX_CALLS = 64;

export function readWebAuthenticatorCalls(reader: CsCodeReader): AuthConfig[] {
  const { tokens } = reader;
  const configs: AuthConfig[] = [];
  if (!reader.text.includes('AuthenticateAsync')) return configs; // the method name every call below needs
  for (let i = 0; i < tokens.length && configs.length < MAX_CALLS; i++) {
    if (tokens[i].kind !== 'identifier' || tokens[i].text !== 'AuthenticateAsync' || !isPunct(tokens, i + 1, '(') || !isWebAuthenticator(tokens, i)) continue;
    const close = reader.matchingParen(i + 1);
    const args = reader.splitArguments(i + 2, close);
    const [url, callback] = args.length >= 2 ? args : optionsMembers(reader, args[0]);
    if (!url?.length || !callback?.length) continue;
    const start = reader.values(reader.expression(url)).find((v) => HOST_KNOWN.test(v.value));
    if (!start) continue;
    const platform = reader.platformAt(i) ?? 'publicClient';
    // Of a start URL known in part (`Backend + provider`), its origin is enough to tell the provider.
    const authority: Located<string> = { value: start.partial ? HOST_KNOWN.exec(start.value)![0] : start.value, range: start.range };
    const config: AuthConfig = {
      kind: 'config',
      library: 'maui-webauthenticator',
      platform,
      authority,
      redirectUris: [],
      userAgent: defaultUserAgent('maui-webauthenticator'),
      range: { start: tokens[i].start, end: tokens[Math.min(close, tokens.length - 1)].end },
    };
    const callbackExpr = reader.expression(callback);
    for (const v of reader.values(callbackExpr)) {
      const uri = redirectUri(v.value, v.range, v.platform ?? platform, 'redirect', { partial: v.partial });
      if (v.evidence) uri.evidence = v.evidence;
      config.redirectUris.push(uri);
    }
    reader.notePendingExpr(config, 'redirectUri', callbackExpr, callbackExpr.range, platform);
    configs.push(config);
  }
  return configs;
}

/** `WebAuthenticator.AuthenticateAsync` / `WebAuthenticator.Default.AuthenticateAsync`, namespace-qualified or not. */
function isWebAuthenticator(tokens: readonly CsToken[], method: number): boolean {
  if (!isPunct(tokens, method - 1, '.')) return false;
  if (tokens[method - 2]?.text === 'WebAuthenticator') return true;
  return tokens[method - 2]?.text === 'Default' && isPunct(tokens, method - 3, '.') && tokens[method - 4]?.text === 'WebAuthenticator';
}

/** `new WebAuthenticatorOptions { Url = …, CallbackUrl = … }`: the two values ([] when the argument is not written out). */
function optionsMembers(reader: CsCodeReader, arg: CsToken[] | undefined): (CsToken[] | undefined)[] {
  const brace = arg?.findIndex((t) => t.kind === 'punct' && t.text === '{') ?? -1;
  if (!arg || brace < 0 || !arg.slice(0, brace).some((t) => t.text === 'WebAuthenticatorOptions')) return [];
  const open = indexOfToken(reader.tokens, arg[brace]);
  if (open < 0) return [];
  const members = new Map<string, CsToken[]>();
  for (const member of reader.splitArguments(open + 1, reader.matchingParen(open))) {
    if (member[0]?.kind === 'identifier' && isPunct(member, 1, '=')) members.set(member[0].text, member.slice(2));
  }
  return [members.get('Url'), members.get('CallbackUrl')];
}

function isPunct(tokens: readonly CsToken[], i: number, text: string): boolean {
  return tokens[i]?.kind === 'punct' && tokens[i].text === text;
}
