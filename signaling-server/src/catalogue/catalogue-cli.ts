/**
 * `rvw-server catalogue list [--json] [--dir DIR]` and `rvw-server catalogue check DIR`: print the
 * items, or validate a folder of items before a deploy (exit 0 with a summary, 65 with each problem).
 */
import { parseArgs } from 'node:util';
import { DEFAULT_CATALOGUE_DIR, readCatalogueDir } from './catalogue-loader';

/** Where the subcommand writes (the CLI's CliIo satisfies it). */
export interface CatalogueCliIo {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}

/** Exit codes, as in sysexits.h: the data is wrong (65), the folder is missing or empty (66). */
export const EXIT_DATA_ERROR = 65;
/** The folder does not exist or holds no item file. */
export const EXIT_NO_INPUT = 66;

/** Usage lines for the CLI's help text. */
export const catalogueUsage = `  catalogue list [--json] [--dir DIR]
                                           print every service item (with --json: each item whole,
                                           with its form fields and materials); DIR defaults to the
                                           repo's catalogue/ folder
  catalogue check DIR                      validate a folder of items before a deploy: a summary and
                                           exit 0, or one sentence per problem and exit 65
`;

/** Runs `catalogue <list|check> …`; returns the exit code. */
export async function catalogueCommand(args: string[], io: CatalogueCliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'list') return list(rest, io);
  if (sub === 'check') return check(rest, io);
  io.err.write(
    `catalogue needs list or check, e.g. rvw-server catalogue check ./catalogue\n\n${catalogueUsage}`,
  );
  return 64;
}

async function list(args: string[], io: CatalogueCliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { json: { type: 'boolean', default: false }, dir: { type: 'string' } },
    strict: true,
  });
  const r = await readCatalogueDir(values.dir ?? DEFAULT_CATALOGUE_DIR);
  if (r.problems.length > 0) return report(r.problems, io, r.files);
  if (values.json) {
    io.out.write(`${JSON.stringify(r.items, null, 2)}\n`);
    return 0;
  }
  for (const item of r.items) {
    const flags = [item.consultationOnly && 'consultation only', item.printOnly && 'print only'].filter(
      Boolean,
    );
    io.out.write(
      `${item.code} v${item.version}  ${item.name.zh} / ${item.name.en}  [${item.category}, ${item.skillGroup}]` +
        `  ${item.form.fields.length} fields, ${item.materials.length} materials` +
        (flags.length ? `  (${flags.join(', ')})` : '') +
        '\n',
    );
  }
  return 0;
}

async function check(args: string[], io: CatalogueCliIo): Promise<number> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  const dir = positionals[0];
  if (!dir || positionals.length > 1) {
    io.err.write('catalogue check needs exactly one folder, e.g. rvw-server catalogue check ./catalogue\n');
    return 64;
  }
  const r = await readCatalogueDir(dir);
  if (r.problems.length > 0) return report(r.problems, io, r.files);
  const fields = r.items.reduce((n, i) => n + i.form.fields.length, 0);
  io.out.write(`${dir}: ${r.items.length} items valid (${fields} form fields), codes unique.\n`);
  return 0;
}

// A folder without a single item file is a missing input, not bad data.
function report(problems: { sentence: string }[], io: CatalogueCliIo, files: number): number {
  for (const p of problems) io.err.write(`${p.sentence}\n`);
  io.err.write(`${problems.length} problem${problems.length === 1 ? '' : 's'} found; nothing was loaded.\n`);
  return files === 0 ? EXIT_NO_INPUT : EXIT_DATA_ERROR;
}
