import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { filesUnder } from '../../helpers/files';
import { lintFixtures } from '../../helpers/expectations';
import { SCENARIOS } from '../../helpers/scenarios';
import type { AndroidBuildInfo, AndroidIntentData } from '../../../src/core/model';
import { androidModuleRoot, androidVariants, resolveIntentData, resolvePlaceholders, sourceSetOf } from '../../../src/core/rules/shared/android-app';

const APPS = path.join(SCENARIOS, 'android-apps');
const at = { start: 0, end: 0 };
const value = (v: string, partial = false) => (partial ? { value: v, range: at, partial } : { value: v, range: at });

describe('Android apps: modules, build variants and placeholders', () => {
  it('finds the module and source set of Gradle, Eclipse and Flutter layouts', () => {
    assert.equal(androidModuleRoot('/w/app/src/main/res/raw/auth_config.json'), '/w/app/');
    assert.equal(androidModuleRoot('/w/app/src/debug/AndroidManifest.xml'), '/w/app/');
    assert.equal(androidModuleRoot('/w/app/build.gradle.kts'), '/w/app/');
    assert.equal(androidModuleRoot('/w/app/res/raw/auth_config.json'), '/w/app/', 'AppAuth demo layout');
    assert.equal(androidModuleRoot('C:\\w\\app\\src\\main\\java\\A.kt'), 'C:/w/app/');
    assert.equal(sourceSetOf('/w/app/src/freeDebug/res/raw/a.json'), 'freeDebug');
    assert.equal(sourceSetOf('/w/app/res/raw/a.json'), 'main');
  });

  it('joins ids and placeholders per variant: flavour id and suffixes, build type last; unknown stays unknown', () => {
    const build: AndroidBuildInfo = {
      plugin: 'application',
      flavorDimensions: [],
      blocks: [
        { kind: 'defaultConfig', name: 'defaultConfig', applicationId: value('com.contoso'), placeholders: [{ key: 'hash', value: value('/r=') }], range: at },
        { kind: 'buildType', name: 'debug', applicationIdSuffix: value('debug'), placeholders: [{ key: 'hash', value: value('/d=') }], range: at },
        { kind: 'flavor', name: 'beta', applicationIdSuffix: value('.beta'), placeholders: [{ key: 'hash', value: value('', true) }], range: at },
      ],
    };
    const variants = new Map(androidVariants(build).map((v) => [v.name, v]));
    assert.deepEqual([...variants.keys()], ['betaDebug', 'betaRelease']);
    assert.equal(variants.get('betaDebug')!.applicationId, 'com.contoso.beta.debug', 'a suffix without a dot gets one');
    assert.equal(variants.get('betaDebug')!.placeholders.get('hash'), '/d=', 'the build type wins over the flavour');
    assert.equal(variants.get('betaRelease')!.placeholders.get('hash'), undefined, "the flavour's computed value is unknown");
    const data: AndroidIntentData = { activity: 'x', scheme: value('msauth'), host: value('${applicationId}'), path: value('${hash}'), range: at };
    assert.deepEqual(resolveIntentData(data, variants.get('betaDebug')!), { scheme: 'msauth', host: 'com.contoso.beta.debug', path: '/d=' });
    assert.equal(resolveIntentData(data, variants.get('betaRelease')!), undefined);
    assert.equal(resolvePlaceholders('@string/msal_path', variants.get('betaDebug')!), undefined, 'resources are not resolved');
    const [unknown] = androidVariants(undefined);
    assert.equal(resolvePlaceholders('${applicationId}', unknown), undefined, 'no build file in view: the id is not known');
    const library = androidVariants({ ...build, plugin: 'library' });
    assert.ok(
      library.every((v) => v.applicationId === undefined),
      "a library's ${applicationId} is its host app's",
    );
  });

  it('caps the variants of many flavour dimensions', () => {
    const flavors = Array.from({ length: 6 }, (_, d) =>
      Array.from({ length: 5 }, (_, f) => ({ kind: 'flavor' as const, name: `f${d}x${f}`, dimension: `d${d}`, placeholders: [], range: at })),
    ).flat();
    const variants = androidVariants({ flavorDimensions: [], blocks: flavors });
    assert.ok(variants.length <= 64);
  });
});

describe('Android apps: the user agent and provider of a redirect', () => {
  // test/scenarios/android-apps holds the cases with their expectations; these check what the messages say.
  it('counts the broker when any config of the app enables it, and says when MSAL turns it off', () => {
    const { findings } = lintFixtures(filesUnder(APPS));
    const manifest = [...findings.entries()].find(([file]) => file.includes('broker-any-config') && file.endsWith('AndroidManifest.xml'))![1];
    const [brokered] = manifest.filter((f) => f.ruleId === 'custom-scheme-redirect');
    assert.match(
      `${brokered.message} ${brokered.detail ?? ''}`,
      /signs in through the broker when Microsoft Authenticator or Company Portal is installed, otherwise Custom Tabs/,
    );
    assert.ok(
      brokered.related.some((r) => r.file.endsWith('auth_config_single_account.json')),
      'related information points at the config that enables the broker',
    );
    const legacy = [...findings.entries()].find(([file]) => file.includes('legacy-redirect') && file.endsWith('.json'))![1];
    const [off] = legacy.filter((f) => f.ruleId === 'custom-scheme-redirect');
    assert.match(`${off.message} ${off.detail ?? ''}`, /MSAL does not use the broker: redirect_uri is not msauth:\/\/com\.contoso\.app\//);
    assert.ok(
      off.related.some((r) => r.file.endsWith('build.gradle')),
      'related information points at the applicationId',
    );
  });
});
