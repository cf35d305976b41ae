import { fail, ok, type Result } from '../../../shared/result';
import { describe, isAppPage } from './navigation-policy';

/** What the ipcMain adapter reads from an IpcMainInvokeEvent: plain data, so the guard is testable. */
export interface IpcSender {
  /** `event.sender.id` (webContents id). */
  readonly webContentsId: number;
  /** `event.senderFrame?.url`; undefined when the frame is gone. */
  readonly frameUrl: string | undefined;
  /** `event.senderFrame?.parent === null`. */
  readonly isMainFrame: boolean;
}

export interface SenderGuard {
  /** Called by the window adapter for each window it creates with our preload. */
  trust(webContentsId: number): void;
  forget(webContentsId: number): void;
  check(sender: IpcSender): Result<true>;
}

/**
 * Every IPC message must come from the main frame of one of our own windows, showing our own page
 * (https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages):
 * an iframe, a navigated-away window or an unknown webContents is refused.
 */
export function createSenderGuard(o: { appEntryUrl: () => string }): SenderGuard {
  const trusted = new Set<number>();
  return {
    trust: (id) => void trusted.add(id),
    forget: (id) => void trusted.delete(id),
    check(sender) {
      if (!trusted.has(sender.webContentsId)) return fail('ipc-forbidden', `IPC from webContents ${sender.webContentsId}, which is not a window of the app`);
      if (!sender.isMainFrame) return fail('ipc-forbidden', 'IPC from a sub-frame refused: only the app page itself may call the core');
      if (sender.frameUrl === undefined || !isAppPage(sender.frameUrl, o.appEntryUrl())) {
        return fail('ipc-forbidden', `IPC from ${sender.frameUrl === undefined ? 'a destroyed frame' : describe(sender.frameUrl)} refused: not the app page`);
      }
      return ok(true);
    },
  };
}
