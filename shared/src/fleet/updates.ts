/**
 * Updates (issue 12 #8): the server hosts the update feed of its fleet for electron-updater's
 * generic provider at `/updates/<channel>/` (`latest-linux.yml`, `latest-linux-arm64.yml`,
 * `latest.yml` for Windows, and the files they name). An admin sets each channel's release and its
 * staged rollout percentage (electron-updater's `stagingPercentage`). The kiosk installs only between
 * sessions (kiosk/src/host/features/update-gate.ts).
 */
import { z } from 'zod';

export const UpdateChannelName = z.enum(['stable', 'beta']);
export type UpdateChannelName = z.infer<typeof UpdateChannelName>;

/** A channel's current release. */
export const UpdateChannel = z.object({
  channel: UpdateChannelName,
  /** The release's version (semver), whose files are in the server's updates folder. */
  version: z
    .string()
    .regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/)
    .max(40),
  /** The share of kiosks (0–100) offered this release now. */
  rolloutPercent: z.number().int().min(0).max(100),
  releaseNotes: z.string().max(2000).nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type UpdateChannel = z.infer<typeof UpdateChannel>;

export const SetUpdateChannelRequest = z
  .object({
    version: UpdateChannel.shape.version,
    rolloutPercent: UpdateChannel.shape.rolloutPercent,
    releaseNotes: z.string().max(2000).optional(),
  })
  .strict();
export type SetUpdateChannelRequest = z.infer<typeof SetUpdateChannelRequest>;
