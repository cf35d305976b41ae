/**
 * Date input as REST accepts it: "Y-m-d H:i:s" (or "Y-m-d" for dates), or a Unix timestamp,
 * which is converted to server-local time.
 */
import type { SimContext } from './context';

export function parseDateTime(ctx: SimContext, value: unknown, type: 'datetime' | 'date'): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) {
    const local = ctx.clock.format(new Date(value * 1000));
    return type === 'date' ? local.slice(0, 10) : local;
  }
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/.exec(value);
  if (!m) return /^\d+$/.test(value) ? parseDateTime(ctx, Number(value), type) : undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = m;
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    return undefined;
  }
  return type === 'date' ? `${y}-${mo}-${d}` : `${y}-${mo}-${d} ${h}:${mi}:${s}`;
}
