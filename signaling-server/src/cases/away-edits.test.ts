/**
 * Issue 13 #1: what the agent changes in the form while the kiosk is away (its link lost mid-call)
 * is kept, and reaches the kiosk when it returns, at the revision the agent left it.
 */
import { expect, it } from 'vitest';
import { connectKiosk, okData } from '../testing';
import { useTestServer } from '../testing/hooks';
import { openVisit, stateAt } from './case-test-support';

const t = useTestServer();

it("keeps the agent's edits made while the kiosk is away, and the returning kiosk gets them", async () => {
  const v = await openVisit(t);
  const c = okData(
    await v.agent.request('case:open', { sessionId: v.sessionId, itemCode: 'ltci-assessment' }),
  );
  v.kiosk.close();
  await v.agent.waitFor('session:member', (m) => !m.present);
  okData(
    await v.agent.request('form:revise', {
      caseId: c.caseId,
      field: 'contactName',
      value: '李明',
      baseRevision: 0,
    }),
  );
  okData(
    await v.agent.request('form:revise', {
      caseId: c.caseId,
      field: 'contactPhone',
      value: '138 1234 5678',
      baseRevision: 1,
    }),
  );
  const latest = await stateAt(v.agent, c.caseId, (s) => s.form.revision === 2);

  const back = await connectKiosk(t.url, v.k.token);
  t.track(back);
  const resumed = await stateAt(back, c.caseId, () => true);
  expect(resumed).toEqual(latest);
  expect(resumed.form.values).toMatchObject({ contactName: '李明', contactPhone: '13812345678' });
  await v.agent.waitFor('session:member', (m) => m.present);
});
