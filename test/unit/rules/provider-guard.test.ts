import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../../src/core/rules';
import { listScenarios, runScenario } from '../../helpers/scenarios';
import { configFile, lintModel } from './model-builders';

// "Is it Entra?" in one place: a rule about Entra reads configs through entraConfigs / redirectsOf
// (rules/types.ts), which leave out the configs of other identity providers (Google, Okta, Auth0, Duende,
// Keycloak …) and keep the ones whose provider is not known. These checks fail when a rule goes around
// that guard, or when a new rule about Entra has no case showing that another provider's config is left alone.

const RULES_DIR = path.resolve(__dirname, '../../../../src/core/rules');

/** Rules that judge any provider's files alike. */
const PROVIDER_NEUTRAL: Record<string, string> = {
  'committed-secret': 'a secret is a secret for any provider',
  'parse-error': 'a broken file is broken for any provider',
  'file-skipped': 'says why a file was not read, whatever it holds',
};

/** Rules about Entra that need no non-entra-* case, and why no other provider's config can reach them. */
const NO_OTHER_PROVIDER: Record<string, string> = {
  'duplicate-redirect': 'judges app registrations only, which are always Entra',
  'too-many-redirects': 'judges app registrations only, which are always Entra',
  'unregistered-redirect': 'judges a config only against the app registration of its client id',
  'spa-redirect-on-web-platform': 'judges a config only against the app registration of its client id',
  'public-client-redirect-on-web-platform': 'judges a config only against the app registration of its client id',
  'implicit-grant-enabled': 'judges registrations, and a config only against the app registration of its client id',
  'authority-audience-mismatch': 'judges Entra authorities only',
  'android-redirect-mismatch': 'judges MSAL Android configs only (MSAL talks to Microsoft authorities only)',
  'ios-url-scheme-missing': "judges Info.plist broker schemes and MSAL's iOS configs (AppAuth needs no declared scheme)",
};

/** A non-entra-* case keeps its Entra twin (the same values with an Entra authority) under this folder. */
const TWIN = 'entra-twin';

const nonEntraCases = listScenarios().filter((s) => s.name.startsWith('non-entra-'));

describe('rules about Entra leave other identity providers alone', () => {
  it('every rule says which providers it judges; only the neutral ones judge any', () => {
    const wrong = RULES.filter((r) => (r.meta.providers === 'any') !== r.meta.id in PROVIDER_NEUTRAL).map((r) => `${r.meta.id}: ${r.meta.providers}`);
    assert.deepEqual(wrong, []);
  });

  it('a rule about Entra reads a file’s configs only through entraConfigs or redirectsOf', () => {
    const offenders = RULES.filter((r) => r.meta.providers === 'entra')
      .filter((r) => /\bfile\.configs\b/.test(fs.readFileSync(path.join(RULES_DIR, `${r.meta.id}.ts`), 'utf8')))
      .map((r) => r.meta.id);
    assert.deepEqual(offenders, []);
  });

  it('every rule about Entra that judges configs has a non-entra-* case with an Entra twin', () => {
    const missing = RULES.filter((r) => r.meta.providers === 'entra' && !(r.meta.id in NO_OTHER_PROVIDER))
      .filter((r) => !nonEntraCases.some((s) => s.topic === r.meta.id && fs.existsSync(path.join(s.dir, TWIN))))
      .map((r) => `${r.meta.id}: add test/scenarios/${r.meta.id}/non-entra-…/ (another provider's config, and its twin in ${TWIN}/)`);
    assert.deepEqual(missing, []);
  });

  it('judges a config whose provider is not known (no authority in view), and leaves out one for another provider', () => {
    const located = (value: string) => ({ value, range: { start: 0, end: 0 } });
    const unknown = configFile('/w/unknown.ts', 'urn:ietf:wg:oauth:2.0:oob', { library: 'appauth-android' });
    const google = configFile('/w/google.ts', 'urn:ietf:wg:oauth:2.0:oob', { library: 'appauth-android', authority: located('https://accounts.google.com') });
    assert.equal(lintModel([unknown], unknown.path, 'urn-redirect').length, 1);
    assert.equal(lintModel([google], google.path, 'urn-redirect').length, 0);
  });

  for (const scenario of nonEntraCases) {
    it(`${scenario.topic}/${scenario.name}: silent for the other provider, its rule fires on the Entra twin`, () => {
      const { findings } = runScenario(scenario);
      const twin = path.join(scenario.dir, TWIN) + path.sep;
      const outside = findings.filter((f) => !f.file.startsWith(twin) && !(f.ruleId in PROVIDER_NEUTRAL));
      assert.deepEqual(
        outside.map((f) => `${path.relative(scenario.dir, f.file)}:${f.start.line + 1} ${f.ruleId}`),
        [],
        'a rule about Entra judged another provider',
      );
      if (fs.existsSync(twin)) {
        assert.ok(
          findings.some((f) => f.file.startsWith(twin) && f.ruleId === scenario.topic),
          `${scenario.topic} does not fire on ${TWIN}/`,
        );
      }
    });
  }
});
