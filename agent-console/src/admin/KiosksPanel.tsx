/**
 * Kiosks of the supervisor's centre: the enrolled list (with kind and centre) and the enrolment form
 * (fixed, or portable for door-to-door 上门办); a new kiosk's secret is shown once.
 */
import { useState, type FormEvent } from 'react';
import { CreateKioskRequest, type CreateKioskResponse } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { createKiosk, listKiosks } from '../lib/api';
import { useAdminList } from './use-admin-list';
import { useAdminSubmit } from './use-admin-submit';
import { AdminTable } from './AdminTable';
import { Field } from '../ui/Field';
import { OneTimeSecret } from './OneTimeSecret';
import { useAdminText } from './admin-text';
import { useCentreNames } from './centre-names';
import './admin-routing.css';

type Kind = 'fixed' | 'portable';

/** Props of the kiosk panel. */
export interface KiosksPanelProps {
  token: string;
  /** Every failure, for the console to decide on (a lost login signs out); returns its code. */
  onFailure(error: unknown): string;
}

/** Lists the kiosks and registers a new one, showing its token once. */
export function KiosksPanel({ token, onFailure }: KiosksPanelProps) {
  const { t } = useI18n();
  const { at } = useAdminText();
  const centres = useCentreNames(token);
  const list = useAdminList(listKiosks, token, onFailure);
  const [kind, setKind] = useState<Kind>('fixed');
  const [name, setName] = useState('');
  const [location, setLocation] = useState('');
  const { saving, problem, setProblem, run } = useAdminSubmit(onFailure);
  const [created, setCreated] = useState<CreateKioskResponse | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = CreateKioskRequest.safeParse({ name: name.trim(), location: location.trim(), kind });
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path[0];
      setProblem(field === 'location' ? t('admin.invalid.location') : t('admin.invalid.name'));
      return;
    }
    await run(async () => {
      const result = await createKiosk(token, parsed.data);
      setCreated(result);
      setName('');
      setLocation('');
      setKind('fixed');
      list.reload();
    });
  }

  return (
    <section className="panel admin-panel" aria-labelledby="kiosks-heading">
      <div className="panel-head">
        <h2 id="kiosks-heading">{t('admin.kiosks')}</h2>
      </div>
      {created && (
        <OneTimeSecret
          title={`${t('admin.kiosk.tokenTitle')} — ${created.kiosk.name}`}
          secret={created.token}
          onDone={() => setCreated(null)}
        />
      )}
      <form className="admin-form" onSubmit={submit} noValidate data-testid="kiosk-form">
        <Field label={t('admin.kiosk.name')}>
          <input
            data-testid="kiosk-name"
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <Field label={t('admin.kiosk.location')}>
          <input
            data-testid="kiosk-location"
            value={location}
            maxLength={200}
            onChange={(e) => setLocation(e.target.value)}
          />
        </Field>
        <Field label={at('kind')}>
          <select data-testid="kiosk-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="fixed">{at('kind.fixed')}</option>
            <option value="portable">{at('kind.portable')}</option>
          </select>
        </Field>
        <button type="submit" className="btn btn-primary" data-testid="kiosk-submit" disabled={saving}>
          {saving ? t('admin.saving') : t('admin.kiosk.enrol')}
        </button>
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
      </form>
      <AdminTable
        list={list}
        testId="kiosk-table"
        emptyText={t('admin.kiosk.none')}
        columns={[
          { header: t('admin.kiosk.name'), cell: (k) => k.name },
          { header: t('admin.kiosk.location'), cell: (k) => k.location },
          {
            header: at('kind'),
            cell: (k) => (
              <span
                className={`kiosk-kind kiosk-kind-${k.kind}`}
                data-testid="kiosk-kind-cell"
                data-kind={k.kind}
              >
                {at(`kind.${k.kind}`)}
              </span>
            ),
          },
          { header: at('centre'), cell: (k) => centres.get(k.centreId) ?? k.centreId },
          { header: t('admin.kiosk.id'), cell: (k) => k.id, className: 'mono muted' },
        ]}
      />
    </section>
  );
}
