/** Transferring (issue 11 #6): a calm screen while another agent takes the session over; nothing to do. */
import type { Tr } from '../i18n';

/** "正在为您转接，请稍候", with a slow spinner and the reassurance that nothing is lost. */
export function TransferringScreen({ tr }: { tr: Tr }) {
  return (
    <section className="screen screen-transferring" data-testid="screen-transferring">
      <div className="spinner" aria-hidden="true" />
      <div role="status">
        <h1 className="headline">{tr('transfer.title')}</h1>
      </div>
      <p className="lead">{tr('transfer.hint')}</p>
    </section>
  );
}
