/**
 * Case numbers a person can read over the phone: district prefix, Shanghai calendar day and a daily
 * sequence, e.g. `XH-20261207-0042` (徐汇, 7 Dec 2026, the 42nd case of that day).
 */

/** PREFIX-YYYYMMDD-NNNN: 2-4 capital letters, a day, at least four digits. */
export const CASE_NUMBER_PATTERN = /^[A-Z]{2,4}-\d{8}-\d{4,}$/;

/** The number of the `seq`th case of `day` (YYYY-MM-DD) under `prefix`. */
export function formatCaseNumber(prefix: string, day: string, seq: number): string {
  if (!/^[A-Z]{2,4}$/.test(prefix))
    throw new Error(`case number prefix must be 2-4 capital letters: ${prefix}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`day must be YYYY-MM-DD: ${day}`);
  if (!Number.isInteger(seq) || seq < 1) throw new Error(`sequence must be a positive integer: ${seq}`);
  return `${prefix}-${day.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`;
}

/** The number spoken in groups, for the kiosk's voice and the phone: "XH 2026 1207 0042". */
export function spokenCaseNumber(number: string): string {
  const m = /^([A-Z]+)-(\d{4})(\d{4})-(\d+)$/.exec(number);
  return m ? `${m[1]!.split('').join(' ')} ${m[2]} ${m[3]} ${m[4]}` : number;
}
