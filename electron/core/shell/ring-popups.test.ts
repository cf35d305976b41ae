import type { Rectangle } from 'electron';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayUnderCursor, stackedPopupBounds } from './popup-placement';
import { createRingPopups, type PopupPresenter, type RingPopupOptions } from './ring-popups';
import { callView } from './testing/call-views';
import { createManualTimers } from './testing/manual-timers';

const LEFT = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
const RIGHT = { id: 2, workArea: { x: 1920, y: 0, width: 2560, height: 1400 } };
const SIZE = { width: 380, height: 220 };

function setup(over: Partial<RingPopupOptions> = {}) {
  const log: string[] = [];
  const bounds = new Map<string, Rectangle>();
  const presenter: PopupPresenter = {
    open: (id, b, onTop) => {
      bounds.set(id, b);
      log.push(`open ${id}${onTop ? ' on-top' : ''}`);
    },
    move: (id, b) => {
      bounds.set(id, b);
      log.push(`move ${id}`);
    },
    close: (id) => {
      bounds.delete(id);
      log.push(`close ${id}`);
    },
  };
  const options: RingPopupOptions = { enabled: true, doNotDisturb: false, alwaysOnTop: true, autoHideMs: 10_000, ...over };
  let cursorArea = RIGHT.workArea;
  const timers = createManualTimers();
  const popups = createRingPopups({ presenter, cursorWorkArea: () => cursorArea, options: () => options, timers, size: SIZE });
  return { popups, log, bounds, timers, options, moveCursorTo: (area: Rectangle) => (cursorArea = area) };
}

describe('ring pop-up placement', () => {
  it('picks the display under the cursor, else the nearest', () => {
    expect(displayUnderCursor({ x: 2000, y: 10 }, [LEFT, RIGHT])).toBe(RIGHT);
    expect(displayUnderCursor({ x: 100, y: 1039 }, [LEFT, RIGHT])).toBe(LEFT);
    expect(displayUnderCursor({ x: 100, y: 1100 }, [LEFT, RIGHT])).toBe(LEFT); // below the left screen's work area
    expect(displayUnderCursor({ x: 0, y: 0 }, [])).toBeUndefined();
  });

  it('stacks upward from the bottom-right corner without overlap', () => {
    const first = stackedPopupBounds(LEFT.workArea, SIZE, 0);
    const second = stackedPopupBounds(LEFT.workArea, SIZE, 1);
    expect(first).toEqual({ x: 1920 - 12 - 380, y: 1040 - 12 - 220, width: 380, height: 220 });
    expect(second.x).toBe(first.x);
    expect(second.y + second.height).toBeLessThanOrEqual(first.y);
  });

  it('keeps every pop-up inside the work area, for any display and stack size (fuzz)', () => {
    const area = fc.record({ x: fc.integer({ min: -5000, max: 5000 }), y: fc.integer({ min: -5000, max: 5000 }), width: fc.integer({ min: 1, max: 8000 }), height: fc.integer({ min: 1, max: 5000 }) });
    fc.assert(
      fc.property(area, fc.integer({ min: 0, max: 500 }), (workArea, index) => {
        const b = stackedPopupBounds(workArea, SIZE, index);
        expect(b.width).toBeGreaterThan(0);
        expect(b.x).toBeGreaterThanOrEqual(workArea.x);
        expect(b.y).toBeGreaterThanOrEqual(workArea.y);
        expect(b.x + b.width).toBeLessThanOrEqual(workArea.x + workArea.width);
        expect(b.y + b.height).toBeLessThanOrEqual(workArea.y + workArea.height);
      }),
    );
  });
});

describe('ring pop-ups', () => {
  it('opens one pop-up per ringing inbound call, on the display under the cursor, stacked', () => {
    const { popups, log, bounds } = setup();
    popups.update([callView({ callId: 'a' }), callView({ callId: 'out', direction: 'outbound', state: 'dialing' })]);
    popups.update([callView({ callId: 'a' }), callView({ callId: 'b' })]);
    expect(log).toEqual(['open a on-top', 'open b on-top']);
    expect(bounds.get('a')).toEqual(stackedPopupBounds(RIGHT.workArea, SIZE, 0));
    expect(bounds.get('b')).toEqual(stackedPopupBounds(RIGHT.workArea, SIZE, 1));
  });

  it('keeps a stack on one display even when the mouse moves meanwhile', () => {
    const { popups, bounds, moveCursorTo } = setup();
    popups.update([callView({ callId: 'a' })]);
    moveCursorTo(LEFT.workArea);
    popups.update([callView({ callId: 'a' }), callView({ callId: 'b' })]);
    expect(bounds.get('b')).toEqual(stackedPopupBounds(RIGHT.workArea, SIZE, 1));
  });

  it('hides a pop-up the configured time after its call ended and closes the gap', () => {
    const { popups, log, timers, bounds } = setup();
    popups.update([callView({ callId: 'a' }), callView({ callId: 'b' })]);
    popups.update([callView({ callId: 'a', state: 'answered' }), callView({ callId: 'b' })]);
    popups.update([callView({ callId: 'a', state: 'ended' }), callView({ callId: 'b' })]);
    timers.advance(9_999);
    expect(popups.visible()).toEqual(['a', 'b']);
    timers.advance(1);
    expect(popups.visible()).toEqual(['b']);
    expect(log.slice(-2)).toEqual(['close a', 'move b']);
    expect(bounds.get('b')).toEqual(stackedPopupBounds(RIGHT.workArea, SIZE, 0));
  });

  it('keeps a pop-up the agent interacted with after the call ends, until they close it', () => {
    const { popups, timers } = setup();
    popups.update([callView({ callId: 'a' })]);
    popups.interacted('a');
    popups.update([callView({ callId: 'a', state: 'missed' })]);
    timers.advance(60_000);
    expect(popups.visible()).toEqual(['a']);
    popups.closed('a');
    expect(popups.visible()).toEqual([]);
    expect(timers.pending()).toBe(0);
  });

  it('interaction during the countdown cancels the auto-hide', () => {
    const { popups, timers } = setup();
    popups.update([callView({ callId: 'a', state: 'ringing' })]);
    popups.update([callView({ callId: 'a', state: 'ended' })]);
    timers.advance(5_000);
    popups.interacted('a');
    timers.advance(60_000);
    expect(popups.visible()).toEqual(['a']);
  });

  it('hides at once when the call is dismissed (gone from the snapshot), even if pinned', () => {
    const { popups } = setup();
    popups.update([callView({ callId: 'a' })]);
    popups.interacted('a');
    popups.update([]);
    expect(popups.visible()).toEqual([]);
  });

  it('never reopens a pop-up for a call the agent closed', () => {
    const { popups, log } = setup();
    popups.update([callView({ callId: 'a' })]);
    popups.closed('a');
    popups.update([callView({ callId: 'a' })]);
    expect(log).toEqual(['open a on-top', 'close a']);
  });

  it('shows nothing under do-not-disturb or when pop-ups are off; on-top only when asked', () => {
    for (const over of [{ doNotDisturb: true }, { enabled: false }]) {
      const { popups, log } = setup(over);
      popups.update([callView({ callId: 'a' })]);
      expect(log).toEqual([]);
    }
    const { popups, log } = setup({ alwaysOnTop: false, autoHideMs: 0 });
    popups.update([callView({ callId: 'a' })]);
    popups.update([callView({ callId: 'a', state: 'ended' })]);
    expect(log).toEqual(['open a', 'close a']); // 0 = hide as soon as the call ends
  });
});
