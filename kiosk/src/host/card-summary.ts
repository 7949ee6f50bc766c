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

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A card's text field as sent: trimmed, cut to the server's limit, absent when empty. */
function cardText(value: string | undefined, max: number): string | undefined {
  const text = value?.trim();
  return text ? Array.from(text).slice(0, max).join('') : undefined;
}

/**
 * The identity sent to the server after consent: what a form may be prefilled from (issue 9: the
 * address, issuer and validity too, under the same consent), never the photo or the card's
 * technical extras. The address is the card's current one: the newest appended address (追加地址)
 * when the card has one, else the address printed on it. A date that is not YYYY-MM-DD is left out
 * rather than refused, so a card with one odd field still shares the rest.
 */
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
  const address = cardText(card.appendedAddress, 200) ?? cardText(card.address, 200);
  if (address) identity.address = address;
  const issuer = cardText(card.issuer, 120);
  if (issuer) identity.issuer = issuer;
  if (ISO_DAY.test(card.validFrom)) identity.validFrom = card.validFrom;
  if (card.validTo === 'long-term' || ISO_DAY.test(card.validTo)) identity.validTo = card.validTo;
  return identity;
}
