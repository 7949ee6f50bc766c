/** The demo's printed lines, by scripts/demo.ts: its centres, its accounts' credentials or how to reset them. */
import { resolve } from 'node:path';
import { skillName, type Skill } from '@rvw/shared';
import type { DemoAccount, DemoData } from '@rvw/signaling-server';

/** A path as one POSIX shell word. */
function shellWord(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A line's label, padded so that the values line up after it. */
const label = (text: string) => `${text}:`.padEnd(17);

/** One line per demo centre: its id, name, region, routing mode and partners. */
export function centreLines(demo: Pick<DemoData, 'centres'>): string[] {
  return demo.centres.map(
    (c) =>
      `${label('Centre')}${c.id}  ${c.name} (${c.region}; ${c.routing.mode === 'offer' ? 'offers tickets to agents' : 'agents pick from the queue'}; partners: ${c.partners.join(', ') || 'none'})`,
  );
}

/** Who an account is: name, centre, and what they serve (or that they supervise the centre). */
function who(account: DemoAccount): string {
  if (account.role === 'admin') return `${account.displayName}, supervises ${account.centreId}`;
  if (account.role === 'technician') return `${account.displayName}, ${account.centreId}, the 设备 tab only`;
  const skills =
    account.skills.length === 0
      ? 'no skills: "ask staff" tickets'
      : account.skills.map((s: Skill) => skillName(s).zh).join('、');
  return `${account.displayName}, ${account.centreId}, ${skills}`;
}

/**
 * One line per demo account: who it is, its centre and skills, and its password when just created,
 * else the command that resets it in the data folder the demo uses (`npx rvw-server` alone would
 * open ./data, wherever that is).
 */
export function accountLines(demo: Pick<DemoData, 'accounts'>, dataDir: string): string[] {
  const env = `RVW_DATA_DIR=${shellWord(resolve(dataDir))}`;
  return demo.accounts.map((a) => {
    const role =
      a.role === 'admin' ? 'Demo supervisor' : a.role === 'technician' ? 'Demo technician' : 'Demo agent';
    return a.credentials
      ? `${label(role)}${a.credentials.username} / ${a.credentials.password}   (${who(a)}; shown once — note it down)`
      : `${label(role)}${a.username}   (${who(a)}; password shown when it was created; a new one: ${env} npx rvw-server reset-password ${a.username})`;
  });
}

/** Where the demo's kiosk records are: the running kiosk's and the portable one's config files. */
export function kioskLines(demo: Pick<DemoData, 'kiosk' | 'kioskConfigPath' | 'portable'>): string[] {
  return [
    `${label('Kiosk record')}${demo.kiosk.name} (${demo.kiosk.centreId}, ${demo.kiosk.kind}): config in ${demo.kioskConfigPath}`,
    `${label('Portable kiosk')}${demo.portable.kiosk.name} (上门办, ${demo.portable.kiosk.centreId}): config in ${demo.portable.kioskConfigPath} (not started)`,
  ];
}

const hhmm = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** One line per group of appointment slots the demo opened (times in Asia/Shanghai). */
export function slotLines(demo: Pick<DemoData, 'slots'>): string[] {
  return demo.slots.map(
    (s) =>
      `${label('Appointments')}${s.centreId} ${skillName(s.skill).zh} (${s.itemCode}) ${hhmm.format(new Date(s.from))}-${hhmm.format(new Date(s.to))}, ${s.count} × ${s.lengthMin} min, ${s.capacity} each${s.specialist ? `, specialist ${s.specialist}` : ''}`,
  );
}
