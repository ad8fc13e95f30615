import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFormat } from '../../src/core/formats';
import type { FormatId } from '../../src/core/model';
import { decode } from '../../src/core/io/text';

/** A starting document for mutation: a path the format recognises and text it reads. */
export interface Seed {
  path: string;
  text: string;
}

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');
const WS = '/fuzz/workspace';

// Small documents of our own per format, so a format without fixtures yet is still fuzzed from a file it reads.
const BUILT_IN: Partial<Record<FormatId, Seed[]>> = {
  'aad-manifest': [
    {
      path: `${WS}/manifest.json`,
      text: '{\n  "appId": "3c1b7c52-5f7e-4c0e-9d7a-1f2b3c4d5e6f",\n  "allowPublicClient": true,\n  "replyUrlsWithType": [\n    { "url": "contoso://auth", "type": "InstalledClient" },\n    { "url": "https://contoso.example.com/signin-oidc", "type": "Web" }\n  ],\n  "replyUrls": ["myapp://cb"]\n}\n',
    },
  ],
  'graph-manifest': [
    {
      path: `${WS}/app.json`,
      text: '{\n  "appId": "3c1b7c52-5f7e-4c0e-9d7a-1f2b3c4d5e6f",\n  "signInAudience": "AzureADMyOrg",\n  "publicClient": { "redirectUris": ["contoso://auth", "http://localhost"] },\n  "spa": { "redirectUris": ["http://localhost:3000"] },\n  "web": { "redirectUris": [], "implicitGrantSettings": { "enableIdTokenIssuance": true } }\n}\n',
    },
  ],
  'msal-js': [
    {
      path: `${WS}/src/authConfig.js`,
      text: 'const base = "contoso";\nexport const msalConfig = {\n  auth: {\n    clientId: "3c1b7c52-5f7e-4c0e-9d7a-1f2b3c4d5e6f",\n    authority: `https://login.microsoftonline.com/${"common"}`,\n    redirectUri: base + "://auth",\n    postLogoutRedirectUri: process.env.LOGOUT_URI,\n  },\n};\n',
    },
    {
      path: `${WS}/src/authConfig.ts`,
      text: 'import { makeRedirectUri, useAuthRequest, useAutoDiscovery } from "expo-auth-session";\nconst discovery = useAutoDiscovery("https://login.microsoftonline.com/common/v2.0");\nuseAuthRequest({ clientId: "3c1b7c52-5f7e-4c0e-9d7a-1f2b3c4d5e6f", redirectUri: makeRedirectUri({ scheme: "contoso", path: "auth" }) }, discovery);\n',
    },
    {
      path: `${WS}/src/screens/SignIn.tsx`,
      text: 'import PublicClientApplication from "react-native-msal";\nimport { authorize } from "react-native-app-auth";\nconst pca = new PublicClientApplication({ auth: { clientId: "3c1b7c52-5f7e-4c0e-9d7a-1f2b3c4d5e6f" }, androidConfigOptions: { broker_redirect_uri_registered: true } });\nauthorize({ issuer: "https://login.microsoftonline.com/common/v2.0", clientId: "x", redirectUrl: "msauth.com.c://auth/" });\n',
    },
    {
      path: `${WS}/src/authConfig.ts`,
      text: 'import { Configuration } from "@azure/msal-browser";\nexport const msalConfig: Configuration = { auth: { clientId: "3c1b7c52-5f7e-4c0e-9d7a-1f2b3c4d5e6f", redirectUri: Platform.select({ ios: "msauth.com.contoso://auth", android: "msauth://com.contoso/abc%3D" }) as string } };\n',
    },
    {
      path: `${WS}/src/services/session.ts`,
      text: 'import { MsAuthPlugin } from "@recognizebv/capacitor-plugin-msauth";\nimport { AuthConnect, ProviderOptions } from "@ionic-enterprise/auth";\nimport { b2c } from "./policies";\nconst options: ProviderOptions = { clientId: "3c1b7c52-5f7e-4c0e-9d7a-1f2b3c4d5e6f", discoveryUrl: `https://${b2c.host}/v2.0/.well-known/openid-configuration`, redirectUri: "msauth://com.contoso/abc" };\nAuthConnect.setup({ platform: "capacitor", ios: { webView: "private" } });\nMsAuthPlugin.login({ clientId: options.clientId, tenant: "common", keyHash: "abc=", scopes: ["User.Read"] });\n',
    },
    {
      path: `${WS}/electron/main.js`,
      text: 'const { app, shell, BrowserWindow } = require("electron");\nconst { PublicClientApplication } = require("@azure/msal-node");\nconst { auth } = require("./authConfig");\napp.setAsDefaultProtocolClient("contoso-desk");\nconst pca = new PublicClientApplication({ auth });\npca.getAuthCodeUrl({ redirectUri: "contoso-desk://auth", scopes: [] }).then((u) => shell.openExternal(u));\nnew BrowserWindow().webContents.on("will-redirect", () => {});\n',
    },
  ],
  'expo-config': [
    {
      path: `${WS}/app.json`,
      text: '{\n  "expo": {\n    "scheme": ["contoso", "contoso-dev"],\n    "ios": { "bundleIdentifier": "com.contoso.app" },\n    "android": { "package": "com.contoso.app" },\n    "plugins": [["react-native-msal", { "androidPackageSignatureHash": "abc=" }]]\n  }\n}\n',
    },
    {
      path: `${WS}/app.config.ts`,
      text: 'const dev = process.env.APP_VARIANT === "dev";\nexport default ({ config }) => ({ ...config, scheme: dev ? "contoso-dev" : "contoso", ios: { bundleIdentifier: "com.contoso.app" } });\n',
    },
  ],
  'capacitor-config': [
    {
      path: `${WS}/capacitor.config.json`,
      text: '{ "appId": "com.contoso.app", "webDir": "www", "server": { "iosScheme": "contoso", "androidScheme": "http" } }\n',
    },
    { path: `${WS}/capacitor.config.ts`, text: 'const config = { appId: "com.contoso.app", server: { hostname: "app.local" } };\nexport default config;\n' },
  ],
  'dotnet-appsettings': [
    {
      path: `${WS}/appsettings.json`,
      text: '{\n  // comment\n  "AzureAd": {\n    "Instance": "https://login.microsoftonline.com/",\n    "TenantId": "common",\n    "ClientId": "3c1b7c52-5f7e-4c0e-9d7a-1f2b3c4d5e6f",\n    "RedirectUri": "contoso://auth",\n    "ClientSecret": "not-a-real-secret-value",\n  }\n}\n',
    },
  ],
  'android-config': [
    {
      path: `${WS}/app/src/main/res/raw/auth_config.json`,
      text: '{\n  "client_id": "3c1b7c52-5f7e-4c0e-9d7a-1f2b3c4d5e6f",\n  "redirect_uri": "msauth://com.contoso.app/abc%3D",\n  "broker_redirect_uri_registered": true,\n  "authorities": [{ "type": "AAD", "audience": { "type": "AzureADMyOrg", "tenant_id": "contoso.onmicrosoft.com" } }]\n}\n',
    },
  ],
  'app-creation-scripts': [
    {
      path: `${WS}/AppCreationScripts/sample.json`,
      text: '{\n  "Sample": { "Title": "x" },\n  "AADApps": [ { "Id": "client", "Name": "app", "Kind": "Desktop", "ReplyUrls": "contoso://auth, https://localhost:44321/" } ]\n}\n',
    },
  ],
  'json-config': [
    {
      path: `${WS}/config/auth.json`,
      text: '{ "clientId": "3c1b7c52-5f7e-4c0e-9d7a-1f2b3c4d5e6f", "authority": "https://login.microsoftonline.com/common", "redirectUri": "contoso://auth" }\n',
    },
  ],
  env: [
    {
      path: `${WS}/.env`,
      text: '# settings\nCLIENT_ID=3c1b7c52-5f7e-4c0e-9d7a-1f2b3c4d5e6f\nREDIRECT_URI="contoso://auth"\nexport AUTHORITY=https://login.microsoftonline.com/common\nCLIENT_SECRET=\'abc~not-real\'\n',
    },
  ],
  'android-manifest': [
    {
      path: `${WS}/app/src/main/AndroidManifest.xml`,
      text: '<?xml version="1.0" encoding="utf-8"?>\n<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.contoso.app">\n  <application>\n    <activity android:name="com.microsoft.identity.client.BrowserTabActivity" android:exported="true">\n      <intent-filter>\n        <action android:name="android.intent.action.VIEW" />\n        <data android:scheme="msauth" android:host="com.contoso.app" android:path="/abc=" />\n      </intent-filter>\n    </activity>\n  </application>\n</manifest>\n',
    },
  ],
  'ios-plist': [
    {
      path: `${WS}/ios/App/Info.plist`,
      text: '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n  <key>CFBundleIdentifier</key>\n  <string>com.contoso.app</string>\n  <key>CFBundleURLTypes</key>\n  <array><dict><key>CFBundleURLSchemes</key><array><string>msauth.com.contoso.app</string></array></dict></array>\n  <key>LSApplicationQueriesSchemes</key>\n  <array><string>msauthv2</string></array>\n</dict>\n</plist>\n',
    },
  ],
  'dotnet-code': [
    {
      path: `${WS}/src/Auth.cs`,
      text: 'var app = PublicClientApplicationBuilder.Create("3c1b7c52-5f7e-4c0e-9d7a-1f2b3c4d5e6f")\n    .WithRedirectUri("contoso://auth") // comment\n    .WithBroker(true)\n    .Build();\n',
    },
  ],
  gradle: [
    {
      path: `${WS}/app/build.gradle`,
      text: "android {\n  namespace 'com.contoso.app'\n  defaultConfig {\n    applicationId \"com.contoso.app\"\n    manifestPlaceholders = [appAuthRedirectScheme: 'com.contoso.app', 'hash': \"/${suffix}\"]\n  }\n  buildTypes { debug { applicationIdSuffix '.debug' } }\n  productFlavors { free { dimension 'tier' } }\n}\n",
    },
    {
      path: `${WS}/app/build.gradle.kts`,
      text: 'android {\n  defaultConfig {\n    applicationId = "com.contoso.app"\n    manifestPlaceholders["appAuthRedirectScheme"] = "com.contoso.app"\n    manifestPlaceholders += mapOf("k" to "v")\n  }\n  buildTypes { getByName("debug") { applicationIdSuffix = ".debug" } }\n}\n',
    },
  ],
  'android-code': [
    {
      path: `${WS}/app/src/main/java/com/contoso/Auth.kt`,
      text: 'const val ISSUER = "https://login.microsoftonline.com/common/v2.0"\nval redirect = "com.contoso.app:/oauth2redirect"\nfun start() {\n  PublicClientApplication.createSingleAccountPublicClientApplication(this, R.raw.auth_config, listener)\n  AuthorizationServiceConfiguration.fetchFromIssuer(Uri.parse(ISSUER)) { config, _ ->\n    val request = AuthorizationRequest.Builder(config!!, "3c1b7c52-5f7e-4c0e-9d7a-1f2b3c4d5e6f", ResponseTypeValues.CODE, Uri.parse("$redirect")).build()\n  }\n}\n',
    },
    {
      path: `${WS}/app/src/main/java/com/contoso/Auth.java`,
      text: 'class Auth {\n  private static final String REDIRECT = "msauth://com.contoso.app/" + "abc%3D";\n  void start() {\n    PublicClientApplication.create(ctx, "3c1b7c52-5f7e-4c0e-9d7a-1f2b3c4d5e6f", "https://login.microsoftonline.com/common", REDIRECT, listener);\n    new AuthorizationRequest.Builder(new AuthorizationServiceConfiguration(Uri.parse("https://login.microsoftonline.com/common/oauth2/v2.0/authorize"), Uri.parse("t")), "id", ResponseTypeValues.CODE, Uri.parse(REDIRECT));\n  }\n}\n',
    },
  ],
  terraform: [
    {
      path: `${WS}/infra/main.tf`,
      text: 'resource "azuread_application" "app" {\n  display_name = "x"\n  public_client {\n    redirect_uris = ["contoso://auth", "https://login.microsoftonline.com/common/oauth2/nativeclient"]\n  }\n}\n',
    },
  ],
  dart: [
    {
      path: `${WS}/lib/auth.dart`,
      text: "import 'package:flutter_appauth/flutter_appauth.dart';\nclass A {\n  static const s = 'contoso';\n  static String get issuer => 'https://login.microsoftonline.com/${'common'}/v2.0';\n  final r = Platform.isIOS ? r'msauth.com.c://auth' : '''$s://auth''' ?? 'x' + 'y';\n  go() => a.authorize(AuthorizationRequest('id', r, issuer: issuer, externalUserAgent: ExternalUserAgent.sfSafariViewController));\n  web() => FlutterWebAuth2.authenticate(url: Uri.https('login.microsoftonline.com', '/common/oauth2/v2.0/authorize', {'redirect_uri': '$s://cb'}).toString(), callbackUrlScheme: s);\n}\n/* nested /* comment */ */\n",
    },
  ],
  bicep: [
    {
      path: `${WS}/infra/main.bicep`,
      text: "resource app 'Microsoft.Graph/applications@v1.0' = {\n  uniqueName: 'x'\n  publicClient: {\n    redirectUris: [\n      'contoso://auth'\n    ]\n  }\n}\n",
    },
  ],
  // Registration scripts: continuations, splatting, here-strings, heredocs, nested hashtables and JSON bodies.
  powershell: [
    {
      path: `${WS}/AppCreationScripts/Configure.ps1`,
      text: 'param([string]$scheme = "contoso")\n$redirect = "$($scheme)://auth"\n$pc = @{ RedirectUris = $redirect, "http://localhost"; }\n$app = New-MgApplication -DisplayName "Contoso" `\n  -PublicClient $pc `\n  -Web @{ RedirectUris = @("https://contoso.example.com/signin-oidc"); ImplicitGrantSettings = @{ EnableIdTokenIssuance = $true } } `\n  -SignInAudience AzureADMyOrg\nUpdate-MgApplication -ApplicationId $app.Id -Spa @{ RedirectUris = \'http://localhost:3000\' } #end of command\n',
    },
    {
      path: `${WS}/scripts/register.ps1`,
      text: '$params = @{\n  DisplayName = "Tool"\n  PublicClient = @{ RedirectUris = @(\'msal3c1b7c52-5f7e-4c0e-9d7a-1f2b3c4d5e6f://auth\') }\n}\nNew-MgApplication @params\nNew-AzureADApplication -DisplayName x -ReplyUrls "https://a.example/cb", \'myapp://cb\'\n$body = @"\n{ "publicClient": { "redirectUris": ["contoso://auth"] } }\n"@\nInvoke-MgGraphRequest -Method PATCH -Uri "/v1.0/applications/$id" -Body $body\naz ad app update --id $appId --public-client-redirect-uris contoso://auth http://localhost\n<# block #>\n',
    },
  ],
  'shell-script': [
    {
      path: `${WS}/scripts/register.sh`,
      text: '#!/usr/bin/env bash\nSCHEME="${SCHEME:-contoso}"\nAPP_ID=$(az ad app create --display-name "Contoso" \\\n  --public-client-redirect-uris "${SCHEME}://auth" http://localhost \\\n  --web-redirect-uris \'https://contoso.example.com/signin-oidc\' \\\n  --sign-in-audience AzureADMyOrg --query appId -o tsv)\naz ad app update --id "$APP_ID" --enable-id-token-issuance true\naz rest --method PATCH --uri "https://graph.microsoft.com/v1.0/applications/$OBJ" --body \'{"spa":{"redirectUris":["http://localhost:3000"]}}\'\ncat <<EOF > body.json\n{"publicClient":{"redirectUris":["myapp://cb"]}}\nEOF\nm365 entra app add --name x --redirectUris "contoso://auth" --platform publicClient\n',
    },
  ],
  'ci-yaml': [
    {
      path: `${WS}/.github/workflows/register.yml`,
      text: 'name: register\non: [push]\njobs:\n  app:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: azure/login@v2\n      - run: |\n          az ad app create --display-name "Contoso" \\\n            --public-client-redirect-uris "contoso://auth" http://localhost\n      - shell: pwsh\n        run: >-\n          Update-MgApplication -ApplicationId $env:OBJ\n          -Web @{ RedirectUris = "https://contoso.example.com/signin-oidc" }\n',
    },
    {
      path: `${WS}/azure-pipelines.yml`,
      text: 'steps:\n- task: AzureCLI@2\n  inputs:\n    scriptType: bash\n    inlineScript: |\n      az ad app update --id $(APP_ID) --web-redirect-uris "https://$(HOST)/signin-oidc" \'myapp://cb\'\n- pwsh: New-AzureADApplication -DisplayName x -ReplyUrls "contoso://auth"\n',
    },
  ],
  'python-msal': [
    {
      path: `${WS}/app.py`,
      text: 'import msal, os\nAUTHORITY = "https://login.microsoftonline.com/" + os.getenv("TENANT", "common")\nREDIRECT = f"{os.getenv(\'SCHEME\', \'contoso\')}://auth"\napp = msal.PublicClientApplication(\n    "3c1b7c52-5f7e-4c0e-9d7a-1f2b3c4d5e6f", authority=AUTHORITY,\n    enable_broker_on_windows=True)\nresult = app.acquire_token_interactive(["User.Read"], port=8400)\nweb = msal.ConfidentialClientApplication(client_id="3c1b7c52-5f7e-4c0e-9d7a-1f2b3c4d5e6f",\n    client_credential="Qm7x8Q~abcdefghijklmnopqrstuvwx", authority=AUTHORITY)\nflow = web.initiate_auth_code_flow(["User.Read"], redirect_uri=REDIRECT)\n"""doc -----BEGIN PRIVATE KEY----- prose"""\n',
    },
  ],
};

/** Every fixture file under test/fixtures/formats, decoded as the CLI would. */
function fixtureFiles(): Seed[] {
  const seeds: Seed[] = [];
  const root = path.join(FIXTURES, 'formats');
  const stack = fs.existsSync(root) ? [root] : [];
  while (stack.length) {
    const dir = stack.pop()!;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (entry.isFile() && fs.statSync(full).size < 256 * 1024) {
        const decoded = decode(fs.readFileSync(full));
        if (!('binary' in decoded)) seeds.push({ path: full, text: decoded.text.replace(/^\uFEFF/, '') });
      }
    }
  }
  return seeds.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** The seeds of one format: our built-in documents plus every fixture the engine detects as that format. */
export function seedsFor(format: FormatId): Seed[] {
  const seeds = [...(BUILT_IN[format] ?? [])];
  for (const seed of fixtureFiles()) if (detectFormat(seed.path, seed.text)?.id === format) seeds.push(seed);
  return seeds;
}

/** Seeds of every format, for fuzzing the whole lint. */
export function allSeeds(): Seed[] {
  return [...Object.values(BUILT_IN).flat(), ...fixtureFiles()];
}
