/**
 * A page of a case's form in large type, with 上一页 / 下一页 when the form has more than one page.
 * The same view shows the form beside the call and walks the resident through it before they
 * confirm (the review passes its own buttons as `footer`).
 */
import type { ReactNode } from 'react';
import type { CaseState, Locale } from '@rvw/shared';
import type { Tr } from '../i18n';
import { local } from './cases';
import { FieldRow } from './FieldRow';
import { clampPage, formPages } from './pages';

/** The case, the page on show, what is flagged, and where taps go. */
export interface FormViewProps {
  caseState: CaseState;
  page: number;
  locale: Locale;
  flagged: ReadonlySet<string>;
  canFlag: boolean;
  /** Highlight the field the agent changed last; default true. */
  highlight?: boolean;
  /** Test-id prefix of the page buttons: `<prefix>-prev`, `<prefix>-next`. */
  navId: string;
  tr: Tr;
  speak: (text: string) => void;
  onFlag: (field: string) => void;
  onPage: (page: number) => void;
  /** Disables the page buttons (while the screen settles or a send is on its way). */
  navDisabled?: boolean;
  footer?: ReactNode;
}

/** One page of the form; `data-revision` tells tests which revision is on screen. */
export function FormView(props: FormViewProps) {
  const { caseState: c, locale, tr, navId, navDisabled = false, highlight = true } = props;
  const pages = formPages(c);
  const page = clampPage(props.page, pages);
  const fields = pages[page] ?? [];
  const masked = new Set(c.form.maskedFields);
  const fromCard = new Set(c.form.fromCard);
  return (
    <div className="form-view" data-testid="kiosk-form" data-revision={c.form.revision}>
      <h2 className="form-title">{tr('case.formOf', { item: local(c.item.name, locale) })}</h2>
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
            tr={tr}
            speak={props.speak}
            onFlag={() => props.onFlag(field.id)}
          />
        ))}
      </ol>
      {pages.length > 1 && (
        <nav className="form-pages">
          <button
            type="button"
            className="btn btn-secondary btn-page"
            data-testid={`${navId}-prev`}
            disabled={navDisabled || page === 0}
            onClick={() => props.onPage(page - 1)}
          >
            {tr('case.prev')}
          </button>
          <span className="form-page-of">{tr('case.page', { page: page + 1, pages: pages.length })}</span>
          <button
            type="button"
            className="btn btn-secondary btn-page"
            data-testid={`${navId}-next`}
            disabled={navDisabled || page === pages.length - 1}
            onClick={() => props.onPage(page + 1)}
          >
            {tr('case.next')}
          </button>
        </nav>
      )}
      {props.footer}
    </div>
  );
}
