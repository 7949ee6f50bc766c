/**
 * The words of the console's 预约 tab (issue 11 #8), zh-CN and English (every key in both), and how
 * a slot's time and item are shown. Error codes without a sentence of their own here fall back to
 * the console's (useI18n().err: SLOT_FULL, SLOT_PAST...).
 */
import { skillName, type AppointmentSlot, type AppointmentStatus, type Locale } from '@rvw/shared';
import { local } from '../i18n/local-text';
import { fillPlaceholders } from '../i18n/translate';

const zh = {
  tab: '预约',
  'today.heading': '{day} 的预约',
  'today.mine': '我的预约（我负责的专员时段，和我所属技能组的时段）',
  'today.centre': '本中心全部预约',
  'today.none': '这一天没有预约。',
  'today.loading': '正在读取…',
  'today.refresh': '刷新',
  'today.day': '日期',
  'col.time': '时间',
  'col.item': '事项',
  'col.name': '居民',
  'col.id': '证件号码',
  'col.status': '状态',
  'col.ticket': '号码',
  'col.actions': '操作',
  'status.booked': '已预约',
  'status.arrived': '已到达',
  'status.served': '已办理',
  'status.cancelled': '已取消',
  'status.missed': '未到',
  'cancel.ask': '取消预约',
  'cancel.question': '确定取消 {name} {time} 的预约吗？',
  'cancel.confirm': '确认取消',
  'cancel.keep': '不取消',
  'cancel.busy': '正在取消…',
  'cancel.WRONG_STATE': '这个预约已不能取消：居民已经签到，或预约已被取消、已过时。列表已重新读取。',
  'cancel.NOT_FOUND': '没有找到这个预约。列表已重新读取。',
  'cancel.FORBIDDEN': '这是其他中心的预约，只能取消本中心的预约。',
  'book.open': '为居民预约（电话）',
  'book.close': '收起',
  'book.heading': '为电话中的居民预约',
  'book.day': '日期',
  'book.slot': '时段',
  'book.slotNone': '这一天没有可预约的时段。',
  'book.slotPick': '请选择时段',
  'book.slotFull': '已约满',
  'book.slotFree': '余 {free} 个',
  'book.name': '居民姓名',
  'book.id': '身份证号码（18 位）',
  'book.phone': '手机号码（可不填）',
  'book.submit': '预约',
  'book.submitting': '正在预约…',
  'book.done':
    '已为 {name} 预约 {when} 的 {item}。请告诉居民：到时带身份证到自助终端，提前 {early} 分钟内放上身份证即可。',
  'book.invalid.slotId': '请先选择一个时段。',
  'book.invalid.residentName': '请填写居民姓名。',
  'book.invalid.idNumber': '身份证号码应为 18 位（最后一位可以是 X）。',
  'book.invalid.phone': '手机号码应为 11 位数字。',
  'book.CONFLICT': '这位居民已经预约了这个时段，不用重复预约。',
  'slots.heading': '开放预约时段（本中心）',
  'slots.skill': '技能组',
  'slots.item': '事项',
  'slots.itemPick': '请选择事项',
  'slots.from': '第一个时段开始',
  'slots.length': '每个时段（分钟）',
  'slots.count': '连续几个时段',
  'slots.capacity': '每个时段可约人数',
  'slots.specialist': '指定专员（可不选）',
  'slots.anyone': '技能组内任何人',
  'slots.submit': '开放时段',
  'slots.submitting': '正在开放…',
  'slots.done': '已开放 {count} 个时段。',
  'slots.invalid': '请填写完整：事项、开始时间、时长（5–240 分钟）、个数（1–48）、人数（1–50）。',
  'slots.BAD_PAYLOAD': '该事项不在所选技能组，或填写的内容不对。',
  'slots.NOT_FOUND': '所选专员不是本中心的工作人员。',
} as const;

/** A key of the 预约 tab's words. */
export type AppointmentWordKey = keyof typeof zh;

const en: Record<AppointmentWordKey, string> = {
  tab: 'Appointments',
  'today.heading': 'Appointments on {day}',
  'today.mine': 'My appointments (my specialist slots and my skill groups’ slots)',
  'today.centre': 'All appointments of this centre',
  'today.none': 'No appointments on this day.',
  'today.loading': 'Loading…',
  'today.refresh': 'Refresh',
  'today.day': 'Date',
  'col.time': 'Time',
  'col.item': 'Item',
  'col.name': 'Resident',
  'col.id': 'ID number',
  'col.status': 'Status',
  'col.ticket': 'Ticket',
  'col.actions': 'Actions',
  'status.booked': 'Booked',
  'status.arrived': 'Arrived',
  'status.served': 'Served',
  'status.cancelled': 'Cancelled',
  'status.missed': 'Missed',
  'cancel.ask': 'Cancel appointment',
  'cancel.question': 'Cancel the appointment of {name} at {time}?',
  'cancel.confirm': 'Yes, cancel it',
  'cancel.keep': 'Keep it',
  'cancel.busy': 'Cancelling…',
  'cancel.WRONG_STATE':
    'This appointment can no longer be cancelled: the resident has checked in, or it was already cancelled or missed. The list has been read again.',
  'cancel.NOT_FOUND': 'This appointment was not found. The list has been read again.',
  'cancel.FORBIDDEN': 'This appointment belongs to another centre; you may cancel only your own centre’s.',
  'book.open': 'Book for a resident (phone)',
  'book.close': 'Close',
  'book.heading': 'Book for the resident on the phone',
  'book.day': 'Date',
  'book.slot': 'Time slot',
  'book.slotNone': 'No slots to book on this day.',
  'book.slotPick': 'Choose a slot',
  'book.slotFull': 'full',
  'book.slotFree': '{free} free',
  'book.name': 'Resident’s name',
  'book.id': 'ID number (18 characters)',
  'book.phone': 'Mobile number (optional)',
  'book.submit': 'Book',
  'book.submitting': 'Booking…',
  'book.done':
    'Booked {item} for {name} on {when}. Tell the resident to bring their ID card to a kiosk and place it on the reader, up to {early} minutes early.',
  'book.invalid.slotId': 'Choose a slot first.',
  'book.invalid.residentName': 'Enter the resident’s name.',
  'book.invalid.idNumber': 'The ID number has 18 characters (the last may be X).',
  'book.invalid.phone': 'The mobile number has 11 digits.',
  'book.CONFLICT': 'This resident has already booked this slot.',
  'slots.heading': 'Open appointment slots (this centre)',
  'slots.skill': 'Skill group',
  'slots.item': 'Item',
  'slots.itemPick': 'Choose an item',
  'slots.from': 'First slot starts',
  'slots.length': 'Each slot (minutes)',
  'slots.count': 'Slots in a row',
  'slots.capacity': 'Residents per slot',
  'slots.specialist': 'Specialist (optional)',
  'slots.anyone': 'Anyone in the skill group',
  'slots.submit': 'Open slots',
  'slots.submitting': 'Opening…',
  'slots.done': 'Opened {count} slots.',
  'slots.invalid':
    'Fill in the item, the start, the length (5–240 minutes), the count (1–48) and the capacity (1–50).',
  'slots.BAD_PAYLOAD': 'The item is not of the chosen skill group, or a field is wrong.',
  'slots.NOT_FOUND': 'The chosen specialist is not a staff member of this centre.',
};

const words: Record<Locale, Record<AppointmentWordKey, string>> = { 'zh-CN': zh, en };

/** Every key, for the completeness test. */
export const APPOINTMENT_WORD_KEYS = Object.keys(zh) as AppointmentWordKey[];

/** The words for a key in `locale`, with `{param}` placeholders filled in. */
export function aw(locale: Locale, key: AppointmentWordKey, params: Record<string, string | number> = {}) {
  return fillPlaceholders(words[locale][key], params);
}

/** True when `key` names a word of the tab (for error codes that may have one). */
export function isAppointmentWord(key: string): key is AppointmentWordKey {
  return Object.hasOwn(zh, key);
}

/**
 * A refusal of one of the tab's forms in words: the tab's own sentence for `<form>.<code>` when it
 * has one, else the console's for the code (`err`, from useI18n).
 */
export function refusalWords(
  locale: Locale,
  form: 'book' | 'slots' | 'cancel',
  code: string,
  err: (code: string) => string,
): string {
  const key = `${form}.${code}`;
  return isAppointmentWord(key) ? aw(locale, key) : err(code);
}

/** The status as shown. */
export function statusWords(status: AppointmentStatus, locale: Locale): string {
  return aw(locale, `status.${status}`);
}

const hm = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A slot's window on Shanghai's clock: 10:00–10:30. */
export function slotTime(slot: Pick<AppointmentSlot, 'startsAt' | 'endsAt'>): string {
  return `${hm.format(new Date(slot.startsAt))}–${hm.format(new Date(slot.endsAt))}`;
}

/** The item's name (the skill group's when the server sent none). */
export function slotItem(slot: Pick<AppointmentSlot, 'itemName' | 'skill'>, locale: Locale): string {
  return local(slot.itemName ?? skillName(slot.skill), locale);
}

/** The Asia/Shanghai day of an instant, YYYY-MM-DD. */
export function shanghaiDay(at: Date): string {
  return at.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}
