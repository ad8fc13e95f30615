import type { Severity } from '../model';

/** Severities from the strongest (0) to the weakest: to cap a finding and to pick the strongest of several. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };
