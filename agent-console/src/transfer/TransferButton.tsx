/**
 * 转接 in the call view: the button, and the dialog it opens (the options are read when it opens).
 * The button waits while a transfer of this session is under way (the dock shows it).
 */
import { useState } from 'react';
import { useStore } from '../ui/use-store';
import { TransferDialog } from './TransferDialog';
import { isOpen, type TransferStore } from './transfer-store';
import { useTransferText } from './transfer-text';
import './transfer.css';

/** Props: the store, the session in the call, and the agent's centre. */
export interface TransferButtonProps {
  store: TransferStore;
  sessionId: string;
  ownCentreId: string;
  connected: boolean;
  /** A centre's name by id; default the id. */
  centreName?(centreId: string): string;
}

/** The button and its dialog. */
export function TransferButton({
  store,
  sessionId,
  ownCentreId,
  connected,
  centreName,
}: TransferButtonProps) {
  const { tt } = useTransferText();
  const snapshot = useStore(store);
  const [open, setOpen] = useState(false);
  const under = snapshot.outgoing?.sessionId === sessionId && isOpen(snapshot.outgoing);
  const show = () => {
    store.dismiss();
    setOpen(true);
    void store.loadOptions();
  };
  return (
    <>
      <button
        type="button"
        className="btn btn-secondary transfer-open"
        data-testid="transfer-open"
        disabled={!connected || under}
        onClick={show}
      >
        {tt('transfer.open')}
      </button>
      {open && (
        <TransferDialog
          sessionId={sessionId}
          snapshot={snapshot}
          ownCentreId={ownCentreId}
          {...(centreName ? { centreName } : {})}
          onReload={() => void store.loadOptions()}
          onStart={store.start}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
