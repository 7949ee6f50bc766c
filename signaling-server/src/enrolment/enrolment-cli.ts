/**
 * `rvw-server enrolment-code` (issue 12 #1): a technician without the console issues a one-time
 * enrolment code on the server. The code goes to stdout once (never to the log); the kiosk redeems
 * it with `kiosk-doctor enrol CODE --server URL`.
 */
import { parseArgs } from 'node:util';
import { CreateEnrolmentCodeRequest, DEFAULT_ENROLMENT_TTL_HOURS, formatEnrolmentCode } from '@rvw/shared';
import { getCentre } from '../centres/centre-store';
import type { Db } from '../db/database';
import { DEFAULT_CENTRE_ID } from '../db/migration-0008-routing';
import { createEnrolmentCode } from './enrolment-store';

/** Where the command writes (the CLI's CliIo satisfies it). */
export interface EnrolmentCliIo {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}

/** Usage lines for the CLI's help text. */
export const enrolmentCodeUsage = `  enrolment-code --location L [--centre ID] [--name N] [--kind fixed|portable] [--hours N]
                                           issue a one-time enrolment code (default centre main,
                                           kind fixed, valid ${DEFAULT_ENROLMENT_TTL_HOURS} h, at most 168); prints it once.
                                           On the kiosk: npx kiosk-doctor enrol CODE --server URL
`;

/** Runs `enrolment-code`; resolves to the exit code (64: bad command line or unknown centre). */
export async function enrolmentCodeCommand(
  args: string[],
  io: EnrolmentCliIo,
  openDb: () => Promise<Db>,
  now: Date = new Date(),
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      location: { type: 'string' },
      centre: { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string' },
      hours: { type: 'string' },
    },
    strict: true,
  });
  const parsed = CreateEnrolmentCodeRequest.safeParse({
    location: values.location,
    ...(values.name !== undefined ? { name: values.name } : {}),
    ...(values.kind !== undefined ? { kind: values.kind } : {}),
    ...(values.hours !== undefined ? { ttlHours: Number(values.hours) } : {}),
  });
  if (!parsed.success) {
    io.err.write(
      'enrolment-code needs --location (and --kind fixed or portable, --hours a whole number from 1 to 168, when given), e.g. --location "静安寺街道 第一居委会"\n',
    );
    return 64;
  }
  const centreId = values.centre ?? DEFAULT_CENTRE_ID;
  const db = await openDb();
  try {
    if (!(await getCentre(db, centreId))) {
      io.err.write(`There is no centre "${centreId}"; see rvw-server centre list.\n`);
      return 64;
    }
    const { code, info } = await createEnrolmentCode(db, { ...parsed.data, centreId, createdBy: null }, now);
    io.out.write(
      `Enrolment code for a ${info.kind} kiosk at "${info.location}" in centre ${centreId} (shown once; valid until ${info.expiresAt}):\n`,
    );
    io.out.write(`${formatEnrolmentCode(code)}\n`);
    io.out.write(`On the kiosk: npx kiosk-doctor enrol ${formatEnrolmentCode(code)} --server <server URL>\n`);
    return 0;
  } finally {
    await db.destroy();
  }
}
