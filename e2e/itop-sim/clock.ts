/**
 * Server-local time as iTop prints it: "Y-m-d H:i:s" in the configured timezone (default
 * Europe/Paris), no offset. The wall clock is injected so tests and seeds can pin it.
 */
export interface SimClock {
  /** Current server-local time, "Y-m-d H:i:s". */
  now(): string;
  format(date: Date): string;
}

export function createClock(timezone: string, wallClock: () => Date = () => new Date()): SimClock {
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23',
  });
  const format = (date: Date): string => {
    const p = Object.fromEntries(fmt.formatToParts(date).map((x) => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
  };
  return { now: () => format(wallClock()), format };
}

/** False for names Intl does not know, so the CLI can say which option is wrong. */
export function isValidTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
