import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingDialView } from '../../../shared/contract/dial';
import { QuickCreate } from '../create/QuickCreate';

/** The core's call id for a pending dial's quick-create (electron/core/app/pending-dial-create.ts). */
export const pendingDialCallId = (pendingId: string) => `pending-dial:${pendingId}`;

/**
 * "Create a ticket" for a dial that came without one: the call panel's quick-create form as is, its presets
 * resolved for the callee chosen so far. Once created, the core makes it the dial's ticket (the call is then
 * logged on it), so this entry goes away with the ticket choice.
 */
export function PendingCreate({ dial }: { dial: PendingDialView }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<{ cls: string; label: string } | null>(null);
  const offer = dial.create?.indirect ?? [];
  if (offer.length === 0) return null;
  return (
    <div className="creation">
      <div className="creation__actions" role="group" aria-label={t('dial.createTicket')}>
        {offer.map((entry) => (
          <button key={entry.class} type="button" className="button button--small" aria-pressed={open?.cls === entry.class} onClick={() => setOpen({ cls: entry.class, label: entry.label })}>
            {entry.label}
          </button>
        ))}
      </div>
      {open && <QuickCreate key={open.cls} callId={pendingDialCallId(dial.pendingId)} cls={open.cls} label={open.label} onClose={() => setOpen(null)} />}
    </div>
  );
}
