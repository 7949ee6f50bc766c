/**
 * Render benchmark (issue 10): renderDocument's warm time per document kind, on the catalogue's
 * items with the sample input, in this process (no server, no printer). Wall time and CPU time
 * (CPU is steadier on a shared machine). Run: `npx tsx tests/bench/render.ts` (RVW_BENCH_RENDERS,
 * default 30).
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { CatalogueItem } from '@rvw/shared';
import { parse } from 'yaml';
import {
  SAMPLE_GROUP,
  demoExternalRecords,
  planDocuments,
  renderDocument,
  sampleInput,
  type DocumentInput,
  type DocumentPlanEntry,
} from '@rvw/signaling-server/render';
import { percentile } from './stats';

const renders = Math.min(500, Math.max(1, Number(process.env.RVW_BENCH_RENDERS ?? 30) || 30));
/** A catalogue item from its file (catalogue/<code>.yaml at the repository's root). */
const item = (code: string): CatalogueItem =>
  CatalogueItem.parse(parse(readFileSync(new URL(`../../catalogue/${code}.yaml`, import.meta.url), 'utf8')));

// The assessment application with a table (a group) and a rare name character (𪚥, drawn from HanaMinB).
const ltciBase = item('ltci-assessment');
const ltci = { ...ltciBase, form: { fields: [...ltciBase.form.fields, SAMPLE_GROUP] } };
const accepted = sampleInput(ltci);
const subsidy = item('disability-transport-subsidy');
const notDone = sampleInput(subsidy, {
  outcome: {
    outcome: 'not-done',
    reason: '居民没有第二代残疾人证，暂时不能申领交通补贴',
    nextStep: '请先带身份证和照片到街道残联换领第二代残疾人证，领证后再来申请',
    at: '2026-12-07T06:05:00.000Z',
  },
});
const cases: Array<{ entry: DocumentPlanEntry; input: DocumentInput }> = [
  ...planDocuments({ item: ltci, outcome: 'completed', signed: true }).map((entry) => ({
    entry,
    input: accepted,
  })),
  ...planDocuments({ item: subsidy, outcome: 'not-done', signed: false })
    .filter((e) => e.kind === 'one-time-notice')
    .map((entry) => ({ entry, input: notDone })),
];

const records = demoExternalRecords();
const first = performance.now();
await renderDocument(cases[0]!.entry, cases[0]!.input, records);
const cold = performance.now() - first;

const ms = (n: number) => `${n.toFixed(0)} ms`.padStart(7);
const lines: string[] = [];
for (const { entry, input } of cases) {
  const warm = await renderDocument(entry, input, records);
  if (!warm) throw new Error(`${entry.kind} rendered nothing`);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < renders; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await renderDocument(entry, input, records);
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  lines.push(
    `${`${entry.kind} (${warm.pages} p, ${Math.round(warm.bytes.length / 1024)} KB)`.padEnd(34)}` +
      `wall p50${ms(percentile(wall, 50))}  p95${ms(percentile(wall, 95))}   cpu p50${ms(percentile(cpu, 50))}  p95${ms(percentile(cpu, 95))}`,
  );
}
process.stdout.write(
  `\nrenderDocument, warm, n=${renders} per kind (${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}); first render with font loading ${ms(cold).trim()}\n${lines.join('\n')}\n`,
);
