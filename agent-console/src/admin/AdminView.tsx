/** Administration (admins only): kiosks and agent accounts. */
import { useI18n } from '../i18n/I18nContext';
import { KiosksPanel } from './KiosksPanel';
import { AgentsPanel } from './AgentsPanel';

/** Props of the admin view. */
export interface AdminViewProps {
  token: string;
  /** Every failure, for the console to decide on (a lost login signs out); returns its code. */
  onFailure(error: unknown): string;
}

/** The admin page: two panels side by side (stacked on narrow screens). */
export function AdminView({ token, onFailure }: AdminViewProps) {
  const { t } = useI18n();
  return (
    <div className="admin" data-testid="admin-view">
      <h1 className="sr-only">{t('admin.heading')}</h1>
      <KiosksPanel token={token} onFailure={onFailure} />
      <AgentsPanel token={token} onFailure={onFailure} />
    </div>
  );
}
