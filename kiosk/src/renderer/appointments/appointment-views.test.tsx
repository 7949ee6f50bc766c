/**
 * The kiosk's appointment screens as the resident sees and hears them: every step in both
 * languages with its test ids, each spoken sentence shown on its screen, dates and times in words,
 * and the booking controller's way through full, past, duplicate and unreachable answers.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  BridgeError,
  type Appointment,
  type AppointmentSlot,
  type KioskBridge,
  type Locale,
} from '@rvw/shared';
import { AppointmentBooking } from './AppointmentBooking';
import { AppointmentFound } from './AppointmentFound';
import { appointmentFoundParts, bookingSpokenParts } from './appointment-speech';
import { APPOINTMENT_WORD_KEYS, aw, timeWords, windowWords } from './appointment-words';
import { BookingController, SLOTS_PER_PAGE, type BookingStep } from './booking-controller';

// Sunday 22 November 2026, 09:00 in Shanghai.
const NOW = new Date('2026-11-22T01:00:00Z');
const now = () => NOW;

function slot(id: string, startsAt: string, minutes = 30): AppointmentSlot {
  return {
    slotId: id,
    centreId: 'main',
    skill: 'elderly-care',
    itemCode: 'senior-allowance',
    itemName: { zh: '高龄津贴申领', en: 'Senior allowance' },
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + minutes * 60_000).toISOString(),
    capacity: 2,
    booked: 0,
  };
}
const tomorrow10 = slot('s1', '2026-11-23T02:00:00Z'); // Monday 10:00 Shanghai
const appointment = (s: AppointmentSlot, status: Appointment['status'] = 'booked'): Appointment => ({
  appointmentId: 'a1',
  slot: s,
  status,
  residentName: '李秀英',
  idNumberMasked: '310***********0021',
  bookedBy: 'kiosk',
  bookedAt: NOW.toISOString(),
});

const text = (markup: string) =>
  markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/** Every spoken sentence appears on the screen (the way speech-text.test.tsx checks the flow's). */
function expectSpokenShown(parts: string[], markup: string): void {
  const shown = text(markup);
  for (const part of parts)
    for (const piece of part.split(/[，,]\s*/u)) expect(shown).toContain(piece.trim());
}

type Invoke = KioskBridge['invoke'];
function fakeInvoke(answers: { slots?: () => AppointmentSlot[]; book?: (slotId: string) => Appointment }): {
  invoke: Invoke;
  calls: string[];
} {
  const calls: string[] = [];
  const invoke = (async (channel: string, request: { slotId?: string }) => {
    calls.push(channel);
    if (channel === 'appointment:slots') return { slots: answers.slots?.() ?? [] };
    if (channel === 'appointment:book') return { appointment: answers.book!(request.slotId!) };
    throw new Error(`unexpected ${channel}`);
  }) as unknown as Invoke;
  return { invoke, calls };
}

function renderBooking(controller: BookingController, locale: Locale, name = '李女士'): string {
  return renderToStaticMarkup(
    <AppointmentBooking
      locale={locale}
      ready
      onDone={() => undefined}
      onBack={() => undefined}
      residentName={name}
      controller={controller}
      now={now}
      speak={() => undefined}
    />,
  );
}

describe('appointment words', () => {
  it('says times and windows as a person does', () => {
    expect(timeWords(new Date('2026-11-23T01:00:00Z'), 'zh-CN')).toBe('上午9点');
    expect(timeWords(new Date('2026-11-23T06:30:00Z'), 'zh-CN')).toBe('下午2点半');
    expect(timeWords(new Date('2026-11-23T02:15:00Z'), 'en')).toBe('10:15 am');
    expect(windowWords(tomorrow10, NOW, 'zh-CN')).toBe('明天 11月23日 星期一 上午10点到10点半');
    expect(windowWords(tomorrow10, NOW, 'en')).toBe('Tomorrow, Monday 23 November, 10 to 10:30 am');
    const noon = slot('s2', '2026-11-22T03:30:00Z'); // today 11:30 to 12:00
    expect(windowWords(noon, NOW, 'zh-CN')).toBe('今天 11月22日 星期日 上午11点半到中午12点');
    const later = slot('s3', '2026-11-27T06:00:00Z');
    expect(windowWords(later, NOW, 'zh-CN')).toBe('11月27日 星期五 下午2点到2点半');
  });

  it('has every sentence in both languages', () => {
    for (const key of APPOINTMENT_WORD_KEYS) {
      expect(aw('zh-CN', key)).not.toBe('');
      expect(aw('en', key)).not.toBe('');
      expect(aw('en', key)).not.toMatch(/[\u4e00-\u9fff]/u);
    }
  });
});

describe('AppointmentFound', () => {
  it.each<Locale>(['zh-CN', 'en'])(
    'shows and says the appointment due now with one button (%s)',
    (locale) => {
      const found = appointment(tomorrow10, 'arrived');
      const markup = renderToStaticMarkup(
        <AppointmentFound appointment={found} locale={locale} ready onContinue={() => undefined} now={now} />,
      );
      expect(markup).toContain('data-testid="appointment-found"');
      expect(markup.match(/<button/g)).toHaveLength(1);
      expect(markup).toContain('data-testid="appointment-continue"');
      const parts = appointmentFoundParts(found, NOW, locale);
      expectSpokenShown(parts, markup);
      if (locale === 'zh-CN')
        expect(parts).toEqual([
          '您预约了 高龄津贴申领',
          '明天 11月23日 星期一 上午10点到10点半',
          '马上为您接通',
        ]);
      // While settling the button takes no tap; "not this" only when the flow offers it.
      const settling = renderToStaticMarkup(
        <AppointmentFound
          appointment={found}
          locale={locale}
          ready={false}
          onContinue={() => undefined}
          onOther={() => undefined}
          now={now}
        />,
      );
      expect(settling).toContain('data-testid="appointment-other"');
      expect(settling.match(/disabled=""/g)).toHaveLength(2);
    },
  );
});

describe('AppointmentBooking', () => {
  const six = Array.from({ length: 6 }, (_, i) =>
    slot(`s${i}`, new Date(Date.parse(tomorrow10.startsAt) + i * 1_800_000).toISOString()),
  );

  async function stepsOf(): Promise<Array<[string, BookingController]>> {
    const steps: Array<[string, BookingController]> = [];
    const make = () =>
      new BookingController(fakeInvoke({ slots: () => six, book: () => appointment(six[1]!) }).invoke);
    steps.push(['loading', make()]);
    const choose = make();
    await choose.load();
    steps.push(['choose', choose]);
    const confirm = make();
    await confirm.load();
    confirm.choose('s1');
    steps.push(['confirm', confirm]);
    const booked = make();
    await booked.load();
    booked.choose('s1');
    await booked.confirm();
    steps.push(['booked', booked]);
    const none = new BookingController(fakeInvoke({ slots: () => [] }).invoke);
    await none.load();
    steps.push(['none', none]);
    return steps;
  }

  it.each<Locale>(['zh-CN', 'en'])('each step shows what it says, with its test ids (%s)', async (locale) => {
    for (const [name, controller] of await stepsOf()) {
      const markup = renderBooking(controller, locale);
      expect(markup, name).toContain('data-testid="screen-appointment-book"');
      expectSpokenShown(bookingSpokenParts(controller.getSnapshot(), NOW, locale, '李女士'), markup);
      if (name === 'choose')
        expect(markup.match(/data-testid="appointment-slot"/g)).toHaveLength(SLOTS_PER_PAGE);
      if (name === 'confirm') expect(markup).toContain('data-testid="appointment-book-confirm"');
      if (name === 'booked') expect(markup).toContain('data-testid="appointment-booked"');
    }
  });

  it('pages through the slots and books the chosen one', async () => {
    const booked: string[] = [];
    const { invoke } = fakeInvoke({
      slots: () => six,
      book: (id) => (booked.push(id), appointment(six[5]!)),
    });
    const c = new BookingController(invoke);
    await c.load();
    c.turn(1);
    expect(renderBooking(c, 'zh-CN')).toContain('第 2 页，共 2 页');
    c.choose('s5');
    c.change();
    expect(c.getSnapshot()).toMatchObject({ step: 'choose', page: 1 });
    c.choose('s5');
    await c.confirm();
    expect(booked).toEqual(['s5']);
    expect(c.getSnapshot()).toMatchObject({ step: 'booked', appointment: { slot: { slotId: 's5' } } });
  });

  it('a slot taken or begun meanwhile brings the fresh list back and says why', async () => {
    for (const [code, notice, words] of [
      ['SLOT_FULL', 'full', '这个时间刚刚约满了'],
      ['SLOT_PAST', 'past', '这个时间已经过了'],
    ] as const) {
      let lists = 0;
      const { invoke } = fakeInvoke({
        slots: () => (lists++ === 0 ? six : six.slice(1)),
        book: () => {
          throw BridgeError.fromServer(code, 'no');
        },
      });
      const c = new BookingController(invoke);
      await c.load();
      c.choose('s0');
      await c.confirm();
      const step = c.getSnapshot() as Extract<BookingStep, { step: 'choose' }>;
      expect(step).toMatchObject({ step: 'choose', notice });
      expect(step.slots.map((s) => s.slotId)).not.toContain('s0');
      expect(renderBooking(c, 'zh-CN')).toContain(words);
    }
  });

  it('says a duplicate, a lost server (with a retry that books) and a missing consent in words', async () => {
    let fail: 'CONFLICT' | 'SERVER_UNREACHABLE' | 'FORBIDDEN' | null = 'CONFLICT';
    const { invoke, calls } = fakeInvoke({
      slots: () => six,
      book: () => {
        if (fail === 'SERVER_UNREACHABLE') throw BridgeError.serverUnreachable('timed out');
        if (fail) throw BridgeError.fromServer(fail as 'CONFLICT', 'no');
        return appointment(six[0]!);
      },
    });
    const c = new BookingController(invoke);
    await c.load();
    c.choose('s0');
    await c.confirm();
    expect(c.getSnapshot()).toEqual({ step: 'problem', problem: 'duplicate', retry: null });
    expect(renderBooking(c, 'en')).toContain('You have already booked this time');

    await c.load();
    c.choose('s0');
    fail = 'SERVER_UNREACHABLE';
    await c.confirm();
    expect(c.getSnapshot()).toEqual({ step: 'problem', problem: 'offline', retry: 'book' });
    expect(renderBooking(c, 'zh-CN')).toContain('data-testid="appointment-book-retry"');
    fail = null;
    await c.retry();
    expect(c.getSnapshot().step).toBe('booked');
    expect(calls.filter((x) => x === 'appointment:book')).toHaveLength(3);

    const d = new BookingController(invoke);
    await d.load();
    d.choose('s0');
    fail = 'FORBIDDEN';
    await d.confirm();
    expect(d.getSnapshot()).toMatchObject({ step: 'problem', problem: 'card' });
  });

  it('drops answers that arrive after the screen has gone', async () => {
    let release: (v: { slots: AppointmentSlot[] }) => void = () => undefined;
    const invoke = (() => new Promise((r) => (release = r))) as unknown as Invoke;
    const c = new BookingController(invoke);
    const seen: string[] = [];
    c.subscribe(() => seen.push(c.getSnapshot().step));
    const loading = c.load();
    c.dispose();
    release({ slots: six });
    await loading;
    expect(c.getSnapshot().step).toBe('loading');
    expect(seen).toEqual(['loading']);
  });
});
