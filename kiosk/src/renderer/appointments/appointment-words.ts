/**
 * The words of the kiosk's appointment screens (issue 11 #8), zh-CN and English (every key in both),
 * and dates and times said as a person says them: 明天 11月23日 星期一，上午9点到9点半. What is spoken
 * is made of these same shown sentences (appointment-speech.ts).
 */
import { skillName, type AppointmentSlot, type Locale } from '@rvw/shared';
import { fillPlaceholders, MONTHS_EN } from '../i18n';

const zh = {
  'found.title': '您预约了 {item}',
  'found.when': '{when}',
  'found.connect': '马上为您接通',
  'found.continue': '好的，继续',
  'found.other': '不是这件事，办别的',
  'book.title': '预约办理',
  'book.hint': '请选一个您方便的时间，按一下就行。',
  'book.loading': '正在查找可以预约的时间，请稍候',
  'book.none': '现在没有可以预约的时间',
  'book.noneHint': '您可以直接呼叫工作人员，也可以过几天再来看看。',
  'book.page': '第 {page} 页，共 {pages} 页',
  'book.more': '后面的时间',
  'book.earlier': '前面的时间',
  'book.back': '返回',
  'book.confirmTitle': '您要预约这个时间吗？',
  'book.confirmWho': '预约人：{name}',
  'book.confirm': '确定预约',
  'book.change': '换一个时间',
  'book.sending': '正在为您预约，请稍候',
  'book.bookedTitle': '预约成功',
  'book.bookedWhat': '{name}，您预约了 {item}',
  'book.bookedWhen': '时间：{when}',
  'book.bookedCome': '到时候请带上身份证来，最早可以提前 {early} 分钟。把身份证放在读卡器上，就会认出您。',
  'book.done': '好的',
  'book.full': '这个时间刚刚约满了，请换一个时间。',
  'book.past': '这个时间已经过了，请换一个时间。',
  'book.duplicate': '您已经预约过这个时间了，不用再约。',
  'book.offline': '暂时连不上服务中心，没有预约成功。请稍后再试，或请身边的工作人员帮忙。',
  'book.card': '需要您同意使用身份证，才能预约。请返回后重新放身份证。',
  'book.failed': '没有预约成功。请再试一次，或请身边的工作人员帮忙。',
  'book.retry': '再试一次',
  'when.range': '{day} {from}到{to}',
  'day.today': '今天',
  'day.tomorrow': '明天',
  'day.afterTomorrow': '后天',
} as const;

/** A key of the appointment words. */
export type AppointmentWordKey = keyof typeof zh;

const en: Record<AppointmentWordKey, string> = {
  'found.title': 'You have an appointment for {item}',
  'found.when': '{when}',
  'found.connect': 'We are connecting you now',
  'found.continue': 'OK, continue',
  'found.other': 'Not this, something else',
  'book.title': 'Book an appointment',
  'book.hint': 'Please press a time that suits you.',
  'book.loading': 'Looking for times you can book, please wait',
  'book.none': 'There are no times to book right now',
  'book.noneHint': 'You can call a staff member now, or come back in a few days.',
  'book.page': 'Page {page} of {pages}',
  'book.more': 'Later times',
  'book.earlier': 'Earlier times',
  'book.back': 'Back',
  'book.confirmTitle': 'Book this time?',
  'book.confirmWho': 'For: {name}',
  'book.confirm': 'Yes, book it',
  'book.change': 'Choose another time',
  'book.sending': 'Booking for you, please wait',
  'book.bookedTitle': 'Your appointment is booked',
  'book.bookedWhat': '{name}, you have an appointment for {item}',
  'book.bookedWhen': 'When: {when}',
  'book.bookedCome':
    'Please bring your ID card; you may come up to {early} minutes early. Place the card on the reader and you will be recognised.',
  'book.done': 'OK',
  'book.full': 'This time has just been fully booked. Please choose another.',
  'book.past': 'This time has already passed. Please choose another.',
  'book.duplicate': 'You have already booked this time; there is no need to book again.',
  'book.offline':
    'The service centre cannot be reached, so nothing was booked. Please try later, or ask a staff member nearby.',
  'book.card': 'Booking needs your agreement to use your ID card. Please go back and place your card again.',
  'book.failed': 'The booking did not go through. Please try again, or ask a staff member nearby.',
  'book.retry': 'Try again',
  'when.range': '{day}, {from} to {to}',
  'day.today': 'Today',
  'day.tomorrow': 'Tomorrow',
  'day.afterTomorrow': 'The day after tomorrow',
};

const words: Record<Locale, Record<AppointmentWordKey, string>> = { 'zh-CN': zh, en };

/** The words for a key in `locale`, with `{param}` placeholders filled in. */
export function aw(
  locale: Locale,
  key: AppointmentWordKey,
  params: Record<string, string | number> = {},
): string {
  return fillPlaceholders(words[locale][key], params);
}

/** Every key, for the completeness test. */
export const APPOINTMENT_WORD_KEYS = Object.keys(zh) as AppointmentWordKey[];

const ZONE = 'Asia/Shanghai';
const WEEKDAYS_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The Shanghai calendar parts of an instant. */
function parts(at: Date): { y: number; m: number; d: number; h: number; min: number; wd: number } {
  const p = new Intl.DateTimeFormat('en-US', {
    timeZone: ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
    weekday: 'short',
  }).formatToParts(at);
  const get = (type: string) => p.find((x) => x.type === type)?.value ?? '0';
  const wd = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return { y: +get('year'), m: +get('month'), d: +get('day'), h: +get('hour'), min: +get('minute'), wd };
}

/** The day as said: 明天 11月23日 星期一 / Tomorrow, Monday 23 November. */
export function dayWords(at: Date, now: Date, locale: Locale): string {
  const a = parts(at);
  const n = parts(now);
  const days = Math.round((Date.UTC(a.y, a.m - 1, a.d) - Date.UTC(n.y, n.m - 1, n.d)) / 86_400_000);
  const rel =
    days === 0 ? 'day.today' : days === 1 ? 'day.tomorrow' : days === 2 ? 'day.afterTomorrow' : null;
  if (locale === 'en') {
    const date = `${WEEKDAYS_EN[a.wd]} ${a.d} ${MONTHS_EN[a.m - 1]}`;
    return rel ? `${aw(locale, rel)}, ${date}` : date;
  }
  const date = `${a.m}月${a.d}日 ${WEEKDAYS_ZH[a.wd]}`;
  return rel ? `${aw(locale, rel)} ${date}` : date;
}

function zhPeriod(h: number): string {
  if (h < 6) return '凌晨';
  if (h < 12) return '上午';
  if (h === 12) return '中午';
  if (h < 18) return '下午';
  return '晚上';
}

/** A time as said: 上午9点 / 下午2点半 / 上午10点15分; 9 am / 2:30 pm. `withPeriod` false drops 上午. */
export function timeWords(at: Date, locale: Locale, withPeriod = true): string {
  const { h, min } = parts(at);
  const h12 = h % 12 === 0 ? 12 : h % 12;
  if (locale === 'en') {
    const clock = min === 0 ? `${h12}` : `${h12}:${String(min).padStart(2, '0')}`;
    return withPeriod ? `${clock} ${h < 12 ? 'am' : 'pm'}` : clock;
  }
  const clock = min === 0 ? `${h12}点` : min === 30 ? `${h12}点半` : `${h12}点${min}分`;
  return withPeriod ? zhPeriod(h) + clock : clock;
}

/** The window as said: 明天 11月23日 星期一 上午9点到9点半. */
export function windowWords(slot: Pick<AppointmentSlot, 'startsAt' | 'endsAt'>, now: Date, locale: Locale) {
  const from = new Date(slot.startsAt);
  const to = new Date(slot.endsAt);
  const fromH = parts(from).h;
  const toH = parts(to).h;
  const samePeriod = locale === 'en' ? fromH < 12 === toH < 12 : zhPeriod(fromH) === zhPeriod(toH);
  return aw(locale, 'when.range', {
    day: dayWords(from, now, locale),
    // "9 to 9:30 am": the period once when both ends share it.
    from: timeWords(from, locale, locale === 'en' ? !samePeriod : true),
    to: timeWords(to, locale, locale === 'en' ? true : !samePeriod),
  });
}

/** The item as shown: the catalogue's name, or the skill group's when the server sent none. */
export function itemWords(slot: Pick<AppointmentSlot, 'itemName' | 'skill'>, locale: Locale): string {
  const name = slot.itemName ?? skillName(slot.skill);
  return locale === 'en' ? name.en : name.zh;
}
