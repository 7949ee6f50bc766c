/** Reduces a card read to what the screens and the server may see. */
import { ageOn, maskIdNumber } from '@rvw/shared';
import type { CardSummary, ResidentIdentity } from '@rvw/shared';
import type { IdCard } from '../devices/idcard/types';

// Two-character surnames that must not be cut after the first character (欧阳修 is Mr 欧阳, not Mr 欧).
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '令狐',
  '夏侯',
  '轩辕',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '闻人',
  '澹台',
  '万俟',
  '呼延',
  '申屠',
]);

/** The surname of a Chinese name, for greetings such as 李女士; empty for foreign cards or empty names. */
export function familyNameOf(card: Pick<IdCard, 'cardType' | 'name'>): string {
  if (card.cardType === 'foreign-permanent' || card.cardType === 'foreign-permanent-2023') return '';
  const name = card.name.trim();
  if (name.length === 0) return '';
  const two = name.slice(0, 2);
  if (name.length >= 3 && COMPOUND_SURNAMES.has(two)) return two;
  return Array.from(name)[0] ?? '';
}

/** The screen's view of a card: masked number, age, no photo, no address. */
export function summarizeCard(card: IdCard, now: Date = new Date()): CardSummary {
  const englishName = card.englishName?.trim();
  return {
    ...(englishName ? { englishName } : {}),
    cardType: card.cardType,
    // An old foreigner card may carry no Chinese name: greet with the English one instead.
    name: card.name.trim() || card.englishName?.trim() || '',
    familyName: familyNameOf(card),
    gender: card.gender,
    age: ageOn(card.birthDate, now),
    idNumberMasked: maskIdNumber(card.idNumber),
  };
}

/** The identity sent to the server after consent: the minimum the centre needs, never the photo or address. */
export function toResidentIdentity(card: IdCard): ResidentIdentity {
  const identity: ResidentIdentity = {
    cardType: card.cardType,
    name: card.name.trim() || card.englishName?.trim() || '?',
    gender: card.gender,
    birthDate: card.birthDate,
    idNumber: card.idNumber,
    idNumberValid: card.idNumberValid,
  };
  if (card.englishName) identity.englishName = card.englishName;
  if (card.nation) identity.nation = card.nation;
  if (card.nationality) identity.nationality = card.nationality;
  return identity;
}
