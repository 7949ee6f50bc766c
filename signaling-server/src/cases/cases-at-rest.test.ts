/**
 * Identity data in cases at rest: the full ID number and the addresses are never in clear in any
 * file of the store (database, WAL, SHM) nor in the log, while the case is worked on and after it
 * is closed and the session has ended. The values are still there, encrypted, for a recorded read.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { idCheckDigit } from '@rvw/shared';
import { adminApi, okData } from '../testing';
import { useTestServer } from '../testing/hooks';
import {
  ADDRESS,
  ID_FIRST17,
  ID_NUMBER,
  confirmForm,
  openVisit,
  signForm,
  stateAt,
} from './case-test-support';

const t = useTestServer();

const NEW_ADDRESS = '上海市徐汇区龙华西路三百弄十二号';
const OTHER_17 = '31010419470802461';
/** The spouse's number, typed by mistake and then corrected. */
const OTHER_NUMBER = OTHER_17 + idCheckDigit(OTHER_17)!;

/** The names of the store's files (rvw.sqlite*) and the log that contain `needle` (UTF-8 or UTF-16). */
function filesContaining(needle: string): string[] {
  const files: Array<[string, Buffer]> = readdirSync(t.dataDir)
    .filter((f) => f.startsWith('rvw.sqlite'))
    .map((f) => join(t.dataDir, f))
    .filter((p) => statSync(p).isFile())
    .map((p) => [p, readFileSync(p)]);
  files.push(['log', Buffer.from(t.logText())]);
  return files
    .filter(([, b]) => b.includes(Buffer.from(needle)) || b.includes(Buffer.from(needle, 'utf16le')))
    .map(([name]) => name);
}

function expectNowhere(): void {
  for (const secret of [ID_NUMBER, ID_FIRST17, OTHER_NUMBER, OTHER_17, ADDRESS, NEW_ADDRESS])
    expect(filesContaining(secret)).toEqual([]);
}

describe('case identity data at rest', () => {
  it('keeps the full ID number and the addresses out of every file and the log', async () => {
    const v = await openVisit(t);
    const c = okData(
      await v.agent.request('case:open', { sessionId: v.sessionId, itemCode: 'ltci-assessment' }),
    );
    let rev = 0;
    const set = async (field: string, value: string) => {
      rev = okData(
        await v.agent.request('form:revise', { caseId: c.caseId, field, value, baseRevision: rev }),
      ).revision;
    };
    await set('applicantRelation', 'self');
    await set('insuranceType', 'resident');
    await set('contactName', '王秀英');
    await set('contactPhone', '13812345678');
    await set('currentSetting', 'home');
    await set('visitAddress', NEW_ADDRESS);
    // Numbers typed in full by the agent: stored revisions of the number field, old and new value.
    await set('insuredIdNumber', OTHER_NUMBER);
    await set('insuredIdNumber', ID_NUMBER);
    okData(await v.agent.request('form:reveal', { caseId: c.caseId, field: 'insuredIdNumber' }));
    expect(readdirSync(t.dataDir)).toContain('rvw.sqlite-wal');
    expectNowhere();

    okData(await v.agent.request('form:request-confirm', { caseId: c.caseId, revision: rev }));
    const hash = (await stateAt(v.kiosk, c.caseId, (s) => s.form.confirmRequested === rev)).form.hash;
    await confirmForm(v.kiosk, c.caseId, rev, hash);
    await signForm(v.kiosk, c.caseId, rev, hash);
    okData(await v.agent.request('case:outcome', { caseId: c.caseId, record: { outcome: 'accepted' } }));
    okData(await v.agent.request('session:end', { sessionId: v.sessionId }));
    expectNowhere();

    // Held encrypted, not lost: a recorded read gives them back in full.
    const detail = await (await adminApi(t.server)).getCase({ params: { caseId: c.caseId } });
    expect(detail.case.form.values.insuredIdNumber).toBe(ID_NUMBER);
    expect(detail.case.form.values.visitAddress).toBe(NEW_ADDRESS);
    expect(detail.revisions.find((r) => r.field === 'visitAddress')?.oldValue).toBe(ADDRESS);
    expectNowhere();
  });
});
