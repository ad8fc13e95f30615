import type * as vscode from 'vscode';
import { engine } from './engine';

/** Schemes whose documents are linted; diff views (git), output and settings editors are left alone. */
export const LINTED_SCHEMES = new Set(['file', 'untitled', 'vscode-vfs', 'vscode-remote']);

/**
 * File names an untitled document may stand for, per language, each with the content that makes the
 * name plausible (a name alone would turn any scratch JSON into an appsettings.json with parse errors).
 * `undefined` means the name's format sniffs the content itself.
 */
const UNTITLED_NAMES: Record<string, [string, RegExp | undefined][]> = {
  json: [
    ['untitled.json', undefined],
    ['appsettings.json', /"(AzureAd|AzureAdB2C|MicrosoftIdentityPlatform)"\s*:/i],
    ['auth_config.json', /"(client_id|redirect_uri)"\s*:/],
  ],
  jsonc: [
    ['untitled.json', undefined],
    ['appsettings.json', /"(AzureAd|AzureAdB2C)"\s*:/i],
  ],
  javascript: [
    ['untitled.js', undefined],
    ['authConfig.js', /msal|clientId|redirectUri/i],
  ],
  javascriptreact: [
    ['untitled.jsx', undefined],
    ['authConfig.jsx', /msal|clientId|redirectUri/i],
  ],
  typescript: [
    ['untitled.ts', undefined],
    ['authConfig.ts', /msal|clientId|redirectUri/i],
  ],
  typescriptreact: [
    ['untitled.tsx', undefined],
    ['authConfig.tsx', /msal|clientId|redirectUri/i],
  ],
  csharp: [
    ['untitled.cs', undefined],
    ['Program.cs', /ClientApplicationBuilder|AddMicrosoftIdentityWeb|WithRedirectUri/],
  ],
  terraform: [['main.tf', /azuread_application/]],
  bicep: [['main.bicep', /Microsoft\.Graph\/applications|redirectUris/]],
  dotenv: [['.env', /CLIENT_ID|REDIRECT_URI|AZURE_|MSAL/i]],
  plist: [['Info.plist', /<plist/]],
  xml: [
    ['AndroidManifest.xml', /<manifest[\s>]/],
    ['Info.plist', /<plist[\s>]/],
  ],
};

/**
 * The path the engine knows a document by. Files keep their file system path (so the CLI and the editor
 * agree); an untitled document gets a name its language and content suggest (formats are chosen by name
 * and content), under its own URI so two untitled documents never collide; undefined = not an auth file.
 */
export function enginePath(document: Pick<vscode.TextDocument, 'uri' | 'languageId' | 'getText'>): string | undefined {
  const { uri } = document;
  if (uri.scheme === 'file') return uri.fsPath;
  if (uri.scheme !== 'untitled') return uri.toString();
  const text = document.getText();
  const { detectFormat } = engine();
  const name = (UNTITLED_NAMES[document.languageId] ?? []).find(([candidate, hint]) => (hint ? hint.test(text) : true) && detectFormat(candidate, text))?.[0];
  return name ? `${uri.toString()}/${name}` : undefined;
}
