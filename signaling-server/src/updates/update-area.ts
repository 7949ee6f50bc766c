/**
 * The kiosks' update feed (issue 12 #8): the admin's channel settings (release and staged rollout,
 * table update_channels) and the feed electron-updater's generic provider reads at
 * /updates/<channel>/ (update-feed.ts), from the updates folder (release-folder.ts).
 *
 * The folder is `updatesDir` (RVW_UPDATES_DIR), else `<dataDir>/updates` (created when missing);
 * with neither (or an in-memory database) the feed serves nothing and no channel can be set.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { RequestError, type HttpRoutes, type UpdateChannel, type UpdateChannelName } from '@rvw/shared';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import { accountOf, type RouteHandlers } from '../http/route-registrar';
import { ReleaseFolder } from './release-folder';
import { registerUpdateFeed } from './update-feed';

export interface UpdateDeps {
  db: Db;
  clock: Clock;
  /** The folder of electron-builder's output per version; null: `<dataDir>/updates`. */
  updatesDir: string | null;
  /** The server's data folder, for the default updates folder (':memory:' or absent: none). */
  dataDir?: string;
}

/** The updates folder the configuration names, or null when there is none. */
export function resolveUpdatesDir(updatesDir: string | null, dataDir?: string): string | null {
  if (updatesDir) return resolve(updatesDir);
  if (!dataDir || dataDir === ':memory:') return null;
  return resolve(dataDir, 'updates');
}

export class UpdateArea {
  private readonly folder: ReleaseFolder | null;

  constructor(private readonly deps: UpdateDeps) {
    const dir = resolveUpdatesDir(deps.updatesDir, deps.dataDir);
    if (dir) mkdirSync(dir, { recursive: true });
    this.folder = dir ? new ReleaseFolder(dir) : null;
  }

  routes(): Pick<RouteHandlers<HttpRoutes>, 'listUpdateChannels' | 'setUpdateChannel'> {
    return {
      listUpdateChannels: async () => ({
        channels: await this.channels(),
        available: (await this.folder?.versions()) ?? [],
      }),
      setUpdateChannel: async ({ params, body }, ctx) => {
        const who = accountOf(ctx).agent;
        if (!this.folder || !(await this.folder.has(body.version)))
          throw RequestError.notFound(`release ${body.version} (a folder with latest-linux.yml)`);
        // A folder named after one version holding another's files would offer kiosks the wrong release.
        const declared = await this.folder.declaredVersion(body.version);
        if (declared !== body.version)
          throw RequestError.badPayload(
            `latest-linux.yml in folder ${body.version} is for version ${declared ?? '(none)'}: copy that release's own files`,
          );
        const row = {
          version: body.version,
          rollout_percent: body.rolloutPercent,
          release_notes: body.releaseNotes ?? null,
          updated_at: this.deps.clock().toISOString(),
          updated_by: who.id,
        };
        await this.deps.db
          .insertInto('update_channels')
          .values({ channel: params.channel, ...row })
          .onConflict((oc) => oc.column('channel').doUpdateSet(row))
          .execute();
        ctx.log.info(
          { channel: params.channel, version: body.version, rolloutPercent: body.rolloutPercent, by: who.id },
          'update channel set',
        );
        const channel = (await this.channels()).find((c) => c.channel === params.channel);
        if (!channel) throw RequestError.internal();
        return { channel };
      },
    };
  }

  /** Registers GET /updates/<channel>/<file> (the feed; no credentials, as electron-updater fetches it). */
  register(app: FastifyInstance): void {
    registerUpdateFeed(app, {
      folder: this.folder,
      chosen: async (channel: UpdateChannelName) => {
        const row = await this.deps.db
          .selectFrom('update_channels')
          .select(['version', 'rollout_percent'])
          .where('channel', '=', channel)
          .executeTakeFirst();
        return row ? { version: row.version, rolloutPercent: row.rollout_percent } : null;
      },
    });
  }

  /** Every channel that has a release, with who set it last (their display name). */
  private async channels(): Promise<UpdateChannel[]> {
    const rows = await this.deps.db
      .selectFrom('update_channels')
      .leftJoin('agents', 'agents.id', 'update_channels.updated_by')
      .select([
        'update_channels.channel',
        'update_channels.version',
        'update_channels.rollout_percent',
        'update_channels.release_notes',
        'update_channels.updated_at',
        'agents.display_name',
      ])
      .orderBy('update_channels.channel')
      .execute();
    return rows.map((r) => ({
      channel: r.channel,
      version: r.version,
      rolloutPercent: r.rollout_percent,
      releaseNotes: r.release_notes,
      updatedAt: r.updated_at,
      updatedBy: r.display_name ?? null,
    }));
  }
}
