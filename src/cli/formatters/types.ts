import type { Finding } from '../../core';

export interface ReportInput {
  /** Files read, relative to cwd with `/`. */
  files: string[];
  findings: Finding[];
  cwd: string;
  color: boolean;
  /** The text the engine read for a file (BOM removed), for formats that fingerprint the offending value. */
  textOf?: (file: string) => string | undefined;
  /** Paths that could not be walked or read, with the reason (SARIF reports them as tool notifications). */
  notes?: { path: string; reason: string }[];
}

export type Formatter = (input: ReportInput) => string;
