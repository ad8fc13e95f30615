import type { Seed } from './seeds';

/** Small texts with the constructs the language specs read (strings, holes, raw forms, heredocs, comments). */
export const LEXER_SEEDS: Seed[] = [
  'var a = $"msal{ClientId}://auth" + @"c""d" + $$"""{{x}}""" + \'c\'; // c\n#if __IOS__\n/* b */',
  'a = "x${var.y}%{ if z }"\nb = <<-EOT\n  ${c}\n  EOT\n',
  "x = 'a${b}' + '''m'''",
  'const u = `${s}://${`${h}`}`; const r = /x[/]/g; a / b; #!x',
  'let a = "\\(b)" + #"r\\#(c)"# + """\n m\n """ /* /* n */ */',
  'val u = "$pkg/${h()}" + """a""""; final d = r\'$x\' + \'\'\'m\'\'\'',
  '$u = \'it\'\'s\' + "`"$env:X $(y)"\n@"\nm\n"@ <# c #>',
  'az ad app create --x "msal$ID" \'$r\' <<EOF | tee\nbody $H\nEOF\n# c',
  "a = f\"{b}{{c}}\" + r\"\\d\" + '''m''' # c",
].map((text, i) => ({ path: `/fuzz/lexer/${i}.txt`, text }));
