import * as assert from 'node:assert/strict';
import { lex, TokenListMemo, type LanguageSpec, type LexResult, type LexToken, type TemplatePart } from '../../../src/core/lexing/lexer';
import { BASH, BICEP, CSHARP, DART, GROOVY, HCL, JAVA, JAVASCRIPT, KOTLIN, OBJECTIVE_C, POWERSHELL, PYTHON, SWIFT } from '../../../src/core/lexing/languages';
import { Pool, releasingScratch } from '../../../src/core/lexing/scratch';
import { checkLexer } from '../../fuzz/properties';

// The shared lexer, one language spec at a time: string forms, escapes, interpolation holes, raw and
// heredoc bodies, comments, unclosed input, BOM and CRLF. `show` writes a string's parts as text with
// holes in braces, which keeps the expectations readable.

const show = (parts: TemplatePart[] | undefined): string => (parts ?? []).map((p) => ('text' in p ? p.text : `{${p.expression}}`)).join('');
const strings = (result: LexResult): string[] => result.tokens.filter((t) => t.kind === 'string').map((t) => show(t.parts));
const kinds = (result: LexResult, kind: string): string[] => result.tokens.filter((t) => t.kind === kind).map((t) => t.text);
const slice = (text: string, t: LexToken) => text.slice(t.start, t.end);

/** Lexes and checks the properties every result must keep (see test/fuzz/properties.ts). */
function run(text: string, spec: LanguageSpec): LexResult {
  checkLexer(spec, text);
  return lex(text, spec);
}

function hole(result: LexResult, text: string, expression: string): { start: number; end: number } {
  for (const t of result.tokens) for (const p of t.parts ?? []) if ('expression' in p && p.expression === expression) return p.range;
  assert.fail(`no hole ${expression} in ${text}`);
}

describe('lexer: C#', () => {
  it('reads every string form and keeps holes with their ranges', () => {
    const text = 'x = "a\\tb" + @"c""d" + $"msal{ClientId}://auth" + $@"e{f}" + """raw "q" """ + $$"""{{{x}}}""" + \'\\n\';';
    const result = run(text, CSHARP);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(strings(result), ['a\tb', 'c"d', 'msal{ClientId}://auth', 'e{f}', 'raw "q" ', '{{x}}']);
    const range = hole(result, text, 'ClientId');
    assert.equal(text.slice(range.start, range.end), 'ClientId');
    assert.deepEqual(kinds(result, 'char'), ["'\\n'"]);
  });

  it('cuts format and alignment specifiers off holes, and reads {{ }} as braces only in interpolated strings', () => {
    const result = run('a = $"{when:yyyy-MM-dd}|{n,5}|{{x}}" + "{{y}}";', CSHARP);
    assert.deepEqual(strings(result), ['{when}|{n}|{x}', '{{y}}']);
  });

  it('follows strings, calls and braces inside holes', () => {
    const result = run('s = $"{Get("}", new[] { 1 })}/tail";', CSHARP);
    assert.deepEqual(strings(result), ['{Get("}", new[] { 1 })}/tail']);
  });

  it('keeps #if lines as directive tokens with their trailing comment apart, and @names as names', () => {
    const text = '#if __ANDROID__ // droid\nvar @class = 1;\n  #endif';
    const result = run(text, CSHARP);
    assert.deepEqual(kinds(result, 'directive'), ['#if __ANDROID__', '#endif']);
    assert.deepEqual(result.comments, [{ start: 16, end: 24 }]);
    assert.ok(kinds(result, 'identifier').includes('class'));
  });

  it('reports unclosed strings, raw strings, chars and comments at their start and reads on', () => {
    const text = 'a = "open\nb = """raw\n';
    const result = run(text, CSHARP);
    assert.deepEqual(
      result.problems.map((p) => [p.message, p.range.start]),
      [
        ['C# string is not closed (missing ")', 4],
        ['C# raw string is not closed (missing """)', 14],
      ],
    );
    assert.deepEqual(
      run("c = '\n/* open", CSHARP).problems.map((p) => p.message),
      ["C# character literal is not closed (missing ')", 'C# comment is not closed (missing */)'],
    );
  });

  it('ends a one-line interpolated string at the line break even inside a hole', () => {
    const text = 'a = $"x{b\nc = 1;';
    const result = run(text, CSHARP);
    assert.equal(result.problems.length, 1);
    assert.deepEqual(kinds(result, 'identifier'), ['a', 'c']);
  });
});

describe('lexer: HCL and Bicep', () => {
  it('HCL: holes in quoted templates and heredocs, $${ literals, <<- dedent, CRLF', () => {
    const text = 'a = "x${var.y}$${z}"\r\nb = <<-EOT\r\n    one ${local.two}\r\n    three\r\n  EOT\r\nc = 1';
    const result = run(text, HCL);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(strings(result), ['x{var.y}${z}', 'one {local.two}\r\nthree\r\n']);
    const heredoc = result.tokens.filter((t) => t.kind === 'string')[1];
    assert.ok(slice(text, heredoc).endsWith('EOT'));
    // Newlines inside the heredoc belong to its body: one after the first line, one after the marker line.
    assert.equal(result.tokens.filter((t) => t.kind === 'newline').length, 2);
  });

  it('HCL: an unclosed heredoc runs to the end and is one problem', () => {
    const result = run('x = <<EOF\nnever closed\n', HCL);
    assert.deepEqual(
      result.problems.map((p) => [p.message, p.range]),
      [['heredoc is not closed (missing EOF)', { start: 4, end: 6 }]],
    );
  });

  it("Bicep: escapes, holes, '''multi-line''' (raw) and an unclosed one", () => {
    const result = run("x = 'a\\u{1F600}\\${b}${c}' + '''m\n${raw}'''", BICEP);
    assert.deepEqual(strings(result), ['a😀${b}{c}', 'm\n${raw}']);
    assert.deepEqual(
      run("y = '''open", BICEP).problems.map((p) => [p.message, p.range.end - p.range.start]),
      [["multi-line string is not closed (missing ''')", 3]],
    );
  });
});

describe('lexer: JavaScript / TypeScript', () => {
  it('tells regex literals from division by the token before the slash', () => {
    const result = run('a = b / c / d; e = /x[/]y/g.test(s); f = (1) / 2; return /z/', JAVASCRIPT);
    assert.deepEqual(kinds(result, 'regex'), ['/x[/]y/g', '/z/']);
  });

  it('reads templates whose holes hold templates, regexes and braces', () => {
    const text = 'const u = `${scheme}://${`${host}`}/${ { p: "}" }.p }${/}/.source}`;';
    const result = run(text, JAVASCRIPT);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(strings(result), ['{scheme}://{`${host}`}/{{ p: "}" }.p}{/}/.source}']);
  });

  it('skips a hashbang, reads line continuations and reports unclosed literals', () => {
    const result = run('#!/usr/bin/env node\nconst a = "x\\\r\ny";\nconst r = /open\n', JAVASCRIPT);
    assert.deepEqual(strings(result), ['xy']);
    assert.deepEqual(
      result.problems.map((p) => p.message),
      ['regular expression is not closed (missing /)'],
    );
    assert.equal(run('`never ${closed', JAVASCRIPT).problems.length, 1);
  });
});

describe('lexer: Swift and Objective-C', () => {
  it('Swift: \\( ) holes, raw #"…"# strings with \\#( ) holes, multi-line strings, nested comments', () => {
    const text = 'let a = "msauth.\\(bundleId)://auth"\nlet b = #"raw \\(no) \\#(yes)"#\nlet c = """\n  multi\n  """\n/* a /* nested */ comment */ #if DEBUG';
    const result = run(text, SWIFT);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(strings(result), ['msauth.{bundleId}://auth', 'raw \\(no) {yes}', '  multi\n  ']);
    assert.equal(result.comments.length, 1);
    assert.deepEqual(kinds(run('#if os(iOS)\nlet x = 1\n#endif', SWIFT), 'directive'), ['#if', '#endif']);
  });

  it('Objective-C: @"…" strings, and #define lines go on as code', () => {
    const result = run('#define kRedirectUri @"msauth.com.contoso://auth"\nNSString *s = @"a\\"b";', OBJECTIVE_C);
    assert.deepEqual(kinds(result, 'directive'), ['#define']);
    assert.deepEqual(strings(result), ['msauth.com.contoso://auth', 'a"b']);
    assert.ok(kinds(result, 'identifier').includes('kRedirectUri'));
  });
});

describe('lexer: Kotlin, Java, Dart, Groovy', () => {
  it('Kotlin: $name and ${…} holes, raw strings (quotes before the close are text), nested comments', () => {
    const result = run('val u = "msauth://$pkg/${hash()}\\$x"\nval r = """a\\n"$b""""\n/* x /* y */ z */', KOTLIN);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(strings(result), ['msauth://{pkg}/{hash()}$x', 'a\\n"{b}"']);
  });

  it('Java: text blocks decode escapes and drop the line break after the opening quotes', () => {
    const result = run('String s = """\n    msauth://x\\tab\n    """;\nchar c = \'"\';', JAVA);
    assert.deepEqual(strings(result), ['    msauth://x\tab\n    ']);
    assert.deepEqual(kinds(result, 'char'), ["'\"'"]);
  });

  it("Dart: '$name' and '${…}' holes, raw r'…' strings, ''' multi-line strings", () => {
    const result = run("final a = '$scheme://${host}';\nfinal b = r'$raw\\n';\nfinal c = '''\nmulti''';", DART);
    assert.deepEqual(strings(result), ['{scheme}://{host}', '$raw\\n', 'multi']);
  });

  it('Groovy: GStrings with ${…} and $a.b holes; single quotes are plain', () => {
    const result = run('manifestPlaceholders = [appAuthRedirectScheme: "${applicationId}.auth", x: "$project.name", y: \'$plain\']', GROOVY);
    assert.deepEqual(strings(result), ['{applicationId}.auth', '{project.name}', '$plain']);
  });
});

describe('lexer: PowerShell, bash, Python', () => {
  it('PowerShell: literal and expandable strings, backtick escapes, here-strings, variables, comments', () => {
    const text = '$uri = \'it\'\'s\' + "a`"b $env:APP $(Get-Id) ${x}"\n$h = @"\nmsauth://$pkg\n"@\n<# block #> Write-Host a#b # tail';
    const result = run(text, POWERSHELL);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(strings(result), ["it's", 'a"b {env:APP} {Get-Id} {x}', 'msauth://{pkg}']);
    assert.deepEqual(kinds(result, 'variable'), ['uri', 'h']);
    assert.equal(result.comments.length, 2);
    assert.ok(kinds(result, 'identifier').includes('a'));
  });

  it('bash: quoting, $(…) with nested quotes, heredocs whose opening line goes on, # only at a word start', () => {
    const text = [
      'az ad app create --public-client-redirect-uris "msal$ID://auth" \'$raw\' "$(cat "f")" <<EOF | tee x # c',
      'body $HOME',
      'EOF',
      "cat <<-'END' <<B",
      '\t$not',
      '\tEND',
      'b ${B}',
      'B',
      "echo ${#arr} a#b $'\\n'",
    ].join('\n');
    const result = run(text, BASH);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(strings(result), ['msal{ID}://auth', '$raw', '{cat "f"}', 'body {HOME}\n', '$not\n', 'b {B}\n', '\n']);
    assert.ok(kinds(result, 'identifier').includes('tee'));
    assert.deepEqual(
      result.comments.map((c) => text.slice(c.start, c.end)),
      ['# c'],
    );
    assert.ok(kinds(result, 'variable').includes('#arr'));
  });

  it('bash: a heredoc without its marker line is reported', () => {
    assert.deepEqual(
      run('cat <<EOF\nnever', BASH).problems.map((p) => p.message),
      ['shell heredoc is not closed (missing EOF)'],
    );
  });

  it('Python: prefixes, f-string holes and braces, raw strings, triple quotes', () => {
    const result = run("a = f\"msal{client_id}://auth{{x}}\"\nb = r\"\\d\\\"\"\nc = '''m\nl'''\nd = rb'x' # c", PYTHON);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(strings(result), ['msal{client_id}://auth{x}', '\\d\\"', 'm\nl', 'x']);
    assert.equal(result.comments.length, 1);
  });

  it('Python: names that start with a prefix letter are names; a prefix pair that is not one is a name and a string', () => {
    const text = "return f(rb, fr) or bu\"x\" + rr'y' + Fr\"z\" + BR'''w''' + from_ + u";
    const result = run(text, PYTHON);
    assert.deepEqual(kinds(result, 'identifier'), ['return', 'f', 'rb', 'fr', 'or', 'bu', 'rr', 'from_', 'u']);
    assert.deepEqual(strings(result), ['x', 'y', 'z', 'w']);
  });
});

describe('lexer: names', () => {
  it('gives every name its own text, non-ASCII names and many distinct names too', () => {
    const names = Array.from({ length: 5000 }, (_, k) => `n${k} n${k % 7} \u00e9t\u00e9${k % 3}`).join(' ');
    for (const spec of [KOTLIN, PYTHON, SWIFT]) {
      const result = lex(names, spec);
      for (const t of result.tokens) assert.equal(t.text, names.slice(t.start, t.end));
      assert.equal(result.tokens.length, 15000);
    }
  });
});

describe('lexer: scratch arrays', () => {
  it('empties the token list when the parse that made it ends, and only then', () => {
    let inside: LexResult | undefined;
    const count = releasingScratch(() => {
      inside = lex('let a = "b"', SWIFT);
      return inside.tokens.length;
    });
    assert.equal(count, 4);
    assert.deepEqual(inside!.tokens, []);
    assert.equal(lex('let a = "b"', SWIFT).tokens.length, 4, 'outside a parse the tokens stay');
  });

  it('lends token objects to a parse, resets them when it ends and reuses them in the next one', () => {
    let kept: LexToken | undefined;
    let firstParse: LexToken[] = [];
    releasingScratch(() => {
      firstParse = [...lex('let secret = "s3cr3t"', SWIFT).tokens];
      kept = firstParse[3];
      assert.deepEqual([kept.kind, kept.text, kept.start], ['string', '"s3cr3t"', 13]);
    });
    // A token kept past its parse reads as nothing at offset -1, never as text of this or another file.
    assert.deepEqual([kept!.text, kept!.start, kept!.end, kept!.parts, kept!.content], ['', -1, -1, undefined, undefined]);
    const secondParse = releasingScratch(() => [...lex('var b = 2', SWIFT).tokens]);
    assert.ok(
      secondParse.every((t) => firstParse.includes(t)),
      'the second parse got the first one’s objects back',
    );
    const outside = lex('let a = "b"', SWIFT).tokens;
    assert.ok(!outside.some((t) => firstParse.includes(t)), 'outside a parse every token is a fresh object');
    assert.equal(outside[3].text, '"b"');
  });

  it('keeps a big token list for the next parse, holding no token of the file in between', () => {
    const big = 'let value = "text"\n'.repeat(3000); // 15,000 tokens (with the line breaks): a list over the kept minimum
    let first: LexToken[] = [];
    const firstTokens = releasingScratch(() => {
      first = lex(big, SWIFT).tokens;
      return first.map((t) => t.text);
    });
    assert.equal(firstTokens.length, 15000);
    assert.deepEqual(firstTokens.slice(0, 4), ['let', 'value', '=', '"text"']);
    assert.ok(first.length > 0 && first.every((t) => t.text === '' && t.start === -1), 'after its parse the list holds only empty tokens');
    const second = releasingScratch(() => {
      const tokens = lex(big.replace(/value/g, 'other'), SWIFT).tokens;
      assert.equal(tokens.length, 15000);
      assert.equal(tokens[1].text, 'other');
      return tokens;
    });
    assert.equal(second, first, 'the second parse got the same list back');
    const nested = releasingScratch(() => {
      const outer = lex(big, SWIFT).tokens;
      const inner = releasingScratch(() => lex(big, PYTHON).tokens);
      assert.notEqual(inner, outer, 'a parse inside a parse gets a list of its own');
      assert.equal(outer[0].text, 'let', 'and leaves the outer list alone');
      return outer;
    });
    assert.equal(nested, first);
    const outside = lex(big, SWIFT).tokens;
    assert.notEqual(outside, first, 'outside a parse every list is a new one');
    assert.equal(outside[1].text, 'value');
  });

  it('fills a kept list with one empty token when its lex took tokens the pool does not keep', () => {
    const big = 'let value = "text"\n'.repeat(10_000); // 50,000 tokens: two lexes of it lend more than the 80,000 kept
    let first: LexToken[] = [];
    let second: LexToken[] = [];
    releasingScratch(() => {
      first = lex(big, SWIFT).tokens;
      second = lex(big, SWIFT).tokens;
      assert.notEqual(first, second);
      assert.equal(new Set(second).size, 50_000, 'during the parse every slot is its own token');
    });
    assert.equal(new Set(second).size, 1, 'the second list, which got the burst tokens, holds one empty token only');
    assert.ok(second.every((t) => t.text === '' && t.start === -1));
    assert.equal(new Set(first).size, 50_000, 'the first list holds the kept tokens, reset');
    assert.ok(first.every((t) => t.text === '' && t.start === -1));
  });

  it('forgets what readers kept per token list when a kept list goes back', () => {
    const big = 'let value = "text"\n'.repeat(3000);
    const memo = new TokenListMemo<string>();
    const list = releasingScratch(() => {
      const tokens = lex(big, SWIFT).tokens;
      memo.set(tokens, 'brackets of the first file');
      assert.equal(memo.get(tokens), 'brackets of the first file');
      return tokens;
    });
    releasingScratch(() => {
      const tokens = lex(big, SWIFT).tokens;
      assert.equal(tokens, list, 'the same list object');
      assert.equal(memo.get(tokens), undefined, 'but nothing of the first parse');
    });
    const outside = lex('let a = 1', SWIFT).tokens;
    memo.set(outside, 'kept');
    assert.equal(memo.get(outside), 'kept', 'a list of its own keeps its entries');
  });

  it('a parse inside a parse gives back only what it took', () => {
    releasingScratch(() => {
      const outer = lex('a = "x"', PYTHON).tokens;
      const innerText = releasingScratch(() =>
        lex('b = "y"', PYTHON)
          .tokens.map((t) => t.text)
          .join(' '),
      );
      assert.equal(innerText, 'b = "y"');
      assert.deepEqual(
        outer.map((t) => t.text),
        ['a', '=', '"x"'],
        'the outer tokens were not reused by the inner parse',
      );
    });
  });
});

describe('scratch: a pool for files bigger than it keeps', () => {
  it('lends up to its burst while big parses last, and drops back to its capacity after a small one', () => {
    let made = 0;
    const pool = new Pool(
      () => ({ id: made++ }),
      () => {},
      2,
      5,
    );
    const takeMany = (n: number) => releasingScratch(() => Array.from({ length: n }, () => pool.take()));
    const big = takeMany(7);
    assert.equal(big.filter(Boolean).length, 5, 'past the burst the caller makes its own');
    assert.equal(pool.size, 5);
    const again = takeMany(5);
    assert.deepEqual(again, big.slice(0, 5), 'the next big parse gets the same objects: nothing new for a GC to copy');
    takeMany(2);
    assert.equal(pool.size, 2, 'a parse within the capacity lets the extra objects go');
    assert.equal(made, 5);
    assert.equal(pool.take(), undefined, 'outside a parse nothing is lent');
  });
});

describe('lexer: every spec', () => {
  const SPECS = { BASH, BICEP, CSHARP, DART, GROOVY, HCL, JAVA, JAVASCRIPT, KOTLIN, OBJECTIVE_C, POWERSHELL, PYTHON, SWIFT };

  it('skips a BOM, counts CRLF as one line break and keeps offsets of the text as given', () => {
    for (const [name, spec] of Object.entries(SPECS)) {
      const quote = spec.stringStarts.includes('"') ? '"' : "'";
      const text = `\uFEFFname = ${quote}v${quote}\r\nother = 1\r\n`;
      const result = run(text, spec);
      const names = result.tokens.filter((t) => t.kind === 'identifier').map((t) => t.text);
      assert.deepEqual(names, ['name', 'other'], name);
      const value = result.tokens.find((t) => t.kind === 'string');
      assert.equal(value && text.slice(value.content!.start, value.content!.end), 'v', name);
      if (spec.newlines) assert.deepEqual(kinds(result, 'newline'), ['\n', '\n'], name);
    }
  });

  it('stays linear and iterative on hostile nesting and never leaves the text', () => {
    for (const [name, spec] of Object.entries(SPECS)) {
      // Deeper than a recursive reader's stack would go.
      for (const text of ['"${'.repeat(12000), '/*'.repeat(12000), '('.repeat(20000), '"\\'.repeat(5000), '$"{'.repeat(12000), '<<EOF\n'.repeat(3000)]) {
        checkLexer(spec, text, { twice: false });
      }
      assert.ok(name);
    }
  });

  it('reports the deepest nesting and brackets that close nothing inside a hole', () => {
    const result = lex('a = `${ (( b )) ) }`', JAVASCRIPT);
    assert.equal(result.maxNesting, 3);
    assert.equal(result.strayClosers, 1);
  });
});
