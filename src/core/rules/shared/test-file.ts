import type { EffectiveOptions } from '../../engine/options';
import { TestPaths } from '../../engine/test-code';
import { baseName } from '../../io/paths';
import type { ParsedFile } from '../../model';

// Whether a file says by itself that it is a test: its name matches a `testPaths` pattern (`login.spec.ts`,
// `WithAttributeTokensTests.cs`), or it declares tests with a test framework. A rule sees neither the
// scanned folder nor the engine's test-path verdict, and a folder above the workspace named `test` must
// not make every file a test, so only the file's own name and text count here.

/** Test declarations of the frameworks the linted ecosystems use (mocha/jest, MSTest/xUnit/NUnit, JUnit, XCTest, pytest). */
const TEST_FRAMEWORK =
  /\[(?:TestMethod|TestClass|Fact|Theory|Test|TestCase|TestFixture)\b|@Test\b|\bXCTestCase\b|\b(?:describe|suite)\s*\(\s*['"`]|^\s*import\s+pytest\b|\bunittest\.TestCase\b/m;

const byPatterns = new WeakMap<readonly string[], TestPaths>();

export function isTestFile(file: ParsedFile, options: EffectiveOptions): boolean {
  let paths = byPatterns.get(options.testPaths);
  if (!paths) byPatterns.set(options.testPaths, (paths = new TestPaths(options.testPaths, [])));
  return paths.has(baseName(file.path)) || TEST_FRAMEWORK.test(file.text);
}
