/**
 * A supervisor opens appointment slots for a skill group of their centre: the item (from the
 * catalogue, of that group), the first start (Shanghai time), each slot's length, how many in a row,
 * how many residents per slot, and optionally a named specialist of the centre.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Skill, skillName, type Agent, type CatalogueItemSummary } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { local } from '../i18n/local-text';
import { Field } from '../ui/Field';
import { FormOutcome } from '../ui/FormOutcome';
import type { AppointmentTransport } from './appointment-api';
import { useAppointmentStore, type AppointmentStore } from './appointment-store';
import { aw, refusalWords } from './appointment-words';

/** Props: the tab's store, the transport for the pickers, and the supervisor's centre. */
export interface SlotsFormProps {
  store: AppointmentStore;
  transport: Pick<AppointmentTransport, 'items' | 'agents'>;
  centreId: string;
}

/** The form's fields as typed, turned into a CreateSlotsRequest (the store checks it). */
export function slotsRequestOf(f: {
  skill: Skill;
  itemCode: string;
  from: string;
  lengthMin: string;
  count: string;
  capacity: string;
  specialistAgentId: string;
}) {
  return {
    skill: f.skill,
    itemCode: f.itemCode,
    // A datetime-local value is the centre's wall clock (Asia/Shanghai, no daylight saving).
    from: f.from ? `${f.from.length === 16 ? `${f.from}:00` : f.from}+08:00` : '',
    lengthMin: Number(f.lengthMin),
    count: Number(f.count),
    capacity: Number(f.capacity),
    ...(f.specialistAgentId ? { specialistAgentId: f.specialistAgentId } : {}),
  };
}

/** The opening form. */
export function SlotsForm({ store, transport, centreId }: SlotsFormProps) {
  const { locale, err } = useI18n();
  const snap = useAppointmentStore(store);
  const [skill, setSkill] = useState<Skill>('elderly-care');
  const [itemCode, setItemCode] = useState('');
  const [from, setFrom] = useState('');
  const [lengthMin, setLengthMin] = useState('30');
  const [count, setCount] = useState('4');
  const [capacity, setCapacity] = useState('1');
  const [specialistAgentId, setSpecialist] = useState('');
  const [items, setItems] = useState<CatalogueItemSummary[]>([]);
  const [agents, setAgents] = useState<Agent[]>([]);
  const w = (key: Parameters<typeof aw>[1], params?: Record<string, string | number>) =>
    aw(locale, key, params);

  useEffect(() => {
    let live = true;
    transport.items(skill).then(
      (list) => live && setItems(list),
      () => live && setItems([]),
    );
    return () => void (live = false);
  }, [transport, skill]);
  useEffect(() => {
    let live = true;
    transport.agents().then(
      (list) => live && setAgents(list.filter((a) => a.centreId === centreId)),
      () => undefined,
    );
    return () => void (live = false);
  }, [transport, centreId]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    await store.createSlots(
      slotsRequestOf({ skill, itemCode, from, lengthMin, count, capacity, specialistAgentId }),
    );
  }

  const error = snap.creating.error;
  const problem = error === null ? null : refusalWords(locale, 'slots', error, err);
  return (
    <form className="appointment-form" onSubmit={submit} noValidate data-testid="slots-create-form">
      <h3>{w('slots.heading')}</h3>
      <Field label={w('slots.skill')}>
        <select
          data-testid="slots-create-skill"
          value={skill}
          onChange={(e) => {
            setSkill(e.target.value as Skill);
            setItemCode('');
          }}
        >
          {Skill.options.map((s) => (
            <option key={s} value={s}>
              {local(skillName(s), locale)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={w('slots.item')}>
        <select
          data-testid="slots-create-item"
          value={itemCode}
          onChange={(e) => setItemCode(e.target.value)}
        >
          <option value="">{w('slots.itemPick')}</option>
          {items.map((i) => (
            <option key={i.code} value={i.code}>
              {local(i.name, locale)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={w('slots.from')}>
        <input
          type="datetime-local"
          data-testid="slots-create-from"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
      </Field>
      <Field label={w('slots.length')}>
        <input
          type="number"
          min={5}
          max={240}
          data-testid="slots-create-length"
          value={lengthMin}
          onChange={(e) => setLengthMin(e.target.value)}
        />
      </Field>
      <Field label={w('slots.count')}>
        <input
          type="number"
          min={1}
          max={48}
          data-testid="slots-create-count"
          value={count}
          onChange={(e) => setCount(e.target.value)}
        />
      </Field>
      <Field label={w('slots.capacity')}>
        <input
          type="number"
          min={1}
          max={50}
          data-testid="slots-create-capacity"
          value={capacity}
          onChange={(e) => setCapacity(e.target.value)}
        />
      </Field>
      <Field label={w('slots.specialist')}>
        <select
          data-testid="slots-create-specialist"
          value={specialistAgentId}
          onChange={(e) => setSpecialist(e.target.value)}
        >
          <option value="">{w('slots.anyone')}</option>
          {agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.displayName}
            </option>
          ))}
        </select>
      </Field>
      <FormOutcome
        testId="slots-create"
        busy={snap.creating.busy}
        submitLabel={w('slots.submit')}
        busyLabel={w('slots.submitting')}
        problem={problem}
        code={error}
        done={snap.creating.created && w('slots.done', { count: snap.creating.created.length })}
      />
    </form>
  );
}
