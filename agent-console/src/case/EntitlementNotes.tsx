/** What the resident already gets without applying (免申即享), as notes for the agent to mention. */
import type { Entitlement } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { local } from '../i18n/local-text';

/** Props: the ticket's entitlements (none: nothing is shown). */
export interface EntitlementNotesProps {
  entitlements: readonly Entitlement[] | undefined;
}

/** The 免申即享 notes of the call. */
export function EntitlementNotes({ entitlements }: EntitlementNotesProps) {
  const { t, locale } = useI18n();
  if (!entitlements?.length) return null;
  return (
    <section className="entitlements" data-testid="entitlements" aria-labelledby="entitlements-heading">
      <h3 id="entitlements-heading">{t('entitlements.heading')}</h3>
      <ul>
        {entitlements.map((e) => (
          <li key={e.itemCode} data-item-code={e.itemCode}>
            <strong>{local(e.itemName, locale)}</strong>
            <span>{local(e.note, locale)}</span>
          </li>
        ))}
      </ul>
      <p className="muted">{t('entitlements.note')}</p>
    </section>
  );
}
