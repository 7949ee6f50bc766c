/** How kiosk-doctor shows a card: masked unless --show, as one JSON object or as labelled lines. */
import { maskIdNumber } from '@rvw/shared';
import type { CardRead, IdCard } from '../devices/idcard/types';

/** The fields of `kiosk-doctor idcard --json`, in order (absent ones are omitted). */
export const JSON_FIELDS = [
  'cardType',
  'name',
  'englishName',
  'gender',
  'nation',
  'birthDate',
  'address',
  'idNumber',
  'idNumberValid',
  'issuer',
  'validFrom',
  'validTo',
  'nationality',
  'passNumber',
  'issueCount',
  'samId',
] as const;

/** One `--json` object. */
export type DoctorCardJson = Partial<Record<(typeof JSON_FIELDS)[number], string | number | boolean>>;

/** Keeps the first character, stars the rest (spaces kept so word shapes stay visible). */
export function maskName(name: string): string {
  return [...name].map((c, i) => (i === 0 || c === ' ' ? c : '*')).join('');
}

/** Keeps the first six characters of an address (province and district), stars the rest. */
export function maskAddress(address: string): string {
  const chars = [...address];
  return chars.slice(0, 6).join('') + '*'.repeat(Math.max(0, chars.length - 6));
}

/** Keeps the year of a date. */
export function maskDate(date: string): string {
  return date.slice(0, 4) + '-**-**';
}

/** The card with its identifying fields masked (name, English name, birth date, addresses, numbers). */
export function maskCard(card: IdCard): IdCard {
  const out: IdCard = {
    ...card,
    name: maskName(card.name),
    birthDate: maskDate(card.birthDate),
    idNumber: maskIdNumber(card.idNumber),
  };
  if (card.englishName !== undefined) out.englishName = maskName(card.englishName);
  if (card.address !== undefined) out.address = maskAddress(card.address);
  if (card.appendedAddress !== undefined) out.appendedAddress = maskAddress(card.appendedAddress);
  if (card.passNumber !== undefined) out.passNumber = maskIdNumber(card.passNumber);
  return out;
}

/** The `--json` object: exactly JSON_FIELDS, those the card lacks omitted; masked unless `show`. */
export function cardJson(read: CardRead, show: boolean): DoctorCardJson {
  const card = show ? read.card : maskCard(read.card);
  const source: Record<string, unknown> = { ...card, samId: read.samId };
  const out: DoctorCardJson = {};
  for (const key of JSON_FIELDS) {
    const v = source[key];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[key] = v;
  }
  return out;
}

const CARD_TYPE_LABEL: Record<IdCard['cardType'], string> = {
  resident: '居民身份证 Resident ID card',
  'hk-macao-taiwan': '港澳台居民居住证 HK/Macao/Taiwan residence permit',
  'foreign-permanent': '外国人永久居留身份证（旧版） Foreigner permanent residence card (old)',
  'foreign-permanent-2023': '外国人永久居留身份证（2023版） Foreigner permanent residence card (2023)',
};

const LABELS: [keyof IdCard, string][] = [
  ['name', '姓名 Name'],
  ['englishName', '英文名 English name'],
  ['gender', '性别 Gender'],
  ['nation', '民族 Nation'],
  ['birthDate', '出生 Born'],
  ['address', '住址 Address'],
  ['appendedAddress', '追加地址 Appended address'],
  ['idNumber', '号码 Number'],
  ['idNumberValid', '校验 Check digit valid'],
  ['issuer', '签发机关 Issuer'],
  ['validFrom', '有效期起 Valid from'],
  ['validTo', '有效期止 Valid to'],
  ['nationality', '国籍 Nationality'],
  ['passNumber', '通行证号 Pass number'],
  ['issueCount', '签发次数 Issue count'],
  ['renewalCount', '换证次数 Renewal count'],
  ['cardVersion', '证件版本 Card version'],
  ['issuerCode', '受理机关代码 Issuer code'],
];

const GENDER_LABEL: Record<IdCard['gender'], string> = {
  male: '男 male',
  female: '女 female',
  unknown: '未知 unknown',
  unspecified: '未说明 unspecified',
};

/** How a field reads for people: codes in both languages, 长期 for no expiry, 是/否 for booleans. */
function display(key: keyof IdCard, value: unknown): string {
  if (key === 'gender') return GENDER_LABEL[value as IdCard['gender']] ?? String(value);
  if (key === 'validTo' && value === 'long-term') return '长期 long-term';
  if (typeof value === 'boolean') return value ? '是 yes' : '否 no';
  return String(value);
}

/** Labelled lines for people (zh + en labels). */
export function cardLines(read: CardRead, show: boolean): string[] {
  const card = show ? read.card : maskCard(read.card);
  const lines = [`证件类型 Card type: ${CARD_TYPE_LABEL[card.cardType]}`];
  for (const [key, label] of LABELS) {
    const v = card[key];
    if (v !== undefined && v !== '') lines.push(`${label}: ${display(key, v)}`);
  }
  lines.push(`安全模块 SAM ID: ${read.samId}`);
  if (!show)
    lines.push(
      '（个人信息已隐藏；加 --show 显示全部。 Identity fields are masked; add --show to reveal them.）',
    );
  return lines;
}
