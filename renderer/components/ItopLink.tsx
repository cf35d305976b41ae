import type { MouseEvent, ReactNode } from 'react';
import { useBridge, useHost, useUiActions } from '../stores/stores-context';

/**
 * A real link to an iTop page. In a browser it opens a new tab like any link; inside Electron the click is
 * routed through 'itop:open' so the core opens it in the system browser (the window never navigates away).
 */
export function ItopLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  const host = useHost();
  const bridge = useBridge();
  const { noticeShown } = useUiActions();
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (host !== 'electron') return;
    e.preventDefault();
    void bridge.invoke('itop:open', { url: href }).then((r) => {
      if (!r.ok) noticeShown(r.error.message);
    });
  };
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className={className} onClick={onClick}>
      {children}
    </a>
  );
}
