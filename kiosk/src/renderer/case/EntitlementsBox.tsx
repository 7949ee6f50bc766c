/** What the resident already gets without applying (免申即享), in large type. */
import type { Entitlement, Locale } from '@rvw/shared';
import type { Tr } from '../i18n';
import { entitlementLines } from './case-speech';
import './after-call.css';

/** The entitlements and the words. */
export interface EntitlementsBoxProps {
  entitlements: readonly Entitlement[];
  locale: Locale;
  tr: Tr;
}

/** A calm box of good news; nothing to tap. Test id `entitlements`. */
export function EntitlementsBox({ entitlements, locale, tr }: EntitlementsBoxProps) {
  if (entitlements.length === 0) return null;
  return (
    <section className="entitlements" data-testid="entitlements" aria-labelledby="entitlements-title">
      <h2 className="entitlements-title" id="entitlements-title">
        {tr('entitlements.title')}
      </h2>
      <ul className="entitlements-list">
        {entitlementLines(entitlements, locale).map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
