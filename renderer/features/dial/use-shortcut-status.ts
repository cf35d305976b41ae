import { useEffect, useState } from 'react';
import type { DialShortcutStatus } from '../../../shared/contract/dial';
import { useBridge } from '../../stores/stores-context';

/** The dial shortcut's state as the core reports it, asked again whenever `refreshOn` changes (new settings). */
export function useShortcutStatus(refreshOn: unknown): DialShortcutStatus | null {
  const bridge = useBridge();
  const [status, setStatus] = useState<DialShortcutStatus | null>(null);
  useEffect(() => {
    let live = true;
    void bridge.invoke('dial:shortcut-status').then((r) => live && r.ok && setStatus(r.value));
    return () => {
      live = false;
    };
  }, [bridge, refreshOn]);
  return status;
}
