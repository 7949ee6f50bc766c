/**
 * The full ID number at rest: only ciphertext is ever written (database, WAL, SHM, log), and after
 * the purge neither the number nor its ciphertext is left in any file of the store.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { idCheckDigit, type ResidentIdentity } from '@rvw/shared';
import { okData } from '../testing';
import { useTestServer } from '../testing/hooks';

const first17 = '31010119480315779';
const ID_NUMBER = first17 + idCheckDigit(first17)!;

const identity: ResidentIdentity = {
  cardType: 'resident',
  name: '王秀英',
  gender: 'female',
  birthDate: '1948-03-15',
  idNumber: ID_NUMBER,
  idNumberValid: true,
  nation: '汉',
};

const t = useTestServer();

/** Every file of the store (rvw.sqlite, -wal, -shm, the key file) plus the log, as bytes. */
function storeFiles(): Array<[string, Buffer]> {
  const files: Array<[string, Buffer]> = readdirSync(t.dataDir)
    .filter((f) => f.startsWith('rvw.sqlite'))
    .map((f) => join(t.dataDir, f))
    .filter((p) => statSync(p).isFile())
    .map((p) => [p, readFileSync(p)]);
  files.push(['log', Buffer.from(t.logText())]);
  return files;
}

function filesContaining(needle: string): string[] {
  return storeFiles()
    .filter(
      ([, bytes]) => bytes.includes(Buffer.from(needle)) || bytes.includes(Buffer.from(needle, 'utf16le')),
    )
    .map(([name]) => name);
}

describe('identity numbers at rest', () => {
  it('writes only ciphertext, reveals the number, and leaves nothing of it in any file after the purge', async () => {
    const { k, agent, ticket } = await t.kioskWithTicket();
    const res = await fetch(`${t.url}/api/kiosk/identity`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${k.token}` },
      body: JSON.stringify({
        ticketId: ticket.id,
        consent: true,
        consentText: '我同意把身份信息提供给服务中心。',
        identity,
      }),
    });
    expect(res.status).toBe(200);
    expect(readdirSync(t.dataDir)).toContain('rvw.sqlite-wal');

    // Before the purge: no cleartext anywhere (the number, nor its first 17 digits).
    expect(filesContaining(ID_NUMBER)).toEqual([]);
    expect(filesContaining(first17)).toEqual([]);
    const stored = await t.server.db
      .selectFrom('ticket_identities')
      .select('id_number')
      .where('ticket_id', '=', ticket.id)
      .executeTakeFirstOrThrow();
    expect(stored.id_number).not.toContain(first17);

    const { session } = okData(await agent.request('ticket:accept', { ticketId: ticket.id }));
    expect(okData(await agent.request('identity:reveal', { ticketId: ticket.id }))).toEqual({
      idNumber: ID_NUMBER,
    });
    okData(await agent.request('session:end', { sessionId: session.id }));

    // After the purge: neither the number nor its ciphertext in the database, the WAL or the log.
    expect(filesContaining(ID_NUMBER)).toEqual([]);
    expect(filesContaining(first17)).toEqual([]);
    expect(filesContaining(stored.id_number).map((f) => f.replace(t.dataDir, ''))).toEqual([]);
  });
});
