/** Small statistics helpers shared by the benchmarks. */

/** The p-th percentile (0..100) of `values` by nearest rank; NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** One line: `label  n=… p50=… p95=… min=… max=…` (milliseconds). */
export function summaryLine(label: string, values: readonly number[]): string {
  const f = (n: number) => `${n.toFixed(0)} ms`;
  return `${label.padEnd(28)} n=${values.length}  p50=${f(percentile(values, 50))}  p95=${f(percentile(values, 95))}  min=${f(Math.min(...values))}  max=${f(Math.max(...values))}`;
}
