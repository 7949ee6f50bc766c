/**
 * `rvw-server centre list|add|set` (issue 11 #7): a technician lists the centres a server serves,
 * adds one, or changes one's name, region, partners and routing settings. A running server reads
 * the change at its next routing decision.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CentreId, DEFAULT_ROUTING, RoutingMode, type Centre, type RoutingSettings } from '@rvw/shared';
import { loadConfig } from '../config';
import { databasePath, openDatabase, type Db } from '../db/database';
import { ConfigError } from '../errors';
import { addCentre, listCentres, updateCentre } from './centre-store';

/** Where the subcommand writes (the CLI's CliIo satisfies it). */
export interface CentreCliIo {
  env: NodeJS.ProcessEnv;
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}

/** Usage lines for the CLI's help text. */
export const centreUsage = `  centre list [--json]                     print the centres: id, name, region, partners, routing
  centre add --id ID --name N --region R [--partners ID,ID] [routing options]
                                           add a centre (id: lower-case letters, digits, hyphens)
  centre set ID [--name N] [--region R] [--partners ID,ID|none] [routing options]
                                           change a centre; routing options: --mode pull|offer,
                                           --offer-timeout S, --any-skill-after S, --overflow-after S,
                                           --wrap-up-limit S, --max-wait S (seconds)
`;

const routingOptions = {
  mode: { type: 'string' },
  'offer-timeout': { type: 'string' },
  'any-skill-after': { type: 'string' },
  'overflow-after': { type: 'string' },
  'wrap-up-limit': { type: 'string' },
  'max-wait': { type: 'string' },
} as const;

const centreOptions = {
  id: { type: 'string' },
  name: { type: 'string' },
  region: { type: 'string' },
  partners: { type: 'string' },
  json: { type: 'boolean', default: false },
  ...routingOptions,
} as const;

/** A wrong option value: usage, exit 64. */
class UsageError extends Error {}

type Values = ReturnType<typeof parse>['values'];

function parse(args: string[]) {
  return parseArgs({ args, options: centreOptions, allowPositionals: true, strict: true });
}

/** Runs `centre <list|add|set> …`; returns the exit code. */
export async function centreCommand(args: string[], io: CentreCliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'list' && sub !== 'add' && sub !== 'set') {
    io.err.write(`centre needs list, add or set, e.g. rvw-server centre list\n\n${centreUsage}`);
    return 64;
  }
  const { values, positionals } = parse(rest);
  let routing: Partial<RoutingSettings>;
  let partners: string[] | undefined;
  try {
    routing = routingPatch(values);
    partners = partnersOf(values.partners);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err.write(`${err.message}\n\n${centreUsage}`);
    return 64;
  }
  const db = await open(loadConfig(io.env).dataDir, sub === 'add');
  try {
    if (sub === 'list') {
      const centres = await listCentres(db);
      io.out.write(values.json ? `${JSON.stringify(centres, null, 2)}\n` : centres.map(describe).join(''));
      return 0;
    }
    if (sub === 'add') {
      if (!values.id || !values.name || !values.region || positionals.length > 0) {
        io.err.write(
          'centre add needs --id, --name and --region, e.g. --id suzhou-gusu --name "姑苏区中心" --region "苏州市姑苏区"\n',
        );
        return 64;
      }
      const centre = await addCentre(
        db,
        {
          id: values.id,
          name: values.name,
          region: values.region,
          partners: partners ?? [],
          routing: { ...DEFAULT_ROUTING, ...routing },
        },
        new Date(),
      );
      io.out.write(`Added centre ${describe(centre)}`);
      return 0;
    }
    const id = positionals[0];
    if (!id || positionals.length > 1 || values.id) {
      io.err.write('centre set needs exactly one centre id, e.g. rvw-server centre set main --mode offer\n');
      return 64;
    }
    const centre = await updateCentre(db, id, {
      ...(values.name !== undefined ? { name: values.name } : {}),
      ...(values.region !== undefined ? { region: values.region } : {}),
      ...(partners ? { partners } : {}),
      routing,
    });
    io.out.write(`Changed centre ${describe(centre)}`);
    return 0;
  } finally {
    await db.destroy();
  }
}

/** `--partners a,b` (or `none`) as a list; undefined when not given. */
function partnersOf(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  if (text.trim() === '' || text.trim() === 'none') return [];
  return text.split(',').map((p) => {
    const id = CentreId.safeParse(p.trim());
    if (!id.success) throw new UsageError(`--partners: "${p.trim()}" is not a centre id`);
    return id.data;
  });
}

/** The routing options given, as a partial RoutingSettings (the store checks the ranges). */
function routingPatch(values: Values): Partial<RoutingSettings> {
  const patch: Partial<RoutingSettings> = {};
  if (values.mode !== undefined) {
    const mode = RoutingMode.safeParse(values.mode);
    if (!mode.success) throw new UsageError('--mode must be pull or offer');
    patch.mode = mode.data;
  }
  const seconds = [
    ['offer-timeout', 'offerTimeoutS'],
    ['any-skill-after', 'anySkillAfterS'],
    ['overflow-after', 'overflowAfterS'],
    ['wrap-up-limit', 'wrapUpLimitS'],
    ['max-wait', 'maxWaitS'],
  ] as const;
  for (const [option, field] of seconds) {
    const text = values[option];
    if (text === undefined) continue;
    if (!/^\d+$/.test(text)) throw new UsageError(`--${option} must be a whole number of seconds`);
    patch[field] = Number(text);
  }
  return patch;
}

function describe(c: Centre): string {
  const r = c.routing;
  return (
    `${c.id}  ${c.name}  (${c.region})  partners: ${c.partners.join(', ') || 'none'}\n` +
    `    mode ${r.mode}, offer timeout ${r.offerTimeoutS} s, any skill after ${r.anySkillAfterS} s, ` +
    `overflow after ${r.overflowAfterS} s, wrap-up limit ${r.wrapUpLimitS} s, max wait ${r.maxWaitS} s\n`
  );
}

/** Opens the data folder's database; only `add` may create one (the others manage existing centres). */
async function open(dataDir: string, mayCreate: boolean): Promise<Db> {
  const path = databasePath(dataDir);
  if (!mayCreate && path !== ':memory:' && !existsSync(path)) {
    throw ConfigError.invalid(
      `there is no database at ${path}; set RVW_DATA_DIR to the data folder the server uses (it holds rvw.sqlite)`,
    );
  }
  return openDatabase(dataDir);
}
