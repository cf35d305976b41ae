import type { RingNotice } from '../core/shell/ring-notice';

export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  show(): void;
}

export type NotificationFactory = (options: { title: string; body: string; silent: boolean }) => NotificationLike;

/**
 * Shows a ring notification; clicking it focuses that call. Silent: the phone already rings. The adapter
 * keeps a reference until clicked or replaced, or the notification object may be collected before the
 * click arrives (https://github.com/electron/electron/issues/12690).
 */
export function createRingNotifier(o: { create: NotificationFactory; isSupported: () => boolean; focusCall: (callId: string) => void }): (notice: RingNotice) => void {
  const alive = new Map<string, NotificationLike>();
  return (notice) => {
    if (!o.isSupported()) return;
    const notification = o.create({ title: notice.title, body: notice.body, silent: true });
    alive.set(notice.callId, notification);
    if (alive.size > 20) alive.delete(alive.keys().next().value as string);
    notification.on('click', () => {
      alive.delete(notice.callId);
      o.focusCall(notice.callId);
    });
    notification.show();
  };
}
