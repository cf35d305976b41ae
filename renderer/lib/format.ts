/** Beyond this a clock is wrong, not a call long: cap rather than print exponents. */
const MAX_SECONDS = 9_999 * 3600;

/** m:ss under an hour, h:mm:ss beyond; negative or non-finite input reads as 0:00. */
export function formatDuration(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.min(MAX_SECONDS, Math.floor(ms / 1000)) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * iTop sends dates as 'YYYY-MM-DD HH:MM:SS' in the server's zone, which for a support desk is the agent's
 * own; read them as local time. Returns null for anything else (never an Invalid Date).
 */
export function parseItopDate(value: string | undefined): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value?.trim() ?? '');
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const t = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)).getTime();
  return Number.isNaN(t) ? null : t;
}

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Infinity],
];

// Building an Intl formatter costs far more than using one, and every ticket row formats a date.
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
function relativeFormatFor(language: string): Intl.RelativeTimeFormat {
  let rtf = relativeFormats.get(language);
  if (!rtf) relativeFormats.set(language, (rtf = new Intl.RelativeTimeFormat(language, { numeric: 'auto' })));
  return rtf;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
/** "1,292" / "1 292" / "1.292": a count in the agent's language. */
export function formatCount(n: number, language: string): string {
  let nf = numberFormats.get(language);
  if (!nf) numberFormats.set(language, (nf = new Intl.NumberFormat(language)));
  return nf.format(n);
}

/** "5 minutes ago" / "il y a 5 minutes" / "vor 5 Minuten", from two epoch-ms instants. */
export function formatRelative(at: number, now: number, language: string, justNow: string): string {
  // A date slightly ahead of the agent's clock is skew between iTop's server and this PC, not the future.
  let delta = Math.min(0, at - now) / 1000;
  if (Math.abs(delta) < 45) return justNow;
  const rtf = relativeFormatFor(language);
  for (const [unit, size] of STEPS) {
    if (Math.abs(delta) < size) return rtf.format(Math.round(delta), unit);
    delta /= size;
  }
  return rtf.format(Math.round(delta), 'year');
}

/** Clock time for history rows: time only today, date and time otherwise. */
export function formatClock(at: number, now: number, language: string): string {
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  const opts: Intl.DateTimeFormatOptions = sameDay ? { hour: '2-digit', minute: '2-digit' } : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
  return new Intl.DateTimeFormat(language, opts).format(at);
}

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** Colour of an iTop ticket status badge (standard UserRequest/Incident life cycle). */
export function statusTone(status: string): Tone {
  const s = status.toLowerCase();
  if (s === 'new') return 'info';
  if (s.startsWith('escalated') || s === 'rejected') return 'danger';
  if (s === 'pending' || s.startsWith('waiting')) return 'warning';
  if (s === 'resolved' || s === 'closed') return 'success';
  return 'neutral';
}

/** iTop priorities are 1 (critical) … 4 (low). */
export function priorityTone(priority: string | undefined): Tone {
  if (priority === '1') return 'danger';
  if (priority === '2') return 'warning';
  if (priority === '3') return 'info';
  return 'neutral';
}
