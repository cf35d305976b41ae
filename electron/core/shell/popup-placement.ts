import type { Point, Rectangle } from 'electron';

/** What the placement needs of a display (electron `Display` has more). */
export interface DisplayArea {
  readonly id: number;
  /** Screen minus task bar / dock / menu bar. */
  readonly workArea: Rectangle;
}

const contains = (r: Rectangle, p: Point): boolean => p.x >= r.x && p.x < r.x + r.width && p.y >= r.y && p.y < r.y + r.height;

function distance(r: Rectangle, p: Point): number {
  const dx = Math.max(r.x - p.x, 0, p.x - (r.x + r.width - 1));
  const dy = Math.max(r.y - p.y, 0, p.y - (r.y + r.height - 1));
  return dx * dx + dy * dy;
}

/** The display the agent is looking at: the one under the mouse, else the nearest (cursor in a gap). */
export function displayUnderCursor(cursor: Point, displays: readonly DisplayArea[]): DisplayArea | undefined {
  let best: DisplayArea | undefined;
  let bestDistance = Infinity;
  for (const display of displays) {
    if (contains(display.workArea, cursor)) return display;
    const d = distance(display.workArea, cursor);
    if (d < bestDistance) {
      best = display;
      bestDistance = d;
    }
  }
  return best;
}

export const POPUP_MARGIN = 12;

/**
 * Bounds of the index-th pop-up of a stack: bottom-right corner of the work area, each next one above
 * the previous; when a column is full the stack continues in a column to its left, and when the
 * display is full it starts again at the corner (overlapping) rather than leaving the screen.
 */
export function stackedPopupBounds(workArea: Rectangle, size: { width: number; height: number }, index: number, margin = POPUP_MARGIN): Rectangle {
  // A work area smaller than the pop-up (tiny or scaled screens) shrinks the margin, then the pop-up.
  const mx = Math.max(0, Math.min(margin, Math.floor((workArea.width - 1) / 2)));
  const my = Math.max(0, Math.min(margin, Math.floor((workArea.height - 1) / 2)));
  const width = Math.max(1, Math.min(size.width, workArea.width - 2 * mx));
  const height = Math.max(1, Math.min(size.height, workArea.height - 2 * my));
  const perColumn = Math.max(1, Math.floor((workArea.height - my) / (height + my)));
  const columns = Math.max(1, Math.floor((workArea.width - mx) / (width + mx)));
  const slot = Math.max(0, Math.floor(index)) % (perColumn * columns);
  const column = Math.floor(slot / perColumn);
  const row = slot % perColumn;
  return {
    x: workArea.x + workArea.width - mx - width - column * (width + mx),
    y: workArea.y + workArea.height - my - height - row * (height + my),
    width,
    height,
  };
}
