/**
 * Reads a folder of catalogue items (one YAML file per item), validates each against the shared
 * schema and refuses duplicate codes. Every problem is one sentence naming the file and the field.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCatalogueItem, type CatalogueItem, type CatalogueProblem } from '@rvw/shared';
import { parseDocument } from 'yaml';

/** The repo's own catalogue/ folder, the default for the server and the CLI. */
export const DEFAULT_CATALOGUE_DIR = fileURLToPath(new URL('../../../catalogue', import.meta.url));

/** What a folder holds: the valid items (sorted by code) and every problem found. */
export interface CatalogueLoadResult {
  items: CatalogueItem[];
  problems: CatalogueProblem[];
  /** How many item files were read. */
  files: number;
}

/** A folder that cannot be used as a catalogue; the message lists every problem's sentence. */
export class CatalogueLoadError extends Error {
  constructor(readonly problems: CatalogueProblem[]) {
    super(problems.map((p) => p.sentence).join('\n'));
    this.name = 'CatalogueLoadError';
  }
}

const ITEM_FILE = /\.ya?ml$/;

/**
 * Reads and validates every *.yaml / *.yml file of `dir` (other files, such as README.md, are
 * ignored). Sentences name each file as `dir` spells it (`catalogue/x.yaml`), or relative to
 * `displayFrom` when given.
 */
export async function readCatalogueDir(dir: string, displayFrom?: string): Promise<CatalogueLoadResult> {
  const shown = (file: string) => (displayFrom ? relative(displayFrom, join(dir, file)) : join(dir, file));
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => ITEM_FILE.test(n)).sort();
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    return {
      items: [],
      files: 0,
      problems: [{ file: dir, path: '', sentence: `${dir}: the folder ${why}` }],
    };
  }
  const items: CatalogueItem[] = [];
  const problems: CatalogueProblem[] = [];
  if (names.length === 0)
    problems.push({ file: dir, path: '', sentence: `${dir}: the folder holds no .yaml item files` });
  const fileOfCode = new Map<string, string>();
  for (const name of names) {
    const file = shown(name);
    const doc = parseDocument(await readFile(join(dir, name), 'utf8'));
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const line = e.linePos?.[0].line;
        problems.push({
          file,
          path: '',
          sentence: `${file}${line ? ` line ${line}` : ''}: ${yamlReason(e.message)}`,
        });
      }
      continue;
    }
    const parsed = parseCatalogueItem(file, doc.toJS());
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const { item } = parsed;
    const expected = basename(name).replace(ITEM_FILE, '');
    if (item.code !== expected) {
      problems.push({
        file,
        path: 'code',
        sentence: `${file}: code "${item.code}" must match the file name (${expected})`,
      });
      continue;
    }
    const first = fileOfCode.get(item.code);
    if (first) {
      problems.push({
        file,
        path: 'code',
        sentence: `${file}: code "${item.code}" is already used by ${first}`,
      });
      continue;
    }
    fileOfCode.set(item.code, file);
    items.push(item);
  }
  items.sort((a, b) => a.code.localeCompare(b.code));
  return { items, problems, files: names.length };
}

/** Reads a folder that must be entirely valid: its items, or a CatalogueLoadError listing every problem. */
export async function loadCatalogueDir(dir: string = DEFAULT_CATALOGUE_DIR): Promise<CatalogueItem[]> {
  const r = await readCatalogueDir(dir);
  if (r.problems.length > 0) throw new CatalogueLoadError(r.problems);
  return r.items;
}

// The yaml package's first message line is the reason; the rest is a source excerpt.
function yamlReason(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
