/**
 * GET /updates/<channel>/<file>: the feed electron-updater's generic provider reads (no credentials:
 * the provider sends none). Only the channel's chosen release is served: its `latest*.yml` with
 * `stagingPercentage` set to the channel's rollout, and its packages as streams. The one exception
 * is a `.blockmap` of another release (the installed one's, which a differential download compares
 * with the new one). Anything else is NOT_FOUND.
 *
 * Ranges: one range per request (`bytes=a-b`, `bytes=a-`, `bytes=-n`) answers 206 with
 * Content-Range; a list of ranges answers 200 with the whole file (allowed by RFC 9110); an
 * unsatisfiable one 416. The kiosk's updater asks for one range at a time
 * (`useMultipleRangeRequest: false`, kiosk/src/main/updater.ts), which is what differential
 * downloads of the AppImage and the nsis installer need; a .deb is always downloaded whole.
 */
import { createReadStream } from 'node:fs';
import { RequestError, UpdateChannelName } from '@rvw/shared';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { channelFileText, isChannelFile, type ReleaseFile, type ReleaseFolder } from './release-folder';

/** A channel's chosen release, as the feed needs it. */
export interface ChosenRelease {
  version: string;
  rolloutPercent: number;
}

/** What the feed reads: the folder (null: no feed) and each channel's chosen release. */
export interface UpdateFeedDeps {
  folder: ReleaseFolder | null;
  chosen(channel: UpdateChannelName): Promise<ChosenRelease | null>;
}

/** A single byte range of a file of `size` bytes; 'all' for none or several; null if unsatisfiable. */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'all' | null {
  if (!header) return 'all';
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return 'all';
  const [, from = '', to = ''] = m;
  if (from === '' && to === '') return 'all';
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0 || size === 0) return null;
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || end < start) return null;
  return { start, end };
}

function sendFile(reply: FastifyReply, file: ReleaseFile, rangeHeader: string | undefined): FastifyReply {
  reply.header('content-type', file.contentType).header('accept-ranges', 'bytes');
  // A release's packages never change under their name; the channel files do.
  reply.header('cache-control', 'public, max-age=3600');
  const range = parseRange(rangeHeader, file.size);
  if (range === null) {
    return reply.code(416).header('content-range', `bytes */${file.size}`).send();
  }
  if (range === 'all') {
    return reply.header('content-length', file.size).send(createReadStream(file.path));
  }
  return reply
    .code(206)
    .header('content-range', `bytes ${range.start}-${range.end}/${file.size}`)
    .header('content-length', range.end - range.start + 1)
    .send(createReadStream(file.path, { start: range.start, end: range.end }));
}

/** Registers the feed's route. */
export function registerUpdateFeed(app: FastifyInstance, deps: UpdateFeedDeps): void {
  app.get<{ Params: { channel: string; file: string } }>('/updates/:channel/:file', async (req, reply) => {
    const { channel, file: name } = req.params;
    const parsed = UpdateChannelName.safeParse(channel);
    const chosen = parsed.success ? await deps.chosen(parsed.data) : null;
    if (!deps.folder || !chosen) throw RequestError.notFound('update channel');
    const file =
      (await deps.folder.file(chosen.version, name)) ?? (await deps.folder.blockmapOfAnyRelease(name));
    if (!file) throw RequestError.notFound('update file');
    if (isChannelFile(name)) {
      const text = await channelFileText(file, chosen.rolloutPercent);
      // The rollout and the release change under the same name: never cached.
      return reply.header('content-type', file.contentType).header('cache-control', 'no-cache').send(text);
    }
    return sendFile(reply, file, req.headers.range);
  });
}
