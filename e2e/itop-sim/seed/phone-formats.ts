/**
 * Real-world phone spellings per country (cti-field-notes §5, recording 11): national, international,
 * "(0)", "00", slashes, dots, dashes and extensions ("ext 12", "x204", "poste 212", "-12").
 * A number is its national significant number (NSN); formats only change how it is written.
 */
import { pick } from './random';

export type CountryCode = 'FR' | 'DE' | 'GB' | 'US' | 'CH' | 'BE';

/** Countries only the precision bench adds (e2e/bench/precision-bench.ts needs at least eight). */
export type MoreCountryCode = 'NL' | 'SE' | 'IE';

export interface Country {
  readonly code: CountryCode | MoreCountryCode;
  readonly cc: string;
  /** Trunk prefix dialled before the NSN in national format ('' in the US). */
  readonly trunk: string;
  readonly areas: readonly string[];
  readonly mobiles: readonly string[];
  /** Digits of the NSN after the area / mobile prefix. */
  readonly subscriberDigits: (prefix: string) => number;
  /** Groups an NSN the way the country writes it. */
  readonly group: (nsn: string, prefix: string) => string;
  readonly extensionWord: string;
}

const pairs = (s: string): string => s.replace(/(\d{2})(?=\d)/g, '$1 ');

export const COUNTRIES: Readonly<Record<CountryCode, Country>> = {
  FR: { code: 'FR', cc: '33', trunk: '0', areas: ['1', '2', '3', '4', '5'], mobiles: ['6', '7'], subscriberDigits: () => 8,
    group: (n) => `${n[0]} ${pairs(n.slice(1))}`, extensionWord: 'poste' },
  DE: { code: 'DE', cc: '49', trunk: '0', areas: ['30', '40', '89', '221', '711'], mobiles: ['151', '160', '171'],
    subscriberDigits: (p) => (p.length === 2 ? 7 : p.startsWith('1') ? 8 : 6), group: (n, p) => `${p} ${n.slice(p.length)}`, extensionWord: '-' },
  GB: { code: 'GB', cc: '44', trunk: '0', areas: ['20', '161', '131'], mobiles: ['7700', '7911'],
    subscriberDigits: (p) => 10 - p.length, group: (n, p) => (p === '20' ? `20 ${n.slice(2, 6)} ${n.slice(6)}` : `${p} ${n.slice(p.length)}`), extensionWord: 'ext' },
  US: { code: 'US', cc: '1', trunk: '', areas: ['415', '212', '617', '312'], mobiles: ['628', '646'], subscriberDigits: () => 7,
    group: (n) => `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`, extensionWord: 'x' },
  CH: { code: 'CH', cc: '41', trunk: '0', areas: ['44', '22', '31'], mobiles: ['79', '78'], subscriberDigits: () => 7,
    group: (n) => `${n.slice(0, 2)} ${n.slice(2, 5)} ${n.slice(5, 7)} ${n.slice(7)}`, extensionWord: 'ext' },
  BE: { code: 'BE', cc: '32', trunk: '0', areas: ['2', '3', '9'], mobiles: ['470', '475'],
    subscriberDigits: (p) => (p.length === 1 ? 7 : 6),
    group: (n, p) => (p.length === 1 ? `${p} ${n.slice(1, 4)} ${pairs(n.slice(4))}` : `${p} ${pairs(n.slice(p.length))}`), extensionWord: 'ext' },
};

export const MORE_COUNTRIES: Readonly<Record<MoreCountryCode, Country>> = {
  NL: { code: 'NL', cc: '31', trunk: '0', areas: ['20', '10'], mobiles: ['6'], subscriberDigits: (p) => (p === '6' ? 8 : 7),
    group: (n, p) => `${p} ${n.slice(p.length)}`, extensionWord: 'ext' },
  SE: { code: 'SE', cc: '46', trunk: '0', areas: ['8'], mobiles: ['70', '73'], subscriberDigits: () => 7,
    group: (n, p) => `${p} ${n.slice(p.length, p.length + 3)} ${pairs(n.slice(p.length + 3))}`, extensionWord: 'ext' },
  IE: { code: 'IE', cc: '353', trunk: '0', areas: ['1'], mobiles: ['87', '86'], subscriberDigits: () => 7,
    group: (n, p) => `${p} ${n.slice(p.length, p.length + 3)} ${n.slice(p.length + 3)}`, extensionWord: 'ext' },
};

/** An NSN whose subscriber part comes from `serial`, so numbers are unique per serial. */
export function makeNsn(country: Country, prefix: string, serial: number): string {
  const digits = country.subscriberDigits(prefix);
  const sub = String(serial % 10 ** digits).padStart(digits, '0');
  // Avoid subscriber numbers starting with 0 or 1, which no plan hands out.
  return prefix + (/^[01]/.test(sub) ? `5${sub.slice(1)}` : sub);
}

/** One messy spelling of an NSN, chosen by `random`. */
export function formatNsn(country: Country, nsn: string, prefix: string, random: () => number): string {
  const g = country.group(nsn, prefix);
  const national = country.trunk + g;
  if (country.code === 'US') {
    const [a, b, c] = [nsn.slice(0, 3), nsn.slice(3, 6), nsn.slice(6)];
    return pick(random, [`(${a}) ${b}-${c}`, `${a}-${b}-${c}`, `${a}.${b}.${c}`, `1-${a}-${b}-${c}`, `+1 ${a} ${b} ${c}`, `+1 (${a}) ${b}-${c}`, `+1${nsn}`, `+1.${a}.${b}.${c}`]);
  }
  return pick(random, [
    national,
    country.trunk + nsn,
    national.replace(/ /g, '.'),
    national.replace(/ /g, '-'),
    `+${country.cc} ${g}`,
    `+${country.cc}${nsn}`,
    `+${country.cc} (0)${g}`,
    `00${country.cc} ${g}`,
    `${country.trunk}${prefix}/${nsn.slice(prefix.length)}`,
    `+${country.cc}-${g.replace(/ /g, '-')}`,
  ]);
}

export function withExtension(country: Country, phone: string, ext: number): string {
  if (country.extensionWord === '-') return `${phone}-${ext}`;
  if (country.extensionWord === 'x') return `${phone} x${ext}`;
  return `${phone} ${country.extensionWord} ${ext}`;
}
