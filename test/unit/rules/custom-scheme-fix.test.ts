import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/fixes/apply';
import type { ParsedFile } from '../../../src/core/model';
import { configFile, lintModel, registrationFile } from './model-builders';

const located = (value: string) => ({ value, range: { start: 0, end: 0 } });

function fixedText(file: ParsedFile, ruleId: string, files: ParsedFile[] = [file]): { text: string; unattended: boolean } | undefined {
  const [finding] = lintModel(files, file.path, ruleId);
  const fix = finding?.fixes[0];
  return fix ? { text: applyEdits(file.text, fix.edits), unattended: fix.unattended } : undefined;
}

describe('custom-scheme-redirect fixes', () => {
  it('offers http://localhost for a desktop app, never unattended', () => {
    const electron = configFile('/w/main.ts', 'contoso-desktop://auth', { library: 'electron' });
    assert.deepEqual(fixedText(electron, 'custom-scheme-redirect'), { text: "redirectUri: 'http://localhost'\n", unattended: false });
    const registration = registrationFile('/w/manifest.json', ['contoso-desktop://auth'], {}, 'publicClient');
    assert.deepEqual(fixedText(registration, 'custom-scheme-redirect'), { text: '"http://localhost"\n', unattended: false });
  });

  it('derives msauth.<bundle id>://auth from the Info.plist of the app', () => {
    const plist: ParsedFile = {
      path: '/w/app/Platforms/iOS/Info.plist',
      format: 'ios-plist',
      text: '',
      configs: [],
      registrations: [],
      problems: [],
      ios: { urlSchemes: [located('contoso')], queriesSchemes: [], bundleIdentifier: located('com.contoso.app') },
    };
    const config = configFile('/w/app/MauiProgram.cs', 'contoso://auth', { platform: 'ios', library: 'msal-dotnet' }, { platform: 'ios' });
    assert.equal(fixedText(config, 'custom-scheme-redirect', [config, plist])?.text, "redirectUri: 'msauth.com.contoso.app://auth'\n");
    plist.ios!.bundleIdentifier = located('$(PRODUCT_BUNDLE_IDENTIFIER)');
    assert.equal(fixedText(config, 'custom-scheme-redirect', [config, plist]), undefined, 'an unresolved bundle id gives no fix');
  });

  it('derives msauth://<package>/<encoded hash> from the module manifest, and nothing for a mobile .NET app without one', () => {
    const manifest: ParsedFile = {
      path: '/w/app/src/main/AndroidManifest.xml',
      format: 'android-manifest',
      text: '',
      configs: [],
      registrations: [],
      problems: [],
      android: {
        packageName: located('com.contoso.app'),
        intentData: [
          {
            activity: 'com.microsoft.identity.client.BrowserTabActivity',
            scheme: located('msauth'),
            host: located('com.contoso.app'),
            path: located('/aB3+cD4='),
            range: { start: 0, end: 0 },
          },
        ],
      },
    };
    const config = configFile('/w/app/src/main/java/Auth.kt', 'msal6a1f://auth', { platform: 'android', library: 'msal-android' }, { platform: 'android' });
    assert.equal(fixedText(config, 'custom-scheme-redirect', [config, manifest])?.text, "redirectUri: 'msauth://com.contoso.app/aB3%2BcD4%3D'\n");
    const maui = configFile('/w/maui/MauiProgram.cs', 'msal6a1f://auth', { library: 'msal-dotnet' });
    assert.equal(fixedText(maui, 'custom-scheme-redirect'), undefined);
  });
});

describe('urn-redirect fix', () => {
  it('replaces the oob value with nativeclient, is not unattended, and other urn values get no fix', () => {
    const registration = registrationFile('/w/manifest.json', ['urn:ietf:wg:oauth:2.0:oob', 'urn:example:cb'], {}, 'publicClient');
    const findings = lintModel([registration], registration.path, 'urn-redirect');
    assert.equal(findings.length, 2);
    const [fix] = findings[0].fixes;
    assert.equal(fix.unattended, false);
    assert.equal(applyEdits(registration.text, fix.edits), '"https://login.microsoftonline.com/common/oauth2/nativeclient"\n"urn:example:cb"\n');
    assert.deepEqual(findings[1].fixes, []);
  });
});
