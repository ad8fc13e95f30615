import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { assertInlineExpectations, FIXTURES, lintFixtures } from '../../helpers/expectations';
import { filesUnder } from '../../helpers/files';

// Whole iOS apps: the Info.plist receives the redirect, the app's code (Swift, Objective-C, C#) decides
// which redirect is sent and through which user agent. Each folder is one app with inline expectations.

const APPS = path.join(FIXTURES, 'rules/ios-apps');
const RULES = ['custom-scheme-redirect', 'ios-url-scheme-missing'];
const app = (name: string) => filesUnder(path.join(APPS, name));
const findingsIn = (name: string, file: string) => lintFixtures(app(name)).findings.get(path.join(APPS, name, file)) ?? [];

describe('iOS apps: the plist receives, the code decides', () => {
  for (const name of ['default-broker', 'b2c-default', 'explicit', 'broker-off', 'maui-broker', 'appauth']) {
    it(`${name}: the findings its files expect`, () => assertInlineExpectations(app(name), RULES));
  }

  it("judges the plist's msauth scheme through the broker that C# code in another file enables (issue 16)", () => {
    const [finding] = findingsIn('maui-broker', 'Platforms/iOS/Info.plist').filter((f) => f.ruleId === 'custom-scheme-redirect');
    assert.match(finding.message, /through the broker \(WithBroker\)/);
    assert.equal(finding.related.length, 1);
    assert.equal(path.basename(finding.related[0].file), 'MsalClientHelper.cs');
  });
});
