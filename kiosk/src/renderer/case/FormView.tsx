/**
 * A page of a case's form in large type. Beside the call it has 上一页 / 下一页 with the page
 * number between them; in the walk before confirming, the page number sits beside the title and
 * the review puts its own buttons below the rows (`actions`), with "下一页" as the obvious next step.
 */
import type { ReactNode } from 'react';
import type { CaseState, Locale } from '@rvw/shared';
import type { Tr } from '../i18n';
import { FieldRow } from './FieldRow';
import { clampPage, formPages } from './pages';

/** The case, the page on show, what is flagged, and where taps go. */
export interface FormViewProps {
  caseState: CaseState;
  page: number;
  locale: Locale;
  /** The line above the rows (a heading), with the page number beside it in the review. */
  title: ReactNode;
  flagged: ReadonlySet<string>;
  canFlag: boolean;
  /** Highlight the field the agent changed last; default true. */
  highlight?: boolean;
  tr: Tr;
  speak: (text: string) => void;
  onFlag: (field: string) => void;
  onPage: (page: number) => void;
  /**
   * Disables the page buttons and the rows' "这一项不对" (while the screen settles or a send is on
   * its way), so that a tap the screen would not take never looks as if it was taken; default false.
   */
  navDisabled?: boolean;
  /**
   * `call`: 上一页 · page · 下一页 below the rows (test ids `form-prev`, `form-next`). `review`: the
   * page number beside the title, and `reviewActions(page, last)` below the rows.
   */
  mode: 'call' | 'review';
  reviewActions?: (page: number, last: boolean) => ReactNode;
}

/** One page of the form; `data-revision` tells tests which revision is on screen. */
export function FormView(props: FormViewProps) {
  const { caseState: c, locale, tr, navDisabled = false, highlight = true, mode } = props;
  const pages = formPages(c);
  const page = clampPage(props.page, pages);
  const last = page === pages.length - 1;
  const fields = pages[page] ?? [];
  const masked = new Set(c.form.maskedFields);
  const fromCard = new Set(c.form.fromCard);
  const pageOf =
    pages.length > 1 ? (
      <span className="form-page-of">{tr('case.page', { page: page + 1, pages: pages.length })}</span>
    ) : null;
  return (
    <div className="form-view" data-testid="kiosk-form" data-revision={c.form.revision} data-page={page}>
      <div className="form-head">
        {props.title}
        {mode === 'review' && pageOf}
      </div>
      <ol className="field-list">
        {fields.map((field) => (
          <FieldRow
            key={field.id}
            field={field}
            value={c.form.values[field.id]}
            locale={locale}
            masked={masked.has(field.id)}
            fromCard={fromCard.has(field.id)}
            justChanged={highlight && c.form.lastChanged === field.id}
            flagged={props.flagged.has(field.id)}
            canFlag={props.canFlag}
            flagDisabled={navDisabled}
            tr={tr}
            speak={props.speak}
            onFlag={() => props.onFlag(field.id)}
          />
        ))}
      </ol>
      {mode === 'review'
        ? props.reviewActions?.(page, last)
        : pages.length > 1 && (
            <nav className="form-pages">
              {page > 0 ? (
                <button
                  type="button"
                  className="btn btn-secondary btn-page"
                  data-testid="form-prev"
                  disabled={navDisabled}
                  onClick={() => props.onPage(page - 1)}
                >
                  {tr('case.prev')}
                </button>
              ) : (
                <span />
              )}
              {pageOf}
              {!last ? (
                <button
                  type="button"
                  className="btn btn-secondary btn-page"
                  data-testid="form-next"
                  disabled={navDisabled}
                  onClick={() => props.onPage(page + 1)}
                >
                  {tr('case.next')}
                </button>
              ) : (
                <span />
              )}
            </nav>
          )}
    </div>
  );
}
