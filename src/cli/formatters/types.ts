import type { Finding } from '../../core/model';

export interface ReportInput {
  /** Files read, relative to cwd with `/`. */
  files: string[];
  findings: Finding[];
  cwd: string;
  color: boolean;
}

export type Formatter = (input: ReportInput) => string;
