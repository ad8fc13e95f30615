// The headline fix, end to end on real file texts: the safe redirect in every format where one exists,
// applied to the config and its registration (and the plist, the broker switch) in one fix, preferred only
// when it trades nothing. Shapes: msal-node desktop configs with a custom protocol as in
// AzureAD/microsoft-authentication-library-for-js samples/msal-node-samples/ElectronSystemBrowserApp;
// portal manifests as the Entra admin center's Manifest blade exports them; AppCreationScripts/sample.json
// as in the Azure-Samples ms-identity-* repositories; Info.plist as AzureAD/microsoft-authentication-library-for-objc's
// README shows it; MSAL Android's res/raw/auth_config.json and BrowserTabActivity as in
// AzureAD/microsoft-authentication-library-for-android's README; MSAL.NET builders as in
// Azure-Samples/ms-identity-dotnet-desktop-tutorial and the MAUI samples.
import * as assert from 'node:assert/strict';
import { applyEdits, editsByFile } from '../../../src/core/fixes/apply';
import { fixOutcome, preferredFixIndex } from '../../../src/core/fixes/verify';
import { Project } from '../../../src/core/engine/project';
import type { Finding, Fix } from '../../../src/core/model';

function project(files: Record<string, string>): Project {
  const p = new Project({}, '/w');
  for (const [path, text] of Object.entries(files)) p.setFile(path, text);
  return p;
}

/**
 * The one finding of `ruleId` in `path`, or the stronger finding it was folded into on the same range (the
 * engine keeps one finding per problem: its detail then says "Also (<rule>): …").
 */
function finding(p: Project, path: string, ruleId = 'custom-scheme-redirect'): Finding {
  const all = p.lintFile(path);
  const found = all.filter((f) => f.ruleId === ruleId || f.detail?.includes(`Also (${ruleId}):`));
  assert.equal(found.length, 1, `one ${ruleId} in ${path}: ${all.map((f) => `${f.ruleId}: ${f.message}`).join(' | ')}`);
  return found[0];
}

/** The safe-redirect fix of a finding (the first when the finding is custom-scheme-redirect's own). */
function safeFix(f: Finding): { fix: Fix; index: number } {
  const index = f.fixes.findIndex((fix) => fix.title.startsWith('Use the safe redirect') || fix.title.startsWith('Remove '));
  assert.ok(index >= 0, `a safe-redirect fix among ${f.fixes.map((x) => x.title).join(' | ')}`);
  return { fix: f.fixes[index], index };
}

/** Every file's text after the fix. */
function applied(p: Project, fix: Fix): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [path, edits] of editsByFile(fix.edits)) result[path] = applyEdits(p.index.get(path)!.text, edits);
  return result;
}

/** Errors and warnings over the whole project. */
function counts(p: Project): { errors: number; warnings: number } {
  const all = [...p.lintAll().values()].flat();
  return { errors: all.filter((f) => f.severity === 'error').length, warnings: all.filter((f) => f.severity === 'warning').length };
}

/** The project after the fix, to check that nothing went up. */
function after(p: Project, fix: Fix): Project {
  const next = new Project({}, '/w');
  const changed = applied(p, fix);
  for (const file of p.index.all()) next.setFile(file.path, changed[file.path] ?? file.text);
  return next;
}

function assertNothingTraded(p: Project, fix: Fix): void {
  const before = counts(p);
  const now = counts(after(p, fix));
  assert.ok(now.errors <= before.errors && now.warnings <= before.warnings, `before ${JSON.stringify(before)}, after ${JSON.stringify(now)}`);
  assert.ok(now.errors + now.warnings < before.errors + before.warnings, 'something was fixed');
}

const CLIENT = '7b6a5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d';
const ELECTRON = `const { PublicClientApplication } = require('@azure/msal-node');
const CLIENT_ID = '${CLIENT}';
const msalConfig = { auth: { clientId: CLIENT_ID, authority: 'https://login.microsoftonline.com/fabrikam.onmicrosoft.com' } };
const authCodeUrlParameters = { scopes: ['User.Read'], redirectUri: \`msal\${CLIENT_ID}://auth\` };
module.exports = { msalConfig, authCodeUrlParameters };
`;
const manifest = (publicClient: string[]) =>
  `{\n  "appId": "${CLIENT}",\n  "signInAudience": "AzureADMyOrg",\n  "isFallbackPublicClient": true,\n  "publicClient": {\n    "redirectUris": [${publicClient.map((u) => `\n      "${u}"`).join(',')}${publicClient.length ? '\n    ' : ''}]\n  }\n}\n`;

describe('the safe-redirect fix (custom-scheme-redirect)', () => {
  it('a JS template literal: http://localhost in the config and added to its registration, preferred, nothing traded', () => {
    const p = project({ '/w/src/authConfig.js': ELECTRON, '/w/registration.json': manifest([]) });
    // The redirect is also unregistered (an error): that finding stays and carries this one (engine/one-finding.ts).
    const f = finding(p, '/w/src/authConfig.js');
    assert.match(f.detail ?? '', /Also \(custom-scheme-redirect\): .*use http:\/\/localhost\.$/);
    const { fix, index } = safeFix(f);
    assert.equal(fix.title, 'Use the safe redirect http://localhost in authConfig.js and registration.json');
    const texts = applied(p, fix);
    assert.match(texts['/w/src/authConfig.js'], /redirectUri: `http:\/\/localhost` \}/);
    assert.equal(JSON.parse(texts['/w/registration.json']).publicClient.redirectUris[0], 'http://localhost');
    assert.equal(preferredFixIndex(p, f), index);
    assertNothingTraded(p, fix);
  });

  it('never prefers registering the custom scheme (it clears AADSTS50011 and adds an AADSTS50199 warning)', () => {
    const p = project({ '/w/src/authConfig.js': ELECTRON, '/w/registration.json': manifest([]) });
    const unregistered = finding(p, '/w/src/authConfig.js', 'unregistered-redirect');
    const register = unregistered.fixes.find((fix) => fix.title.startsWith("Register 'msal"));
    assert.ok(register);
    const outcome = fixOutcome(p, unregistered, register);
    assert.equal(outcome.resolves, true);
    // The custom scheme is then registered (a warning there) and the config's own custom-scheme finding, folded
    // into the unregistered one until now, shows on its own.
    assert.deepEqual(outcome.raised, ['/w/src/authConfig.js · custom-scheme-redirect · warning', '/w/registration.json · custom-scheme-redirect · warning']);
    // The finding carries the safe redirect too (folded from custom-scheme-redirect): that one is preferred.
    assert.equal(preferredFixIndex(p, unregistered), safeFix(unregistered).index);
    assert.notEqual(unregistered.fixes.indexOf(register), safeFix(unregistered).index);
  });

  it('.env and its registration holding the same custom scheme: both replaced', () => {
    const env = `CLIENT_ID=${CLIENT}\nTENANT_ID=fabrikam.onmicrosoft.com\nREDIRECT_URI=fabrikam-tasks://auth\n`;
    const p = project({ '/w/desktop/.env': env, '/w/registration.json': manifest(['fabrikam-tasks://auth']) });
    const f = finding(p, '/w/desktop/.env');
    const texts = applied(p, f.fixes[0]);
    assert.equal(texts['/w/desktop/.env'], env.replace('fabrikam-tasks://auth', 'http://localhost'));
    assert.equal(texts['/w/registration.json'], manifest(['http://localhost']));
    assert.equal(preferredFixIndex(p, f), 0);
    assertNothingTraded(p, f.fixes[0]);
    // From the registration's side the same fix: the entry and the app that sends it.
    const fromRegistration = finding(p, '/w/registration.json');
    assert.deepEqual(applied(p, fromRegistration.fixes[0]), texts);
    assert.equal(preferredFixIndex(p, fromRegistration), 0);
  });

  it('a registration that already holds http://localhost: the custom entry is removed; with no app in view, not preferred', () => {
    const p = project({ '/w/registration.json': manifest(['fabrikam-desktop://auth', 'http://localhost']) });
    const f = finding(p, '/w/registration.json');
    assert.equal(f.fixes[0].title, "Remove 'fabrikam-desktop://auth' (http://localhost is registered)");
    assert.equal(applied(p, f.fixes[0])['/w/registration.json'], manifest(['http://localhost']));
    assert.equal(preferredFixIndex(p, f), -1, 'the app that sends it is not in view');
  });

  it('Terraform and Bicep lists and AppCreationScripts ReplyUrls, in their own layout', () => {
    const tf = `resource "azuread_application" "kiosk" {\n  display_name = "Kiosk"\n  public_client {\n    redirect_uris = [\n      "contoso-kiosk://callback",\n      "http://localhost:8400/",\n    ]\n  }\n}\n`;
    const bicep = `resource app 'Microsoft.Graph/applications@v1.0' = {\n  uniqueName: 'reports'\n  publicClient: {\n    redirectUris: [\n      'com.contoso.reports:/oauth2redirect'\n    ]\n  }\n}\n`;
    const acs = `{\n  "AADApps": [\n    {\n      "Id": "desktop",\n      "Kind": "Desktop",\n      "ReplyUrls": "http://localhost, contoso-desktop://auth, https://login.microsoftonline.com/common/oauth2/nativeclient"\n    }\n  ]\n}\n`;
    const p = project({ '/w/infra/main.tf': tf, '/w/infra/app.bicep': bicep, '/w/AppCreationScripts/sample.json': acs });
    assert.equal(applied(p, finding(p, '/w/infra/main.tf').fixes[0])['/w/infra/main.tf'], tf.replace('      "contoso-kiosk://callback",\n', ''));
    assert.equal(
      applied(p, finding(p, '/w/infra/app.bicep').fixes[0])['/w/infra/app.bicep'],
      bicep.replace('com.contoso.reports:/oauth2redirect', 'http://localhost'),
    );
    assert.equal(
      applied(p, finding(p, '/w/AppCreationScripts/sample.json').fixes[0])['/w/AppCreationScripts/sample.json'],
      acs.replace('contoso-desktop://auth, ', ''),
    );
  });

  it("an Info.plist URL scheme: msauth.<bundle id>, and LSApplicationQueriesSchemes added in the file's indentation", () => {
    const plist = `<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n\t<key>CFBundleIdentifier</key>\n\t<string>com.fabrikam.todo</string>\n\t<key>CFBundleURLTypes</key>\n\t<array>\n\t\t<dict>\n\t\t\t<key>CFBundleURLSchemes</key>\n\t\t\t<array>\n\t\t\t\t<string>msal${CLIENT}</string>\n\t\t\t</array>\n\t\t</dict>\n\t</array>\n</dict>\n</plist>\n`;
    const p = project({ '/w/ios/App/Info.plist': plist });
    const f = finding(p, '/w/ios/App/Info.plist');
    assert.match(f.message, /use msauth\.com\.fabrikam\.todo:\/\/auth\.$/);
    const text = applied(p, f.fixes[0])['/w/ios/App/Info.plist'];
    assert.equal(
      text,
      plist
        .replace(`msal${CLIENT}`, 'msauth.com.fabrikam.todo')
        .replace(
          '\t</array>\n</dict>\n</plist>',
          '\t</array>\n\t<key>LSApplicationQueriesSchemes</key>\n\t<array>\n\t\t<string>msauthv2</string>\n\t\t<string>msauthv3</string>\n\t</array>\n</dict>\n</plist>',
        ),
    );
    assert.equal(preferredFixIndex(p, f), 0);
    assertNothingTraded(p, f.fixes[0]);
    // With msauthv2 there already, only msauthv3 is added, after it.
    const partial = plist.replace(
      '\t</array>\n</dict>',
      '\t</array>\n\t<key>LSApplicationQueriesSchemes</key>\n\t<array>\n\t\t<string>msauthv2</string>\n\t</array>\n</dict>',
    );
    const q = project({ '/w/ios/App/Info.plist': partial });
    assert.match(
      applied(q, finding(q, '/w/ios/App/Info.plist').fixes[0])['/w/ios/App/Info.plist'],
      /<string>msauthv2<\/string>\n\t\t<string>msauthv3<\/string>\n\t<\/array>/,
    );
  });

  it("MSAL.NET on iOS: msauth.<bundle id>://auth, the scheme in the app's Info.plist and .WithBroker() in one fix", () => {
    const cs = `using Microsoft.Identity.Client;\n\npublic static class Auth\n{\n    public const string ClientId = "${CLIENT}";\n\n    public static IPublicClientApplication Create()\n    {\n        var builder = PublicClientApplicationBuilder.Create(ClientId);\n#if __IOS__\n        builder = builder.WithRedirectUri($"msal{ClientId}://auth");\n#endif\n        return builder.Build();\n    }\n}\n`;
    const plist = `<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n  <key>CFBundleIdentifier</key>\n  <string>com.fabrikam.notes</string>\n  <key>CFBundleURLTypes</key>\n  <array>\n    <dict>\n      <key>CFBundleURLSchemes</key>\n      <array>\n        <string>fabrikamnotes</string>\n      </array>\n    </dict>\n  </array>\n</dict>\n</plist>\n`;
    const p = project({ '/w/app/Auth.cs': cs, '/w/app/Platforms/iOS/Info.plist': plist });
    // ios-url-scheme-missing (the scheme is not in the Info.plist) is the stronger finding on the redirect.
    const f = finding(p, '/w/app/Auth.cs');
    assert.match(f.detail ?? '', /use msauth\.com\.fabrikam\.notes:\/\/auth\.$/);
    const texts = applied(p, safeFix(f).fix);
    assert.match(texts['/w/app/Auth.cs'], /builder\.WithRedirectUri\(\$"msauth\.com\.fabrikam\.notes:\/\/auth"\)\.WithBroker\(\);/);
    assert.match(texts['/w/app/Platforms/iOS/Info.plist'], /<string>fabrikamnotes<\/string>\n {8}<string>msauth\.com\.fabrikam\.notes<\/string>/);
    assert.match(texts['/w/app/Platforms/iOS/Info.plist'], /<key>LSApplicationQueriesSchemes<\/key>\n {2}<array>\n {4}<string>msauthv2<\/string>/);
  });

  it("MSAL Android: the broker redirect from the module's intent filter and broker_redirect_uri_registered true", () => {
    const config = `{\n  "client_id": "${CLIENT}",\n  "authorization_user_agent": "DEFAULT",\n  "redirect_uri": "fabrikam-field://auth",\n  "broker_redirect_uri_registered": false\n}\n`;
    const androidManifest = `<?xml version="1.0" encoding="utf-8"?>\n<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.fabrikam.field">\n  <application>\n    <activity android:name="com.microsoft.identity.client.BrowserTabActivity" android:exported="true">\n      <intent-filter>\n        <action android:name="android.intent.action.VIEW" />\n        <category android:name="android.intent.category.DEFAULT" />\n        <category android:name="android.intent.category.BROWSABLE" />\n        <data android:scheme="msauth" android:host="com.fabrikam.field" android:path="/Xo8WBi6jzSxKDVR4drqm84yr9iU=" />\n      </intent-filter>\n    </activity>\n  </application>\n</manifest>\n`;
    const p = project({ '/w/app/src/main/res/raw/auth_config.json': config, '/w/app/src/main/AndroidManifest.xml': androidManifest });
    const f = finding(p, '/w/app/src/main/res/raw/auth_config.json');
    const { fix, index } = safeFix(f);
    const text = applied(p, fix)['/w/app/src/main/res/raw/auth_config.json'];
    assert.equal(
      text,
      config
        .replace('fabrikam-field://auth', 'msauth://com.fabrikam.field/Xo8WBi6jzSxKDVR4drqm84yr9iU%3D')
        .replace('"broker_redirect_uri_registered": false', '"broker_redirect_uri_registered": true'),
    );
    assert.equal(preferredFixIndex(p, f), index);
  });
});
