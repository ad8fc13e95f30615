import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { lintFixtures } from '../../helpers/expectations';
import { filesUnder } from '../../helpers/files';
import { SCENARIOS } from '../../helpers/scenarios';

// Whole iOS apps (test/scenarios/ios-apps, whose expectations the scenario runner checks): the Info.plist
// receives the redirect, the app's code (Swift, Objective-C, C#) decides which redirect is sent and through
// which user agent. Here: what the findings say and where their evidence points.

const APPS = path.join(SCENARIOS, 'ios-apps');
const app = (name: string) => filesUnder(path.join(APPS, name));
const findingsIn = (name: string, file: string) => lintFixtures(app(name)).findings.get(path.join(APPS, name, file)) ?? [];

describe('iOS apps: the plist receives, the code decides', () => {
  it("judges the plist's msauth scheme through the broker that C# code in another file enables (issue 16)", () => {
    const [finding] = findingsIn('maui-broker', 'Platforms/iOS/Info.plist').filter((f) => f.ruleId === 'custom-scheme-redirect');
    assert.match(finding.detail ?? '', /through the broker \(WithBroker\)/);
    assert.equal(finding.related.length, 1);
    assert.equal(path.basename(finding.related[0].file), 'MsalClientHelper.cs');
  });
});
