import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFormat } from '../../../src/core/formats';
import { gradleFormat } from '../../../src/core/formats/gradle';
import { stripBom, rangeText as slice } from '../../../src/core/io/text';
import type { AndroidBuildBlock, ParsedFile } from '../../../src/core/model';
import { androidVariants } from '../../../src/core/rules/shared/android-app';
import { FIXTURES } from '../../helpers/expectations';

const dir = path.join(FIXTURES, 'formats/gradle');
const groovy = path.join(dir, 'groovy/app/build.gradle');
const kts = path.join(dir, 'kts/app/build.gradle.kts');
const crlf = path.join(dir, 'crlf/app/build.gradle');
const read = (file: string) => stripBom(fs.readFileSync(file, 'utf8'));
const parse = (file: string) => gradleFormat.parse(file, read(file));

function block(parsed: ParsedFile, kind: AndroidBuildBlock['kind'], name: string): AndroidBuildBlock {
  const found = parsed.androidBuild!.blocks.find((b) => b.kind === kind && b.name === name);
  assert.ok(found, `${kind} ${name}`);
  return found;
}

function placeholders(b: AndroidBuildBlock): Record<string, string> {
  return Object.fromEntries(b.placeholders.map((p) => [p.key, p.value.partial ? '<partial>' : p.value.value]));
}

describe('format: Gradle build files', () => {
  it('is detected by name for Groovy and the Kotlin DSL, not for other .gradle scripts', () => {
    assert.equal(detectFormat(groovy, '')?.id, 'gradle');
    assert.equal(detectFormat(kts, '')?.id, 'gradle');
    assert.equal(detectFormat('/w/config/android-common.gradle', 'applicationId "x"'), undefined);
    assert.equal(detectFormat('/w/settings.gradle.kts', ''), undefined);
  });

  it('reads Groovy ids, suffixes, dimensions and every manifestPlaceholders form with exact ranges', () => {
    const text = read(groovy);
    const parsed = parse(groovy);
    assert.deepEqual(parsed.problems, []);
    const build = parsed.androidBuild!;
    assert.equal(build.plugin, 'application');
    assert.equal(build.namespace?.value, 'com.contoso.notes');
    assert.deepEqual(build.flavorDimensions, ['tier', 'store']);
    const defaults = block(parsed, 'defaultConfig', 'defaultConfig');
    // `applicationId appId` follows the script's own `def appId = "…"` to its literal.
    assert.equal(defaults.applicationId?.value, 'com.contoso.notes');
    assert.equal(slice(text, defaults.applicationId!.range), 'com.contoso.notes');
    assert.equal(text.slice(0, defaults.applicationId!.range.start).endsWith('def appId = "'), true);
    assert.deepEqual(placeholders(defaults), {
      appAuthRedirectScheme: 'com.contoso.notes',
      msalHash: '/cmVsZWFzZWhhc2hyZWxlYXNlMTI=',
      region: 'eu',
      owner: 'contoso',
      channel: 'stable',
      computed: '<partial>',
    });
    const hash = defaults.placeholders.find((p) => p.key === 'msalHash')!;
    assert.equal(slice(text, hash.value.range), '/cmVsZWFzZWhhc2hyZWxlYXNlMTI=');
    assert.equal(block(parsed, 'buildType', 'debug').applicationIdSuffix?.value, '.debug');
    assert.deepEqual(placeholders(block(parsed, 'buildType', 'debug')), { msalHash: '/ZGVidWdoYXNoZGVidWdoYXNoMTI=' });
    assert.equal(block(parsed, 'buildType', 'staging').applicationIdSuffix?.value, 'staging');
    assert.equal(
      parsed.androidBuild!.blocks.some((b) => b.name === 'release'),
      false,
      'a block inside a comment is not read',
    );
    assert.equal(block(parsed, 'flavor', 'free').dimension, 'tier');
    assert.equal(block(parsed, 'flavor', 'paid').applicationId?.value, 'com.contoso.notes.pro');
    assert.equal(block(parsed, 'flavor', 'play').dimension, 'store');
  });

  it('joins the blocks into variants the way Android Gradle does', () => {
    const variants = androidVariants(parse(groovy).androidBuild);
    const byName = new Map(variants.map((v) => [v.name, v]));
    // 2 tiers × 1 store × 3 build types (debug, staging, and the implicit release).
    assert.equal(variants.length, 6);
    assert.equal(byName.get('freePlayDebug')?.applicationId, 'com.contoso.notes.free.debug');
    assert.equal(byName.get('freePlayStaging')?.applicationId, 'com.contoso.notes.free.staging');
    assert.equal(byName.get('paidPlayRelease')?.applicationId, 'com.contoso.notes.pro');
    assert.equal(byName.get('freePlayDebug')?.placeholders.get('msalHash'), '/ZGVidWdoYXNoZGVidWdoYXNoMTI=');
    assert.equal(byName.get('freePlayRelease')?.placeholders.get('msalHash'), '/cmVsZWFzZWhhc2hyZWxlYXNlMTI=');
    assert.equal(byName.get('freePlayRelease')?.placeholders.get('applicationId'), 'com.contoso.notes.free');
    assert.deepEqual(byName.get('freePlayDebug')?.sourceSets, ['main', 'free', 'play', 'freePlay', 'debug', 'freePlayDebug']);
  });

  it('reads the Kotlin DSL: assignments, getByName/create blocks, [k] = v, += mapOf, putIfAbsent, addManifestPlaceholders', () => {
    const text = read(kts);
    const parsed = parse(kts);
    assert.deepEqual(parsed.problems, []);
    const build = parsed.androidBuild!;
    assert.equal(build.plugin, 'application', 'alias(libs.plugins.android.application)');
    const defaults = block(parsed, 'defaultConfig', 'defaultConfig');
    assert.equal(defaults.applicationId?.value, 'com.contoso.field');
    assert.deepEqual(placeholders(defaults), {
      appAuthRedirectScheme: 'com.contoso.field',
      msalHash: '/cmVsZWFzZWhhc2hyZWxlYXNlMTI=',
      host: '${applicationId}',
      tenant: 'contoso.onmicrosoft.com',
    });
    assert.equal(slice(text, defaults.placeholders[0].value.range), 'com.contoso.field', 'the value of the `val scheme` it names');
    const debug = block(parsed, 'buildType', 'debug');
    assert.equal(debug.applicationIdSuffix?.value, '.debug');
    assert.deepEqual(placeholders(debug), { msalHash: '/ZGVidWdoYXNoZGVidWdoYXNoMTI=' });
    assert.deepEqual(placeholders(block(parsed, 'buildType', 'beta')), { msalHash: '<partial>' });
    assert.equal(build.variantsPartial, true, 'androidComponents { onVariants { … applicationId … } }');
    assert.ok(
      androidVariants(build).every((v) => v.applicationId === undefined),
      'rewritten ids are not guessed',
    );
  });

  it('reads the appAuthRedirectScheme placeholder as the AppAuth receiver scheme', () => {
    const text = read(groovy);
    const [config] = parse(groovy).configs;
    assert.deepEqual([config.library, config.platform, config.receiver], ['appauth-android', 'android', true]);
    assert.deepEqual(
      config.redirectUris.map((u) => [u.value, u.role, slice(text, u.range)]),
      [['com.contoso.notes:/', 'scheme', 'com.contoso.notes']],
    );
  });

  it('keeps exact ranges with a BOM, CRLF and tabs', () => {
    const text = read(crlf);
    const parsed = gradleFormat.parse(crlf, text);
    const defaults = block(parsed, 'defaultConfig', 'defaultConfig');
    assert.equal(slice(text, defaults.applicationId!.range), 'com.contoso.crlf');
    assert.equal(slice(text, parsed.configs[0].redirectUris[0].range), 'com.contoso.crlf');
  });

  it('never throws on broken or hostile text and keeps what it read before the damage', () => {
    const broken =
      'android {\n  defaultConfig {\n    applicationId "com.contoso.broken"\n    manifestPlaceholders = [a: "x", \n  buildTypes { debug { applicationIdSuffix ".d" ';
    const parsed = gradleFormat.parse('/w/app/build.gradle', broken);
    assert.equal(parsed.androidBuild?.blocks[0]?.applicationId?.value, 'com.contoso.broken');
    for (const text of ['', '\u0000\uFFFF', '{'.repeat(50_000), '}'.repeat(50_000), 'manifestPlaceholders = ['.repeat(5_000), '"'.repeat(10_001)]) {
      gradleFormat.parse('/w/app/build.gradle', text);
      gradleFormat.parse('/w/app/build.gradle.kts', text);
    }
  });
});
