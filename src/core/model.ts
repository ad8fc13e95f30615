// The engine's data model. Formats describe what a file says (ParsedFile); rules judge it (Finding).
// Every range is a pair of UTF-16 offsets into the document text with any BOM removed — the same text
// VS Code holds for the document — computed once by the format that read the file.

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeverityOrOff = Severity | 'off';

export interface Range {
  /** Offset of the first character (inclusive). */
  start: number;
  /** Offset after the last character (exclusive). */
  end: number;
}

/** 0-based line and UTF-16 character, as in the VS Code API. */
export interface Position {
  line: number;
  character: number;
}

export interface Located<T> {
  value: T;
  range: Range;
  /** Other files the value was read from (a constant declared elsewhere): shown as related information. */
  evidence?: Evidence[];
}

/** Where in another file a value was read from (the engine's cross-file link fills it). */
export interface Evidence {
  file: string;
  range: Range;
  /** What the other file does with the value, when it is not where the value is set ("The app sends this redirect here."). */
  message?: string;
}

/** The platform a redirect URI is registered under, or the kind of app a config belongs to. */
export type Platform = 'web' | 'spa' | 'publicClient' | 'ios' | 'android' | 'browserExtension' | 'unknown';

/** The id of a format in the registry (src/core/formats/index.ts), derived from its records. */
export type { FormatId } from './formats';
import type { FormatId } from './formats';
import type { ValueExpr } from './values/ir';

export type SignInAudience = 'AzureADMyOrg' | 'AzureADMultipleOrgs' | 'AzureADandPersonalMicrosoftAccount' | 'PersonalMicrosoftAccount' | string;

/**
 * Which sign-in library (MSAL flavour, OAuth library or framework) a config is written for, when the file
 * shows it. What each one does by default (user agent, which providers it serves) is in entra/libraries.ts.
 */
export type Library =
  | 'msal-browser'
  | 'msal-react'
  | 'msal-angular'
  | 'msal-node'
  /** An MSAL.js config whose package the file does not show. */
  | 'msal-js'
  | 'electron'
  | 'react-native'
  | 'react-native-msal'
  | 'react-native-app-auth'
  | 'react-native-azure-auth'
  | 'expo-auth-session'
  | 'ionic-auth-connect'
  | 'capacitor-msauth'
  | 'cordova-msal'
  | 'msal-android'
  | 'appauth-android'
  | 'msal-ios'
  | 'appauth-ios'
  | 'msal-dotnet'
  | 'maui-webauthenticator'
  | 'ms-identity-web'
  | 'flutter-appauth'
  | 'aad-oauth'
  | 'msal-flutter'
  | 'msal-auth-flutter'
  | 'flutter-web-auth'
  | 'oauth2-client'
  | 'msal-python'
  | 'unknown';

/** Who shows the sign-in page and receives the redirect. */
export type UserAgentKind = 'system-browser' | 'embedded' | 'broker' | 'unknown';

/**
 * The user agent a config signs in with, as its library does it with the file's settings: a system
 * browser (Custom Tabs, ASWebAuthenticationSession, the default browser), an embedded web view, or the
 * broker (Microsoft Authenticator, Company Portal, WAM) with what is used when no broker app is installed.
 */
export interface UserAgent {
  kind: UserAgentKind;
  /**
   * With the broker: what signs the user in when no broker app is installed, and what a redirect the
   * broker does not accept goes through. Absent: the broker signs in for any redirect (WAM on Windows).
   */
  fallback?: 'system-browser' | 'embedded';
  /** Where the file chooses it (a key, a call); absent when it is the library's default. */
  range?: Range;
  /** What happens, in words a message can quote: "the broker when Microsoft Authenticator or Company Portal is installed, otherwise Custom Tabs". */
  description: string;
  /**
   * A cross-platform library that signs in differently per platform (react-native-msal: MSAL's broker on
   * iOS, Custom Tabs on Android): the agent that receives a redirect URI of that platform.
   */
  platforms?: Partial<Record<'ios' | 'android', UserAgent>>;
  /**
   * The library sends only its own loopback redirect (msal-node `acquireTokenInteractive` listens on
   * http://localhost): other redirect URIs the app's files name are never sent to Entra.
   */
  loopbackOnly?: boolean;
}

export interface RedirectUri {
  /** The URI as it will reach Entra (for implied URIs, the rebuilt form, e.g. `<scheme>://auth`). */
  value: string;
  /** Tight range of the value in the text (inside the quotes). */
  range: Range;
  platform: Platform;
  /** `redirect` is sent in the authorize request; `postLogout` after sign-out; `scheme` only names a URL scheme. */
  role: 'redirect' | 'postLogout' | 'scheme';
  /** True when the text holds a part (a scheme, a path) and the URI was rebuilt from it. */
  implied?: boolean;
  /** True when a part of the value is not known statically (template, variable); rules judge only what is known. */
  partial?: boolean;
  /** The raw text in the file when it differs from `value` (e.g. the Info.plist scheme alone). */
  raw?: string;
  /**
   * Parts of the value are the app's own ids, which the app config names (Expo `app.json`, Capacitor
   * `capacitor.config.*`): `{expo.scheme}` for the scheme Expo's `makeRedirectUri()` takes from it, `{appId}`
   * for the package or bundle id an MSAL plugin builds its redirect from. `value` shows the placeholders;
   * rules fill them in from the app config in the workspace (rules/shared/app-config.ts).
   */
  appParts?: boolean;
  /** Other files the value was read from (a constant or an assignment elsewhere in the project). */
  evidence?: Evidence[];
}

/** msal's `knownAuthorities`: the hosts it trusts without instance discovery. */
export interface KnownAuthorities extends Located<string[]> {
  /** True when some entries are not known statically (variables, spreads), so the list may hold more hosts. */
  partial?: boolean;
}

/** A client-side MSAL (or Microsoft.Identity.Web) configuration: what the app sends at sign-in. */
export interface AuthConfig {
  kind: 'config';
  library: Library;
  /** The app type the config is for (spa for msal-browser, publicClient for desktop, ios, android, web ...). */
  platform: Platform;
  clientId?: Located<string>;
  /** The authority, issuer, discovery URL or authorization endpoint the app signs in with (its host tells the provider). */
  authority?: Located<string>;
  /** Tenant segment when the file holds it apart from the authority (appsettings TenantId, Android audience). */
  tenant?: Located<string>;
  /** Cloud instance when held apart from the authority (appsettings Instance). */
  instance?: Located<string>;
  knownAuthorities?: KnownAuthorities;
  clientSecret?: Located<string>;
  redirectUris: RedirectUri[];
  /** How the app signs in; absent when neither the file nor its library says (unknown). */
  userAgent?: UserAgent;
  /**
   * Another file of the app whose settings the library merges into this config at run time, as the file
   * names it (msal_auth's Android `configFilePath: 'assets/msal_config.json'`): when that file is in the
   * workspace, its config's user agent is the one that receives this config's redirects.
   */
  settingsFile?: Located<string>;
  /**
   * A template whose placeholders are filled in later (AppCreationScripts settings, `.tpl` files):
   * sample values in it are by design.
   */
  template?: boolean;
  /** OIDC response type when the config sets it (e.g. `id_token`). */
  responseType?: Located<string>;
  /**
   * The file only declares where the app receives redirects (an intent filter, a URL scheme); the request
   * that uses them, and the provider it signs in with, are in other files of the app.
   */
  receiver?: boolean;
  /** The range a finding about the config as a whole is anchored to. */
  range: Range;
  /**
   * The config is what a method does to a builder it receives (`AddPlatformConfiguration(builder)`, a
   * MAUI partial method per platform): the engine completes it from the config that passes its builder.
   */
  builderParameterOf?: string;
  /** Methods this config's builder is passed to (see builderParameterOf). */
  builderPassedTo?: string[];
}

/** An app registration: what Entra holds (manifest, IaC, AppCreationScripts). */
export interface AppRegistration {
  kind: 'registration';
  appId?: Located<string>;
  displayName?: string;
  signInAudience?: Located<SignInAudience>;
  /** A domain (or id) of the app's home tenant when the file holds one (manifest `publisherDomain`). */
  homeTenant?: Located<string>;
  /** allowPublicClient / isFallbackPublicClient / fallback_public_client_enabled. */
  allowPublicClient?: Located<boolean>;
  implicitAccessToken?: Located<boolean>;
  implicitIdToken?: Located<boolean>;
  /** Platform is web, spa or publicClient. */
  redirectUris: RedirectUri[];
  /** The file lists every redirect URI of the registration (a portal manifest: no list means none). */
  redirectsComplete?: boolean;
  /**
   * Set when the file shows the full redirect list of only some platforms: a script that updates an app
   * registered elsewhere (`az ad app update --web-redirect-uris …` leaves the SPA and public client lists
   * as they were). URIs of the other platforms may be registered outside the file. Absent: every list
   * the file shows is the whole list (a manifest, IaC, a script that creates the app).
   */
  redirectPlatforms?: ('web' | 'spa' | 'publicClient')[];
  /** The manifest schema, when the file is a whole portal manifest (fixes edit it in that schema's shape). */
  manifestSchema?: 'graph' | 'aad-graph';
  /** Where an entry of each platform list can be inserted by a fix (the array's range), when known. */
  redirectLists?: Partial<Record<'web' | 'spa' | 'publicClient', Range>>;
  range: Range;
}

/** An Android `<data>` element of an intent filter, for the activity that receives the redirect. */
export interface AndroidIntentData {
  activity: string;
  scheme?: Located<string>;
  host?: Located<string>;
  /** `android:path`: the one path the filter accepts. */
  path?: Located<string>;
  /** `android:pathPrefix` and `android:pathPattern`: the paths the filter accepts, no one path (a pattern `.*` takes any). */
  pathPrefix?: Located<string>;
  pathPattern?: Located<string>;
  /** The `<data>` element's range. */
  range: Range;
}

export interface AndroidManifestInfo {
  packageName?: Located<string>;
  intentData: AndroidIntentData[];
  /**
   * The app's own declaration of AppAuth's `net.openid.appauth.RedirectUriReceiverActivity`. With
   * `tools:node="replace"` (or `remove`) the library's `${appAuthRedirectScheme}` filter is gone.
   */
  appAuthReceiver?: { replacesLibrary: boolean; range: Range };
}

/** A value of an Android build file: its text, or `partial` when it is computed (a variable, a call). */
export interface AndroidBuildValue extends Located<string> {
  partial?: boolean;
}

/**
 * One block of a module's build file that feeds its build variants: `defaultConfig`, a build type
 * (`debug`, `release`, …) or a product flavour. Android Gradle joins them into each variant's id and
 * manifest placeholders.
 */
export interface AndroidBuildBlock {
  kind: 'defaultConfig' | 'buildType' | 'flavor';
  name: string;
  /** A flavour's dimension (`dimension "tier"`), when it names one. */
  dimension?: string;
  applicationId?: AndroidBuildValue;
  applicationIdSuffix?: AndroidBuildValue;
  /** `manifestPlaceholders` entries this block sets (`[k: v]`, `["k"] = v`, `put("k", v)`, `"k" to v`). */
  placeholders: { key: string; value: AndroidBuildValue }[];
  /** The block also sets placeholders the reader cannot see (a map from a variable): other keys may exist. */
  placeholdersPartial?: boolean;
  range: Range;
}

/** What an Android module's `build.gradle(.kts)` says about the app's ids and manifest placeholders. */
export interface AndroidBuildInfo {
  /** `com.android.application` or `com.android.library`, when the file applies one. */
  plugin?: 'application' | 'library';
  namespace?: AndroidBuildValue;
  /** `flavorDimensions` in their order (the first dimension's flavour wins a conflict). */
  flavorDimensions: string[];
  blocks: AndroidBuildBlock[];
  /** The script rewrites variants in code the reader does not follow (`applicationVariants.all`, `androidComponents`). */
  variantsPartial?: boolean;
}

/**
 * Code that names the MSAL config it creates its app from: `PublicClientApplication.create(context,
 * R.raw.auth_config, …)`. The config's rules then know the app uses that res/raw file.
 */
export interface AndroidConfigReference {
  /** The raw resource's name (`auth_config` for `R.raw.auth_config`): the file `res/raw/auth_config.json`. */
  resource: string;
  /** The factory called: `create`, `createSingleAccountPublicClientApplication`, … */
  factory: string;
  /** The range of `R.raw.<name>` in the code. */
  range: Range;
}

/** A `<string name="x">` of an Android value resource file (`res/values/strings.xml`, `res/values-fr/…`). */
export interface AndroidStringResource {
  name: string;
  /** The string as Android reads it (quotes and escapes removed), with the range of its text. */
  value: Located<string>;
}

/** What an Android value resource file declares. */
export interface AndroidValuesInfo {
  /** The folder's qualifiers (`fr`, `night`, `v21` …); '' for the default `res/values/`. */
  qualifier: string;
  strings: AndroidStringResource[];
}

/** A string resource Android code names (`R.string.redirect_uri`), wherever it is used. */
export interface AndroidStringReference {
  name: string;
  range: Range;
}

export interface IosPlistInfo {
  urlSchemes: Located<string>[];
  queriesSchemes: Located<string>[];
  /** Where a new CFBundleURLSchemes entry can be inserted by a fix (offset after the last entry). */
  urlSchemesInsertAt?: number;
  bundleIdentifier?: Located<string>;
}

/**
 * What a cross-platform app's own config says about the app (Expo `app.json` / `app.config.*`, Capacitor
 * `capacitor.config.*`): its URL schemes and ids, which JS sign-in code builds redirects from.
 */
export interface AppConfigInfo {
  framework: 'expo' | 'capacitor';
  /** URL schemes the app receives (Expo `expo.scheme`, a string or a list; `ios.scheme`, `android.scheme`). */
  schemes: Located<string>[];
  /** iOS bundle identifier (Expo `ios.bundleIdentifier`; Capacitor `appId`). */
  bundleIdentifier?: Located<string>;
  /** Android package (Expo `android.package`; Capacitor `appId`). */
  packageName?: Located<string>;
  /** Config plugins the app uses, by package name (`react-native-msal`, `react-native-app-auth` …). */
  plugins: Located<string>[];
  /** The Android signature hash a plugin registers the broker redirect with (react-native-msal's `androidPackageSignatureHash`). */
  signatureHash?: Located<string>;
  /** Capacitor: the origin the app's WebView serves on each platform (`capacitor://localhost` on iOS by default). */
  webViewOrigins?: Partial<Record<'ios' | 'android', Located<string>>>;
  /** Some values are computed (a function, an environment variable): what is missing may still be set. */
  partial?: boolean;
}

/**
 * How a code file signs in when it shows it outside a config object (an Electron main process that opens
 * the authorize URL in a BrowserWindow, or calls msal-node's acquireTokenInteractive): it applies to the
 * configs of the app that hold no user agent of their own (a JSON config the code imports).
 */
export interface SignInCode {
  library: Library;
  userAgent: UserAgent;
  /** Config files the code imports (paths as written, relative to the file). */
  configImports: string[];
}

export interface ParseProblem {
  message: string;
  range: Range;
}

/**
 * What a code file declares for other files and what it needs from them, for the engine's cross-file
 * link (engine/link.ts). Values are in the evaluator's IR (values/ir.ts), with the file's own names
 * already resolved; the names left are those other files may declare.
 */
export interface CodeSymbols {
  /** Files link only with files of the same language (C# files of a project, JS/TS modules by import). */
  language: 'csharp' | 'js';
  exports: ExportedSymbol[];
  /** JS: the names this module imports, by local name. */
  imports?: ImportedSymbol[];
  pending: PendingValue[];
}

/** A value a file declares: a C# member or assignment (`PlatformConfig.RedirectUri`), a JS export. */
export interface ExportedSymbol {
  /** The names other files find it under (C#: `Type.Member`, the assigned path; JS: the export name, `default`). */
  names: string[];
  expr: ValueExpr;
  range: Range;
  platform?: Platform;
}

/** JS `import { imported as local } from 'module'` (`imported` is `default` or `*` for those forms). */
export interface ImportedSymbol {
  local: string;
  module: string;
  imported: string;
}

/** A config field whose value depends on names the file could not resolve itself. */
export interface PendingValue {
  /** Index of the config in the file's `configs`. */
  config: number;
  field: 'redirectUri' | 'postLogoutRedirectUri' | 'clientId' | 'authority' | 'knownAuthorities';
  expr: ValueExpr;
  /** The platform a redirect URI gets when its value does not say one. */
  platform?: Platform;
  /** The expression in this file: the values read locally from it are replaced by the linked ones. */
  range: Range;
}

/** The result of reading one file: what it says, never a judgement about it. */
export interface ParsedFile {
  /** Path as given to the engine (absolute in the CLI and the extension). */
  path: string;
  format: FormatId;
  text: string;
  configs: AuthConfig[];
  registrations: AppRegistration[];
  android?: AndroidManifestInfo;
  /** An Android module's build file (Gradle): ids and manifest placeholders per build variant. */
  androidBuild?: AndroidBuildInfo;
  /** MSAL configs in res/raw that this code creates its app from. */
  androidConfigRefs?: AndroidConfigReference[];
  /** An Android value resource file's strings; its configs are filled in by the workspace from the code that sends them. */
  androidValues?: AndroidValuesInfo;
  /** String resources the code names (`R.string.x`): a redirect the code passes through variables may be one of them. */
  androidStringRefs?: AndroidStringReference[];
  ios?: IosPlistInfo;
  /** Expo or Capacitor app config. */
  app?: AppConfigInfo;
  /** Sign-in code outside a config object (see SignInCode). */
  signIn?: SignInCode;
  problems: ParseProblem[];
  /** Ranges of comments, for suppression directives and for skipping commented-out values. */
  comments?: Range[];
  /** Set when the file was not read (too large, binary); the reason is reported as an information finding. */
  skipped?: string;
  /**
   * A template a scaffolding tool renders later (`.env.dev.user.tpl`, a file whose syntax breaks only at
   * `{{#section}}` tags): its parse problems are the template engine's syntax, and its configs are templates.
   */
  template?: boolean;
  /** Code files: exported values and values that need other files (see CodeSymbols). */
  symbols?: CodeSymbols;
}

export interface Location {
  file: string;
  range: Range;
  start: Position;
  end: Position;
}

export interface RelatedInfo extends Location {
  message: string;
}

export interface TextEdit {
  file: string;
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  /** Safe to apply with no one looking (CLI --fix, fix-all on save). */
  unattended: boolean;
  /**
   * The fix the rule means as the answer (the safe redirect): the editor offers it as preferred when applying
   * it resolves the finding without raising another (fixes/verify.ts checks that on the workspace).
   */
  preferred?: boolean;
  edits: TextEdit[];
}

export interface Finding extends Location {
  ruleId: string;
  severity: Severity;
  /** AADSTS (or MSAL) codes the finding prevents, e.g. ["AADSTS50199"]. */
  codes: string[];
  /** One short sentence: the value, the code and the fix. */
  message: string;
  /** The longer explanation behind the message (hover text); absent when the message says it all. */
  detail?: string;
  related: RelatedInfo[];
  fixes: Fix[];
}
