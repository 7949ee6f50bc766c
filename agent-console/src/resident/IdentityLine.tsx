/** A resident's masked identity in one line: name, age, gender, masked number (or "no ID shared"). */
import type { IdentitySummary } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';

/** Props: the identity (null when the resident shared none); `showCardType` adds the card's kind. */
export interface IdentityLineProps {
  identity: IdentitySummary | null | undefined;
  showCardType?: boolean;
}

/** The identity as rows and the call view show it; the full number is never part of this. */
export function IdentityLine({ identity, showCardType = false }: IdentityLineProps) {
  const { t } = useI18n();
  if (!identity) {
    return (
      <span className="identity identity-none" data-testid="identity-none">
        {t('identity.none')}
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
