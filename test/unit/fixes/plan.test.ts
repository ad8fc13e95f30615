import * as assert from 'node:assert/strict';
import { Project } from '../../../src/core/engine/project';
import { fixVerdict, planFixes } from '../../../src/core/fixes/apply';

// planFixes (issue 15 items 2 and 13): fixes to a fixed point in memory, verified by re-parsing.

const MANIFEST = (uris: string[]) =>
  `{\n  "appId": "6f1d2c3b-4a59-4e8d-9c7b-0a1b2c3d4e5f",\n  "web": { "redirectUris": [\n${uris.map((u) => `    "${u}"`).join(',\n')}\n  ] }\n}\n`;

describe('fixes: planFixes', () => {
  it('removes every copy in one plan (a fixed point), and a second plan changes nothing', () => {
    const project = new Project();
    project.setFile('/w/manifest.json', MANIFEST(['https://a.example.com/x', 'https://a.example.com/x', 'https://a.example.com/x']));
    const plan = planFixes(project);
    assert.equal(plan.texts.get('/w/manifest.json'), MANIFEST(['https://a.example.com/x']));
    const again = new Project();
    again.setFile('/w/manifest.json', plan.texts.get('/w/manifest.json')!);
    assert.equal(planFixes(again).texts.size, 0);
  });

  it('refuses a file with parse problems, and one whose text starts with a second BOM (found by npm run fuzz)', () => {
    const broken = new Project();
    broken.setFile('/w/manifest.json', MANIFEST(['https://a.example.com/x', 'https://a.example.com/x']).replace(/\}\n$/, ''));
    assert.match(planFixes(broken).refused.get('/w/manifest.json') ?? '', /parse problems/);
    const bom = new Project();
    bom.setFile('/w/manifest.json', `\uFEFF\uFEFF${MANIFEST(['https://a.example.com/x', 'https://a.example.com/x'])}`);
    const plan = planFixes(bom);
    assert.equal(plan.texts.size, 0);
  });

  it('fixVerdict: a redirect that disappears without being rewritten is refused; a copy that goes is fine', () => {
    const before = new Project().setFile('/w/m.json', MANIFEST(['https://a.example.com/x', 'https://a.example.com/x', 'https://b.example.com/y']))!;
    const dedup = new Project().setFile('/w/m.json', MANIFEST(['https://a.example.com/x', 'https://b.example.com/y']))!;
    const lost = new Project().setFile('/w/m.json', MANIFEST(['https://a.example.com/x']))!;
    assert.equal(fixVerdict(before, dedup, [{ range: { start: 0, end: 0 }, newText: '' }]), undefined);
    assert.match(fixVerdict(before, lost, [{ range: { start: 0, end: 0 }, newText: '' }])!, /would remove the redirect URI 'https:\/\/b\.example\.com\/y'/);
  });
});
