// Generated documents per format, scaled to a target size, for the latency and scan benchmarks.
// Each document holds one custom-scheme redirect (the headline finding; the Expo and Capacitor app configs,
// which hold no redirect, a custom scheme) and realistic filler that grows the way real files grow (more
// reply URLs, permissions, activities, code).

const guid = (i) => {
  const hex = (n, len) => ((n * 2654435761) >>> 0).toString(16).padStart(8, '0').repeat(4).slice(0, len);
  return `${hex(i + 1, 8)}-${hex(i + 7, 4)}-4${hex(i + 3, 3)}-9${hex(i + 5, 3)}-${hex(i + 11, 12)}`;
};

/** Repeats `unit(i)` joined by `separator` until head + body + tail reaches `targetBytes`. */
function grow(head, unit, separator, tail, targetBytes) {
  const parts = [];
  let size = head.length + tail.length;
  for (let i = 0; size < targetBytes || parts.length === 0; i++) {
    const piece = unit(i);
    parts.push(piece);
    size += piece.length + separator.length;
  }
  return head + parts.join(separator) + tail;
}

/** An app role as exported in manifests: the bulk of a large real manifest (with permissions and keys). */
const appRole = (n) => `    {
      "allowedMemberTypes": [ "User", "Application" ],
      "description": "Readers of area ${n} can view its reports and export them.",
      "displayName": "Area ${n} reader",
      "id": "${guid(n + 300)}",
      "isEnabled": true,
      "lang": null,
      "origin": "Application",
      "value": "Area${n}.Read"
    }`;

/** A legacy Azure AD Graph manifest (replyUrlsWithType): one custom-scheme redirect among a few https ones. */
export function legacyManifest(i, targetBytes) {
  const head = `{
  "id": "${guid(i + 1000)}",
  "appId": "${guid(i)}",
  "name": "Contoso app ${i}",
  "signInAudience": "AzureADMyOrg",
  "allowPublicClient": true,
  "oauth2AllowImplicitFlow": false,
  "oauth2AllowIdTokenImplicitFlow": false,
  "accessTokenAcceptedVersion": 2,
  "groupMembershipClaims": "SecurityGroup",
  "identifierUris": [ "api://${guid(i)}" ],
  "informationalUrls": { "marketing": null, "privacy": null, "support": null, "termsOfService": null },
  "keyCredentials": [],
  "passwordCredentials": [],
  "replyUrlsWithType": [
    { "url": "contoso${i}://auth", "type": "InstalledClient" },
    { "url": "https://app${i}.contoso.example.com/signin-oidc", "type": "Web" },
    { "url": "https://app${i}.contoso.example.com/auth/callback", "type": "Web" },
    { "url": "http://localhost:5000/signin-oidc", "type": "Web" }
  ],
  "requiredResourceAccess": [
    { "resourceAppId": "00000003-0000-0000-c000-000000000000", "resourceAccess": [ { "id": "${guid(i + 5)}", "type": "Scope" }, { "id": "${guid(i + 6)}", "type": "Role" } ] }
  ],
  "tags": [],
  "appRoles": [
`;
  return grow(head, appRole, ',\n', '\n  ]\n}\n', targetBytes);
}

function graphManifest(i, targetBytes) {
  const head = `{
  "id": "${guid(i + 1000)}",
  "appId": "${guid(i)}",
  "displayName": "Contoso app ${i}",
  "signInAudience": "AzureADMyOrg",
  "isFallbackPublicClient": true,
  "publicClient": { "redirectUris": [ "contoso${i}://auth" ] },
  "spa": { "redirectUris": [ "http://localhost:3000" ] },
  "web": {
    "implicitGrantSettings": { "enableAccessTokenIssuance": false, "enableIdTokenIssuance": false },
    "redirectUris": [ "https://app${i}.contoso.example.com/signin-oidc", "https://app${i}.contoso.example.com/auth/callback" ]
  },
  "appRoles": [
`;
  return grow(head, appRole, ',\n', '\n  ]\n}\n', targetBytes);
}

function msalJs(i, targetBytes) {
  const head = `import { PublicClientApplication, LogLevel } from "@azure/msal-browser";

export const msalConfig = {
  auth: {
    clientId: "${guid(i)}",
    authority: "https://login.microsoftonline.com/contoso.onmicrosoft.com",
    redirectUri: "contoso${i}://auth",
  },
  cache: { cacheLocation: "sessionStorage" },
};

`;
  const unit = (n) => `export function helper${n}(items) {
  const result = [];
  for (const item of items) if (item && item.id !== ${n}) result.push({ id: item.id, label: \`item \${item.id}\` });
  return result;
}
`;
  return grow(head, unit, '\n', '\nexport const msalInstance = new PublicClientApplication(msalConfig);\n', targetBytes);
}

function appsettings(i, targetBytes) {
  const head = `{
  "AzureAd": {
    "Instance": "https://login.microsoftonline.com/",
    "TenantId": "${guid(i + 9)}",
    "ClientId": "${guid(i)}",
    "RedirectUri": "contoso${i}://auth",
    "CallbackPath": "/signin-oidc"
  },
  "Logging": { "LogLevel": { "Default": "Information" } },
  "Features": {
`;
  return grow(
    head,
    (n) => `    "Feature${n}": { "Enabled": ${n % 2 === 0}, "Endpoint": "https://api${n}.contoso.example.com/v1" }`,
    ',\n',
    '\n  }\n}\n',
    targetBytes,
  );
}

function androidConfig(i, targetBytes) {
  const head = `{
  "client_id": "${guid(i)}",
  "authorization_user_agent": "DEFAULT",
  "redirect_uri": "contoso${i}://auth",
  "broker_redirect_uri_registered": false,
  "authorities": [
`;
  return grow(
    head,
    (n) => `    { "type": "AAD", "audience": { "type": "AzureADMyOrg", "tenant_id": "${guid(n)}" }, "default": ${n === 0} }`,
    ',\n',
    '\n  ]\n}\n',
    targetBytes,
  );
}

function appCreationScripts(i, targetBytes) {
  const head = `{
  "Sample": { "Title": "Contoso sample ${i}", "Level": 100, "Client": "Desktop app" },
  "AADApps": [
    { "Id": "client", "Name": "contoso-client-${i}", "Kind": "Desktop", "ReplyUrls": "contoso${i}://auth", "Audience": "AzureADMyOrg" }
  ],
  "CodeConfiguration": [
`;
  return grow(
    head,
    (n) =>
      `    { "App": "client", "SettingKind": "Replace", "SettingFile": "\\\\..\\\\src\\\\file${n}.cs", "Mappings": [ { "key": "Key${n}", "value": "client.AppId" } ] }`,
    ',\n',
    '\n  ]\n}\n',
    targetBytes,
  );
}

function jsonConfig(i, targetBytes) {
  const head = `{
  "clientId": "${guid(i)}",
  "authority": "https://login.microsoftonline.com/common",
  "redirectUri": "contoso${i}://auth",
  "scopes": [
`;
  return grow(head, (n) => `    "api://${guid(n)}/scope.read${n}"`, ',\n', '\n  ]\n}\n', targetBytes);
}

function envFile(i, targetBytes) {
  const head = `# Contoso sign-in settings\nCLIENT_ID=${guid(i)}\nAUTHORITY=https://login.microsoftonline.com/common\nREDIRECT_URI=contoso${i}://auth\n`;
  return grow(head, (n) => `FEATURE_${n}_ENDPOINT=https://api${n}.contoso.example.com/v1`, '\n', '\n', targetBytes);
}

function androidManifest(i, targetBytes) {
  const head = `<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.contoso.app${i}">
  <application android:label="Contoso">
    <activity android:name="com.microsoft.identity.client.BrowserTabActivity" android:exported="true">
      <intent-filter>
        <action android:name="android.intent.action.VIEW" />
        <category android:name="android.intent.category.DEFAULT" />
        <category android:name="android.intent.category.BROWSABLE" />
        <data android:scheme="contoso${i}" android:host="auth" />
      </intent-filter>
    </activity>
`;
  return grow(
    head,
    (n) => `    <activity android:name=".Screen${n}Activity" android:exported="false" android:theme="@style/Theme${n}" />`,
    '\n',
    '\n  </application>\n</manifest>\n',
    targetBytes,
  );
}

function iosPlist(i, targetBytes) {
  const head = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>CFBundleIdentifier</key>
  <string>com.contoso.app${i}</string>
  <key>CFBundleURLTypes</key>
  <array>
    <dict>
      <key>CFBundleURLSchemes</key>
      <array><string>msauth.com.contoso.app${i}</string></array>
    </dict>
  </array>
  <key>LSApplicationQueriesSchemes</key>
  <array><string>msauthv2</string><string>msauthv3</string></array>
`;
  return grow(head, (n) => `  <key>ContosoSetting${n}</key>\n  <string>value ${n}</string>`, '\n', '\n</dict>\n</plist>\n', targetBytes);
}

function dotnetCode(i, targetBytes) {
  const head = `using Microsoft.Identity.Client;

namespace Contoso.App${i};

public static class Auth
{
    public static IPublicClientApplication Build() =>
        PublicClientApplicationBuilder.Create("${guid(i)}")
            .WithAuthority("https://login.microsoftonline.com/common")
            .WithRedirectUri("contoso${i}://auth")
            .Build();
`;
  return grow(head, (n) => `    public static int Helper${n}(int value) => value * ${n} + ${n % 7};`, '\n', '\n}\n', targetBytes);
}

function terraform(i, targetBytes) {
  const head = `resource "azuread_application" "app${i}" {
  display_name     = "Contoso app ${i}"
  sign_in_audience = "AzureADMyOrg"
  public_client {
    redirect_uris = ["contoso${i}://auth"]
  }
}
`;
  return grow(
    head,
    (n) => `resource "azurerm_resource_group" "rg${n}" {\n  name     = "contoso-rg-${n}"\n  location = "westeurope"\n}`,
    '\n',
    '\n',
    targetBytes,
  );
}

function bicep(i, targetBytes) {
  const head = `extension microsoftGraphV1

resource app${i} 'Microsoft.Graph/applications@v1.0' = {
  uniqueName: 'contoso-app-${i}'
  displayName: 'Contoso app ${i}'
  signInAudience: 'AzureADMyOrg'
  publicClient: {
    redirectUris: [
      'contoso${i}://auth'
    ]
  }
}
`;
  return grow(head, (n) => `param setting${n} string = 'value-${n}'`, '\n', '\n', targetBytes);
}

/** A Graph PowerShell registration script (AppCreationScripts shape): one app, then helper functions. */
function powershell(i, targetBytes) {
  const head = `param([string] $TenantId)

$app = New-MgApplication -DisplayName "Contoso app ${i}" \`
    -SignInAudience AzureADMyOrg \`
    -PublicClient @{ RedirectUris = @("contoso${i}://auth", "http://localhost") } \`
    -IsFallbackPublicClient
Update-MgApplication -ApplicationId $app.Id -Web @{ RedirectUris = @("https://app${i}.contoso.example.com/signin-oidc") }

`;
  const unit = (n) => `function Set-Setting${n} {
    param([string] $Path, [int] $Value = ${n})
    $settings = Get-Content $Path -Raw | ConvertFrom-Json
    $settings.Feature${n} = @{ Enabled = $true; Limit = $Value * 2; Name = "feature-${n}" }
    Write-Host "Updated feature ${n} in $Path" -ForegroundColor Green
}
`;
  return grow(head, unit, '\n', '\n', targetBytes);
}

/** A bash setup script: az ad app create with its id captured, then ordinary provisioning steps. */
function shellScript(i, targetBytes) {
  const head = `#!/usr/bin/env bash
set -euo pipefail
REDIRECT="contoso${i}://auth"
APP_ID=$(az ad app create --display-name "Contoso app ${i}" \\
  --public-client-redirect-uris "$REDIRECT" http://localhost \\
  --sign-in-audience AzureADMyOrg --query appId -o tsv)

`;
  const unit = (n) => `if [ -n "\${RG_${n}:-}" ]; then
  az group create --name "rg-contoso-${n}" --location westeurope --tags env=dev owner="team-${n}"
  echo "Created resource group ${n} for $APP_ID" >&2
fi
`;
  return grow(head, unit, '\n', '\n', targetBytes);
}

/** A GitHub Actions workflow: one step updates the app's redirect URIs, the others build and test. */
function ciYaml(i, targetBytes) {
  const head = `name: Deploy ${i}
on:
  push:
    branches: [main]
jobs:
  register:
    runs-on: ubuntu-latest
    steps:
      - uses: azure/login@v2
        with:
          client-id: \${{ secrets.AZURE_CLIENT_ID }}
      - name: Redirect URIs
        run: |
          az ad app update --id ${guid(i)} \\
            --public-client-redirect-uris "contoso${i}://auth" http://localhost
  build:
    runs-on: ubuntu-latest
    steps:
`;
  const unit = (n) => `      - name: Step ${n}
        run: |
          npm ci --prefix packages/p${n}
          npm test --prefix packages/p${n} -- --grep "suite ${n}"
        env:
          NODE_OPTIONS: --max-old-space-size=${1024 + n}
`;
  return grow(head, unit, '', '', targetBytes);
}

/** An MSAL Python web app: module constants, a confidential client, then view functions. */
function python(i, targetBytes) {
  const head = `import os
import msal

CLIENT_ID = os.getenv("CLIENT_ID", "${guid(i)}")
AUTHORITY = "https://login.microsoftonline.com/contoso.onmicrosoft.com"
REDIRECT_URI = "contoso${i}://auth"


def build_app(cache=None):
    return msal.ConfidentialClientApplication(CLIENT_ID, authority=AUTHORITY, client_credential=os.getenv("CLIENT_SECRET"), token_cache=cache)


def login():
    return build_app().initiate_auth_code_flow(["User.Read"], redirect_uri=REDIRECT_URI)

`;
  const unit = (n) => `
def view_${n}(request, items=None):
    """Renders page ${n} with the items the user may see."""
    result = [item for item in (items or []) if item.get("id") != ${n}]
    return {"title": f"Page ${n}", "count": len(result), "items": result[:${10 + (n % 7)}]}
`;
  return grow(head, unit, '', '', targetBytes);
}

function swift(i, targetBytes) {
  const head = `import MSAL
import UIKit

enum AuthConstants${i} {
    static let clientId = "${guid(i)}"
    static let authority = "https://login.microsoftonline.com/common"
    static let redirectUri = "contoso${i}://auth"
}

final class SignIn${i} {
    func application() throws -> MSALPublicClientApplication {
        let authority = try MSALAADAuthority(url: URL(string: AuthConstants${i}.authority)!)
        let config = MSALPublicClientApplicationConfig(clientId: AuthConstants${i}.clientId,
                                                       redirectUri: AuthConstants${i}.redirectUri,
                                                       authority: authority)
        return try MSALPublicClientApplication(configuration: config)
    }
`;
  return grow(
    head,
    (n) => `    let label${n} = "Item \\(${n})"
    func format${n}(_ value: Int) -> String {
        return value > ${n} ? "\\(value)" : label${n}
    }`,
    '\n',
    '\n}\n',
    targetBytes,
  );
}

function objc(i, targetBytes) {
  const head = `#import <MSAL/MSAL.h>

static NSString *const kClientId = @"${guid(i)}";
static NSString *const kRedirectUri = @"contoso${i}://auth";

@implementation ContosoAuth${i}

- (MSALPublicClientApplication *)application:(NSError **)error
{
    MSALPublicClientApplicationConfig *config = [[MSALPublicClientApplicationConfig alloc] initWithClientId:kClientId
                                                                                                redirectUri:kRedirectUri
                                                                                                  authority:nil];
    return [[MSALPublicClientApplication alloc] initWithConfiguration:config error:error];
}
`;
  return grow(
    head,
    (n) => `- (NSString *)label${n}:(NSInteger)value
{
    return value > ${n} ? [NSString stringWithFormat:@"%ld", (long)value] : @"Item ${n}";
}`,
    '\n',
    '\n@end\n',
    targetBytes,
  );
}

function dart(i, targetBytes) {
  const head = `import 'package:flutter/material.dart';
import 'package:flutter_appauth/flutter_appauth.dart';

class AuthService${i} {
  static const String clientId = '${guid(i)}';
  static const String scheme = 'com.contoso.app${i}';
  static const String redirectUrl = '$scheme://oauthredirect';
  static String get issuer => 'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0';
  final FlutterAppAuth _appAuth = const FlutterAppAuth();

  Future<AuthorizationTokenResponse?> signIn() => _appAuth.authorizeAndExchangeCode(
        AuthorizationTokenRequest(clientId, redirectUrl, issuer: issuer, scopes: ['openid', 'profile']),
      );
}

`;
  const unit = (n) => `class Tile${n} extends StatelessWidget {
  const Tile${n}({super.key, required this.label});
  final String label;
  static const double padding = ${n % 16}.0;

  @override
  Widget build(BuildContext context) {
    final title = label.isEmpty ? 'Item ${n}' : '$label (\${label.length})';
    return Padding(padding: const EdgeInsets.all(padding), child: Text(title, style: const TextStyle(fontSize: 14)));
  }
}
`;
  return grow(head, unit, '\n', '', targetBytes);
}

function gradle(i, targetBytes) {
  const head = `plugins {
    id 'com.android.application'
}

android {
    namespace 'com.contoso.app${i}'
    defaultConfig {
        applicationId "com.contoso.app${i}"
        minSdkVersion 24
        manifestPlaceholders = [appAuthRedirectScheme: 'com.contoso.app${i}', msalHash: "/${guid(i).slice(0, 27)}="]
    }
    buildTypes {
        debug { applicationIdSuffix ".debug" }
    }
    productFlavors {
        free { dimension "tier" }
    }
}

dependencies {
`;
  const unit = (n) => `    implementation "com.contoso.lib${n}:module-${n % 7}:1.${n % 10}.${n % 3}" // library ${n}`;
  return grow(head, unit, '\n', '\n}\n', targetBytes);
}

function androidCode(i, targetBytes) {
  const head = `package com.contoso.app${i}

import android.net.Uri
import com.microsoft.identity.client.PublicClientApplication
import net.openid.appauth.AuthorizationRequest
import net.openid.appauth.AuthorizationServiceConfiguration
import net.openid.appauth.ResponseTypeValues

object SignIn${i} {
    const val ISSUER = "https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0"
    const val CLIENT_ID = "${guid(i)}"
    private const val REDIRECT = "com.contoso.app${i}:/oauth2redirect"

    fun msal(context: android.content.Context) {
        PublicClientApplication.createSingleAccountPublicClientApplication(context, R.raw.auth_config, listener)
    }

    fun appAuth() = AuthorizationServiceConfiguration.fetchFromIssuer(Uri.parse(ISSUER)) { config, _ ->
        AuthorizationRequest.Builder(config!!, CLIENT_ID, ResponseTypeValues.CODE, Uri.parse(REDIRECT)).build()
    }
}

`;
  const unit = (n) => `class Screen${n}ViewModel(private val repository: Repository) : ViewModel() {
    private val state = MutableStateFlow(UiState(title = "Screen ${n}", items = emptyList()))
    fun load() = viewModelScope.launch {
        val items = repository.items(page = ${n % 9}).filter { it.enabled && it.name.isNotBlank() }
        state.value = state.value.copy(items = items, label = "\${items.size} items")
    }
}
`;
  return grow(head, unit, '\n', '', targetBytes);
}

/**
 * An Expo app.json: the scheme expo-auth-session builds redirects from, the app ids, react-native-msal's
 * plugin, then the bulk real ones carry (per-screen deep-link intent filters, `extra` settings).
 */
function expoConfig(i, targetBytes) {
  const head = `{
  "expo": {
    "name": "Contoso ${i}",
    "slug": "contoso-${i}",
    "scheme": "contoso${i}",
    "ios": { "bundleIdentifier": "com.contoso.app${i}", "supportsTablet": true },
    "android": {
      "package": "com.contoso.app${i}",
      "intentFilters": [
`;
  const unit = (n) =>
    `        { "action": "VIEW", "autoVerify": ${n % 2 === 0}, "data": [{ "scheme": "https", "host": "app${i}.contoso.example.com", "pathPrefix": "/screen${n}" }], "category": ["BROWSABLE", "DEFAULT"] }`;
  const tail = `
      ]
    },
    "plugins": ["expo-router", ["react-native-msal", { "androidPackageSignatureHash": "${guid(i).slice(0, 27)}=" }]],
    "extra": { "eas": { "projectId": "${guid(i + 3)}" } }
  }
}
`;
  return grow(head, unit, ',\n', tail, targetBytes);
}

/** A capacitor.config.ts: the app id the MSAL plugins build redirects from, the WebView's scheme, then plugin settings. */
function capacitorConfig(i, targetBytes) {
  const head = `import type { CapacitorConfig } from '@capacitor/cli';

const config: CapacitorConfig = {
  appId: 'com.contoso.app${i}',
  appName: 'Contoso ${i}',
  webDir: 'dist',
  server: { androidScheme: 'contoso${i}', hostname: 'app.contoso.example.com' },
  plugins: {
`;
  const unit = (n) =>
    `    Feature${n}: { enabled: ${n % 2 === 0}, endpoint: 'https://api${n}.contoso.example.com/v1', retries: ${n % 5}, tags: ['screen-${n}', 'area-${n % 9}'] },`;
  return grow(head, unit, '\n', '\n  },\n};\n\nexport default config;\n', targetBytes);
}

/** Per format id: the path a workspace would hold it at, and the generator. */
export const DOCUMENTS = {
  'aad-manifest': { path: 'registration/manifest.json', make: legacyManifest },
  'graph-manifest': { path: 'registration/app-manifest.json', make: graphManifest },
  'msal-js': { path: 'src/authConfig.js', make: msalJs },
  'dotnet-appsettings': { path: 'appsettings.json', make: appsettings },
  'android-config': { path: 'app/src/main/res/raw/auth_config.json', make: androidConfig },
  'app-creation-scripts': { path: 'AppCreationScripts/sample.json', make: appCreationScripts },
  'json-config': { path: 'config/auth.json', make: jsonConfig },
  env: { path: '.env', make: envFile },
  'android-manifest': { path: 'app/src/main/AndroidManifest.xml', make: androidManifest },
  'ios-plist': { path: 'ios/App/Info.plist', make: iosPlist },
  'dotnet-code': { path: 'src/Auth.cs', make: dotnetCode },
  terraform: { path: 'infra/main.tf', make: terraform },
  bicep: { path: 'infra/main.bicep', make: bicep },
  powershell: { path: 'AppCreationScripts/Configure.ps1', make: powershell },
  'shell-script': { path: 'scripts/setup.sh', make: shellScript },
  'ci-yaml': { path: '.github/workflows/deploy.yml', make: ciYaml },
  'python-msal': { path: 'app/auth.py', make: python },
  swift: { path: 'ios/App/Auth/SignIn.swift', make: swift },
  objc: { path: 'ios/App/ContosoAuth.m', make: objc },
  dart: { path: 'lib/services/auth_service.dart', make: dart },
  gradle: { path: 'app/build.gradle', make: gradle },
  'android-code': { path: 'app/src/main/java/com/contoso/app/SignIn.kt', make: androidCode },
  'expo-config': { path: 'app.json', make: expoConfig },
  'capacitor-config': { path: 'capacitor.config.ts', make: capacitorConfig },
};
