// Owned by the AADSTS catalogue work: `entra-auth-lint explain <code | message> [--format json]`.
export function runExplain(_argv: string[], io: { out: (s: string) => void; err: (s: string) => void }): number {
  io.err('entra-auth-lint: explain is not built yet\n');
  return 2;
}
