/**
 * The editor's "With findings (N)": the rows whose findings are not all accepted, so that the count drops when
 * a finding is accepted and rises when it is un-accepted, at once, without waiting for the next check.
 */
import type { Acceptance, FindingRow, FindingsPayload } from "./findings";

/** A row with a finding nobody has accepted yet: one still to look at. */
export const hasOpenFinding = (row: Pick<FindingRow, "findings">) => row.findings.some((finding) => finding.accepted === null);

/** How many rows have a finding still to look at. */
export function openRowCount(payload: Pick<FindingsPayload, "rows"> | null): number {
  let count = 0;
  for (const row of payload?.rows ?? []) if (hasOpenFinding(row)) count++;
  return count;
}

/**
 * The findings as they are once the finding `key` of the link `unit` is accepted (`acceptance`) or un-accepted
 * (null), as the server has just saved it; the same object when no finding has that key.
 */
export function withAcceptance(payload: FindingsPayload, unit: string, key: string, acceptance: Acceptance | null): FindingsPayload {
  let changed = 0;
  const rows = payload.rows.map((row) => {
    if (row.unit !== unit) return row;
    const findings = row.findings.map((finding) => {
      if (finding.key !== key || (finding.accepted === null) === (acceptance === null)) return finding;
      changed += acceptance ? 1 : -1;
      return { ...finding, accepted: acceptance };
    });
    return findings.some((finding, k) => finding !== row.findings[k]) ? { ...row, findings } : row;
  });
  return changed === 0 ? payload : { ...payload, rows, accepted: payload.accepted + changed };
}
