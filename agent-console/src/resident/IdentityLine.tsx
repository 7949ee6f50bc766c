/**
 * A resident's masked identity in one line: name, age, gender, masked number; without one, why
 * (declined to share, no card, or still on its way).
 */
import type { IdentityIntent, IdentitySummary } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';

/** Props: the identity (null when the resident shared none); `showCardType` adds the card's kind. */
export interface IdentityLineProps {
  identity: IdentitySummary | null | undefined;
  showCardType?: boolean;
  /** What the kiosk said when there is no identity; default `none` (no card). */
  intent?: IdentityIntent;
}

/** The identity as rows and the call view show it; the full number is never part of this. */
export function IdentityLine({ identity, showCardType = false, intent = 'none' }: IdentityLineProps) {
  const { t } = useI18n();
  if (!identity) {
    return (
      <span className="identity identity-none" data-testid="identity-none" data-intent={intent}>
        {t(`identity.${intent}`)}
      </span>
    );
  }
  return (
    <span className="identity">
      <span className="identity-name" data-testid="identity-name">
        {identity.name}
      </span>
      <span className="identity-meta">
        {t('identity.age', { age: identity.age })} · {t(`gender.${identity.gender}`)}
      </span>
      <span className="identity-masked mono" data-testid="identity-masked">
        {identity.idNumberMasked}
      </span>
      {(showCardType || identity.cardType !== 'resident') && (
        <span className="identity-card">{t(`card.${identity.cardType}`)}</span>
      )}
    </span>
  );
}
