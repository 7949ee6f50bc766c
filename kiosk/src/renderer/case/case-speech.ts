/**
 * What the case screens say aloud (speech-text.ts asks here): only sentences they show, so that
 * speech and screen agree. A form row is read as its label, then its value, as separate sentences.
 */
import { OUTCOME_LABELS, RATING_LABELS, RatingLevel, spokenCaseNumber } from '@rvw/shared';
import type { CaseState, Entitlement, Locale } from '@rvw/shared';
import type { FlowState } from '../flow/machine';
import { t } from '../i18n';
import type { MessageKey } from '../i18n';
import { caseInView, NOTICE_KEYS } from './case-view';
import { local, outcomeNotices } from './cases';
import { spokenFieldParts } from './field-text';
import { clampPage, formPages } from './pages';

/** "高龄津贴：年满65周岁，每月自动发放" for each entitlement. */
export function entitlementLines(entitlements: readonly Entitlement[], locale: Locale): string[] {
  const sep = locale === 'en' ? ': ' : '：';
  return entitlements.map((e) => `${local(e.itemName, locale)}${sep}${local(e.note, locale)}`);
}

/** The call screen's sentences when the case panel shows something; null when it shows nothing. */
export function callCaseParts(flow: FlowState, locale: Locale): string[] | null {
  const tr = (key: MessageKey) => t(locale, key);
  const c = caseInView(flow);
  if (c) {
    const notices = [
      ...(flow.formNotice ? [tr(NOTICE_KEYS[flow.formNotice])] : []),
      ...(c.form.voided ? [tr('case.voided')] : []),
    ];
    // A notice takes the title's place on screen (CasePanel), and in speech.
    return notices.length ? notices : [t(locale, 'case.formOf', { item: local(c.item.name, locale) })];
  }
  if (flow.entitlements.length > 0)
    return [tr('entitlements.title'), ...entitlementLines(flow.entitlements, locale)];
  return null;
}

/** The confirm screen: the title, the page, each row on it, and the question on the last page. */
export function reviewParts(flow: FlowState, locale: Locale): string[] {
  const c = caseInView(flow);
  if (!c || !flow.review) return [];
  const pages = formPages(c);
  const page = clampPage(flow.review.page, pages);
  const masked = new Set(c.form.maskedFields);
  const rows = (pages[page] ?? []).flatMap((f) =>
    spokenFieldParts(f, c.form.values[f.id], locale, masked.has(f.id)),
  );
  const last = page === pages.length - 1;
  return [
    ...(flow.formNotice ? [t(locale, NOTICE_KEYS[flow.formNotice])] : []),
    t(locale, 'review.title'),
    ...(pages.length > 1 ? [t(locale, 'case.page', { page: page + 1, pages: pages.length })] : []),
    ...rows,
    // The first page says how to flag a line; the last asks the question.
    ...(last ? [t(locale, 'review.question')] : page === 0 ? [t(locale, 'review.hint')] : []),
  ];
}

/** The signature screen. */
export function signParts(flow: FlowState, locale: Locale): string[] {
  return [
    ...(flow.formNotice ? [t(locale, NOTICE_KEYS[flow.formNotice])] : []),
    t(locale, 'sign.title'),
    t(locale, 'sign.hint'),
  ];
}

/** The lines told about one case after the call: its matter, its outcome, why, what next, its number. */
export function outcomeLines(c: CaseState, locale: Locale): { shown: string[]; spoken: string[] } {
  const o = c.outcome;
  const lines = [
    local(c.item.name, locale),
    ...(o ? [local(OUTCOME_LABELS[o.outcome], locale)] : []),
    ...(o?.reason ? [t(locale, 'outcome.reason', { reason: o.reason })] : []),
    ...(o?.nextStep ? [t(locale, 'outcome.nextStep', { step: o.nextStep })] : []),
  ];
  const number = [
    t(locale, 'outcome.number'),
    t(locale, 'outcome.numberSpoken', { spoken: spokenCaseNumber(c.number) }),
  ];
  return { shown: lines, spoken: [...lines, ...number] };
}

/** The outcome screen (or its idle notice). */
export function outcomeParts(flow: FlowState, locale: Locale): string[] {
  if (flow.idleNotice) return [t(locale, 'idle.notice')];
  return [
    t(locale, 'outcome.title'),
    ...outcomeNotices(flow.cases).flatMap((c) => outcomeLines(c, locale).spoken),
  ];
}

/** The rating screen: the question and the five levels; or the reasons; or its idle notice. */
export function ratingParts(flow: FlowState, locale: Locale): string[] {
  if (flow.idleNotice) return [t(locale, 'rating.idle')];
  if (flow.rating)
    return [
      t(locale, 'rating.chosen', { level: local(RATING_LABELS[flow.rating.level], locale) }),
      t(locale, 'rating.why'),
    ];
  return [
    t(locale, 'rating.title'),
    t(locale, 'rating.hint'),
    ...RatingLevel.options.map((level) => local(RATING_LABELS[level], locale)),
  ];
}
