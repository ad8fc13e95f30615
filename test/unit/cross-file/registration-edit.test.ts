import * as assert from 'node:assert/strict';
import { graphManifestFormat } from '../../../src/core/formats/app-manifest';
import { applyEdits } from '../../../src/core/fixes/apply';
import { addRedirectFix } from '../../../src/core/fixes/registration-edit';

describe('registration edits', () => {
  it('adds a redirect to a manifest with more lines than a call can take arguments, in its own indentation', () => {
    const tags = Array.from({ length: 200_000 }, (_, i) => `    "tag${i}"`).join(',\n');
    const text = `{\n  "appId": "6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b",\n  "spa": {\n    "redirectUris": []\n  },\n  "tags": [\n${tags}\n  ]\n}\n`;
    const file = graphManifestFormat.parse('/w/app.manifest.json', text);
    const fix = addRedirectFix(file, file.registrations[0], 'http://localhost:3000', 'spa');
    assert.ok(fix, 'a fix is offered');
    const after = applyEdits(text, fix.edits);
    assert.ok(after.includes('"redirectUris": [\n      "http://localhost:3000"\n    ]'), after.slice(0, 200));
  });

  // Shape found by the --fix fuzzer (npm run fuzz): an unclosed list followed by a thousand `{` made modify()
  // re-format the guessed structure for half a minute.
  it('offers no edit for a manifest with syntax errors', () => {
    const text = `{\n  "appId": "6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b",\n  "web": {\n    "redirectUris": [\n      "https://contoso.example.com/signin-oidc",\n${'{'.repeat(1000)}`;
    const file = graphManifestFormat.parse('/w/app.manifest.json', text);
    assert.ok(file.problems.length, 'the manifest is broken');
    assert.ok(file.registrations[0], 'and still read as a registration');
    assert.equal(addRedirectFix(file, file.registrations[0], 'http://localhost:3000', 'spa'), undefined);
  });
});
