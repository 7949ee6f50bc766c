/**
 * A small reader of the Prometheus text exposition format (version 0.0.4), for tests and tools: it
 * checks every line is a comment, blank or a well-formed sample, and that each sample's family was
 * declared with # TYPE, and returns the samples. It throws on the first malformed line.
 */

/** One sample: its name (with any _bucket/_sum/_count suffix), its labels and its value. */
export interface PromSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)( -?\d+)?$/;
const LABEL = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$)/;
const TYPE = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/;

function parseValue(raw: string): number {
  // Prometheus reads these case-insensitively (Go's ParseFloat); prom-client writes NaN as "Nan".
  const word = raw.toLowerCase();
  if (word === '+inf' || word === 'inf') return Infinity;
  if (word === '-inf') return -Infinity;
  if (word === 'nan') return NaN;
  const n = Number(raw);
  if (raw.trim() === '' || Number.isNaN(n)) throw new Error(`not a number: ${raw}`);
  return n;
}

function parseLabels(body: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = body;
  while (rest.length) {
    const m = LABEL.exec(rest);
    if (!m) throw new Error(`bad labels: {${body}}`);
    labels[m[1]!] = m[2]!.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
    rest = rest.slice(m[0].length);
  }
  return labels;
}

/** Parses exposition text into samples; throws naming the first line that is not valid. */
export function parsePromText(text: string): PromSample[] {
  const families = new Map<string, string>();
  const samples: PromSample[] = [];
  text.split('\n').forEach((line, i) => {
    if (line === '' || line.startsWith('# HELP ')) return;
    if (line.startsWith('#')) {
      const t = TYPE.exec(line);
      if (!t) throw new Error(`line ${i + 1}: bad comment: ${line}`);
      families.set(t[1]!, t[2]!);
      return;
    }
    const m = SAMPLE.exec(line);
    if (!m) throw new Error(`line ${i + 1}: bad sample: ${line}`);
    const name = m[1]!;
    const family = [name, name.replace(/_(bucket|sum|count|created)$/, '')].find((f) => families.has(f));
    if (!family) throw new Error(`line ${i + 1}: ${name} has no # TYPE`);
    samples.push({ name, labels: parseLabels(m[3] ?? ''), value: parseValue(m[4]!) });
  });
  return samples;
}

/** The sum of the samples named `name` whose labels include `labels` (0 when none). */
export function sampleValue(
  samples: PromSample[],
  name: string,
  labels: Record<string, string> = {},
): number {
  return samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}
