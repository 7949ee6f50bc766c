/**
 * The 预约 tab as an agent and a supervisor see it (rendered to HTML): the day's rows with their
 * test ids, the booking form's refusals in words (a field, SLOT_FULL, SLOT_PAST, CONFLICT), the
 * booked note, a booked row's Cancel (asked, confirmed, refused in words), the supervisor's form,
 * and every word in both languages.
 */
import { describe, expect, it } from 'vitest';
import type { Agent, Appointment, AppointmentSlot } from '@rvw/shared';
import { ConsoleError } from '../lib/errors';
import type { AppointmentTransport } from './appointment-api';
import { AppointmentStore } from './appointment-store';
import { APPOINTMENT_WORD_KEYS, aw } from './appointment-words';
import { AppointmentList } from './AppointmentList';
import { AppointmentsTab } from './AppointmentsTab';
import { BookForm } from './BookForm';
import { SlotsForm, slotsRequestOf } from './SlotsForm';
import { html } from '../queue/test-render';

const text = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

const NOW = new Date('2026-11-22T01:00:00Z');
const slot: AppointmentSlot = {
  slotId: 's1',
  centreId: 'main',
  skill: 'elderly-care',
  itemCode: 'senior-allowance',
  itemName: { zh: '高龄津贴申领', en: 'Senior allowance' },
  startsAt: '2026-11-22T02:00:00Z',
  endsAt: '2026-11-22T02:30:00Z',
  capacity: 1,
  booked: 0,
};
const appointment = (status: Appointment['status'], id = 'a1'): Appointment => ({
  appointmentId: id,
  slot,
  status,
  residentName: '王秀英',
  idNumberMasked: '310***********0024',
  bookedBy: 'agent-1',
  bookedAt: NOW.toISOString(),
  ...(status === 'arrived' ? { ticketNumber: 'A007' } : {}),
});

function transport(book: () => Appointment, slots = () => [slot]): AppointmentTransport {
  return {
    appointments: async () => [],
    slots: async () => slots(),
    book: async () => book(),
    cancel: async (id) => ({ ...appointment('cancelled', id) }),
    createSlots: async () => [slot],
    items: async () => [],
    agents: async () => [],
  };
}
const refuse = (code: string) => () => {
  throw new ConsoleError(code, 'refused', 409);
};
const booking = { slotId: 's1', residentName: '王秀英', idNumber: '310106194803150024', phone: '' };

describe('the 预约 tab', () => {
  it('lists the day’s appointments with time, item, name, masked number, status and ticket', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const markup = html(
        <AppointmentList
          appointments={[appointment('booked'), appointment('arrived', 'a2')]}
          loading={false}
          locale={locale}
        />,
        locale,
      );
      expect(markup.match(/data-testid="appointment-row"/g)).toHaveLength(2);
      const shown = text(markup);
      for (const part of ['10:00–10:30', '王秀英', '310***********0024', 'A007'])
        expect(shown).toContain(part);
      expect(shown).toContain(locale === 'en' ? 'Senior allowance' : '高龄津贴申领');
      expect(shown).toContain(aw(locale, 'status.arrived'));
    }
    expect(html(<AppointmentList appointments={[]} loading={false} locale="zh-CN" />)).toContain(
      '这一天没有预约',
    );
  });

  it('gives each booked row a Cancel that asks to confirm in its row, and says a refusal in words', async () => {
    const rows = [appointment('booked'), appointment('arrived', 'a2'), appointment('booked', 'a3')];
    let answer: () => Appointment = () => appointment('cancelled');
    const store = new AppointmentStore(
      { ...transport(() => rows[0]!), cancel: async () => answer() },
      () => NOW,
    );
    const list = (locale: 'zh-CN' | 'en' = 'zh-CN') => {
      const snap = store.getSnapshot();
      return html(
        <AppointmentList
          appointments={rows}
          loading={false}
          locale={locale}
          cancel={{
            state: snap.cancelling,
            ask: (id) => store.askCancel(id),
            confirm: () => void store.confirmCancel(),
            keep: () => store.keepAppointment(),
          }}
        />,
        locale,
      );
    };
    // Only booked rows can be cancelled: two buttons, none on the arrived row.
    let markup = list();
    expect(markup.match(/data-testid="appointment-cancel"/g)).toHaveLength(2);
    expect(text(markup)).toContain('取消预约');
    expect(markup).not.toContain('appointment-cancel-confirm');
    expect(text(list('en'))).toContain('Cancel appointment');

    // The first press asks in that row only; nothing is sent before the confirmation.
    store.askCancel('a3');
    markup = list();
    expect(markup.match(/data-testid="appointment-cancel"/g)).toHaveLength(1);
    expect(text(markup)).toContain('确定取消 王秀英 10:00–10:30 的预约吗？');
    for (const id of ['appointment-cancel-confirm', 'appointment-cancel-keep'])
      expect(markup).toContain(`data-testid="${id}"`);
    store.keepAppointment();
    expect(list()).not.toContain('appointment-cancel-confirm');

    // A refusal is said in the tab's words (both languages), above the list.
    answer = refuse('WRONG_STATE');
    store.askCancel('a1');
    expect(await store.confirmCancel()).toEqual({ ok: false, code: 'WRONG_STATE' });
    expect(list()).toContain('data-testid="appointment-cancel-error"');
    expect(text(list())).toContain('这个预约已不能取消');
    expect(text(list('en'))).toContain('can no longer be cancelled');
    answer = refuse('FORBIDDEN');
    store.askCancel('a1');
    await store.confirmCancel();
    expect(text(list())).toContain('只能取消本中心的预约');
  });

  it('says the booking’s refusals in words and the booked note', async () => {
    const cases: Array<[() => Appointment, string]> = [
      [refuse('SLOT_FULL'), '该预约时段已约满'],
      [refuse('SLOT_PAST'), '该预约时段已经过去'],
      [refuse('CONFLICT'), '这位居民已经预约了这个时段'],
    ];
    for (const [answer, words] of cases) {
      const store = new AppointmentStore(transport(answer), () => NOW);
      await store.book(booking);
      const markup = html(<BookForm store={store} />);
      expect(markup).toContain('data-testid="appointment-book-error"');
      expect(text(markup)).toContain(words);
    }
    const wrong = new AppointmentStore(
      transport(() => appointment('booked')),
      () => NOW,
    );
    await wrong.book({ ...booking, idNumber: '12345' });
    expect(text(html(<BookForm store={wrong} />))).toContain('身份证号码应为 18 位');

    let taken = 0;
    const full = transport(
      () => (taken++, appointment('booked')),
      () => [{ ...slot, booked: taken }],
    );
    const ok = new AppointmentStore(full, () => NOW);
    await ok.loadSlots('2026-11-22');
    await ok.book(booking);
    await ok.loadSlots();
    const markup = html(<BookForm store={ok} />);
    for (const id of [
      'appointment-book-slot',
      'appointment-book-name',
      'appointment-book-id',
      'appointment-book-phone',
      'appointment-book-submit',
    ])
      expect(markup).toContain(`data-testid="${id}"`);
    expect(text(markup)).toContain('已为 王秀英 预约 2026-11-22 10:00–10:30 的 高龄津贴申领');
    // The slot that is full now shows as such and cannot be chosen.
    expect(markup).toMatch(/<option value="s1" disabled="">[^<]*已约满/);
  });

  it('gives supervisors the slot form (its fields, the Shanghai start, its refusals) and agents none', async () => {
    const agent = (role: Agent['role']): Agent => ({
      id: 'a',
      username: 'a',
      displayName: 'A',
      role,
      centreId: 'main',
      skills: ['elderly-care'],
    });
    const boss = html(
      <AppointmentsTab
        token="t"
        agent={agent('admin')}
        onFailure={() => ''}
        transport={transport(() => appointment('booked'))}
      />,
    );
    for (const id of [
      'appointments-today',
      'appointment-book-open',
      'slots-create-skill',
      'slots-create-item',
      'slots-create-from',
      'slots-create-length',
      'slots-create-count',
      'slots-create-capacity',
      'slots-create-specialist',
      'slots-create-submit',
    ])
      expect(boss).toContain(`data-testid="${id}"`);
    const plain = html(
      <AppointmentsTab
        token="t"
        agent={agent('agent')}
        onFailure={() => ''}
        transport={transport(() => appointment('booked'))}
      />,
    );
    expect(plain).toContain('data-testid="appointments-today"');
    expect(plain).not.toContain('slots-create-form');

    expect(
      slotsRequestOf({
        skill: 'elderly-care',
        itemCode: 'x',
        from: '2026-11-23T10:00',
        lengthMin: '30',
        count: '2',
        capacity: '1',
        specialistAgentId: '',
      }),
    ).toEqual({
      skill: 'elderly-care',
      itemCode: 'x',
      from: '2026-11-23T10:00:00+08:00',
      lengthMin: 30,
      count: 2,
      capacity: 1,
    });
    const store = new AppointmentStore(
      transport(() => appointment('booked')),
      () => NOW,
    );
    await store.createSlots({ skill: 'elderly-care', itemCode: '', from: '' });
    const markup = html(
      <SlotsForm store={store} transport={transport(() => appointment('booked'))} centreId="main" />,
      'en',
    );
    expect(text(markup)).toContain('Fill in the item, the start');
  });

  it('has every word in both languages', () => {
    for (const key of APPOINTMENT_WORD_KEYS) {
      expect(aw('zh-CN', key)).not.toBe('');
      expect(aw('en', key)).not.toMatch(/[\u4e00-\u9fff]/u);
    }
  });
});
