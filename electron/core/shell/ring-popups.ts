import type { Rectangle } from 'electron';
import type { CallState, CallView } from '../../../shared/contract/views';
import { stackedPopupBounds } from './popup-placement';
import type { Timers } from './timers';

/** The window side of the ring pop-ups (adapters/ring-popup-windows.ts): no decisions there. */
export interface PopupPresenter {
  /** Create the frameless window at `bounds` and `showInactive()` it. */
  open(callId: string, bounds: Rectangle, alwaysOnTop: boolean): void;
  move(callId: string, bounds: Rectangle): void;
  close(callId: string): void;
}

export interface RingPopupOptions {
  /** config.ui.ringPopup */
  readonly enabled: boolean;
  readonly doNotDisturb: boolean;
  readonly alwaysOnTop: boolean;
  /** How long a pop-up stays after its call ended (config.ui.autoHideSeconds × 1000); 0 = at once. */
  readonly autoHideMs: number;
}

export interface RingPopups {
  /** Every calls snapshot from the core. */
  update(calls: readonly CallView[]): void;
  /** The agent clicked (focused) or moved the pop-up: it stays after the call ends until they close it. */
  interacted(callId: string): void;
  /** The agent closed it (or its window went away): it is not opened again for this call. */
  closed(callId: string): void;
  /** Call ids in stack order (bottom first). */
  visible(): string[];
}

const ENDED: ReadonlySet<CallState> = new Set(['ended', 'missed', 'failed']);
const MAX_REMEMBERED = 500;

interface Popup {
  readonly callId: string;
  pinned: boolean;
  ended: boolean;
  timer?: unknown;
}

/**
 * Which ring pop-ups exist and where: one per ringing inbound call, stacked on the display that was
 * under the cursor when the first one appeared, never while do-not-disturb is on (the call is still
 * logged by the core), hidden `autoHideMs` after the call ends unless the agent interacted with it.
 */
export function createRingPopups(deps: {
  presenter: PopupPresenter;
  /** Work area of the display under the cursor right now. */
  cursorWorkArea: () => Rectangle;
  options: () => RingPopupOptions;
  timers: Timers;
  size: { width: number; height: number };
}): RingPopups {
  const stack: Popup[] = [];
  const done = new Set<string>();
  let anchor: Rectangle | undefined;

  const boundsAt = (index: number): Rectangle => stackedPopupBounds(anchor ?? deps.cursorWorkArea(), deps.size, index);

  function remember(callId: string): void {
    done.add(callId);
    if (done.size > MAX_REMEMBERED) done.delete(done.values().next().value as string);
  }

  function hide(callId: string): void {
    const index = stack.findIndex((p) => p.callId === callId);
    const popup = stack[index];
    if (!popup) return;
    if (popup.timer !== undefined) deps.timers.clear(popup.timer);
    stack.splice(index, 1);
    remember(callId);
    deps.presenter.close(callId);
    // Close the gap: the pop-ups above slide down one slot.
    for (let i = index; i < stack.length; i += 1) deps.presenter.move((stack[i] as Popup).callId, boundsAt(i));
    if (stack.length === 0) anchor = undefined;
  }

  function scheduleHide(popup: Popup): void {
    const delay = Math.max(0, deps.options().autoHideMs);
    if (delay === 0) return hide(popup.callId);
    popup.timer = deps.timers.set(() => {
      popup.timer = undefined;
      if (!popup.pinned) hide(popup.callId);
    }, delay);
  }

  return {
    update(calls) {
      const options = deps.options();
      const byId = new Map(calls.map((c) => [c.callId, c]));
      for (const call of calls) {
        const wanted = call.direction === 'inbound' && call.state === 'ringing' && options.enabled && !options.doNotDisturb;
        if (!wanted || done.has(call.callId) || stack.some((p) => p.callId === call.callId)) continue;
        anchor ??= deps.cursorWorkArea();
        const popup: Popup = { callId: call.callId, pinned: false, ended: false };
        stack.push(popup);
        deps.presenter.open(call.callId, boundsAt(stack.length - 1), options.alwaysOnTop);
      }
      for (const popup of [...stack]) {
        const call = byId.get(popup.callId);
        // Gone from the snapshot = dismissed (by the agent, from any window): hide now, pinned or not.
        if (!call) {
          hide(popup.callId);
          continue;
        }
        if (popup.ended || !ENDED.has(call.state)) continue;
        popup.ended = true;
        if (!popup.pinned) scheduleHide(popup);
      }
    },
    interacted(callId) {
      const popup = stack.find((p) => p.callId === callId);
      if (!popup) return;
      popup.pinned = true;
      if (popup.timer !== undefined) deps.timers.clear(popup.timer);
      popup.timer = undefined;
    },
    closed: (callId) => hide(callId),
    visible: () => stack.map((p) => p.callId),
  };
}
