import { Metadata } from 'libphonenumber-js/core';
import { metadata, type CountryCode } from './metadata';

/**
 * The index build normalizes ~200k stored numbers. libphonenumber-js compiles a fresh RegExp for every
 * pattern test (helpers/matchesEntirely.js), which costs ~20–30 µs per number. This module answers the
 * common case — "+CC NSN" with no national prefix inside — with the same rules (parse.js country choice,
 * getNumberType validity, possible lengths) over RegExps compiled once per region. Anything else returns
 * undefined and the caller asks libphonenumber itself. fast-read.test.ts checks both agree.
 */

/** What both the fast path and the libphonenumber fallback produce. */
export interface Reading {
  readonly e164: string;
  readonly callingCode: string;
  readonly nsn: string;
  readonly country: CountryCode | undefined;
  readonly valid: boolean;
}

interface TypeRule {
  readonly pattern: RegExp;
  readonly lengths: readonly number[] | undefined;
}

interface CompiledPlan {
  readonly general: RegExp;
  readonly possibleLengths: readonly number[];
  readonly hasTypes: boolean;
  readonly types: readonly TypeRule[];
  readonly leadingDigits: RegExp | undefined;
  /** National prefix for parsing, anchored at the start: if it matches, libphonenumber may rewrite. */
  readonly nationalPrefix: RegExp | undefined;
}

// FIXED_LINE first, then getNumberType's NON_FIXED_LINE_PHONE_TYPES; a match of any of them = valid.
const TYPES = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'];

/** Accessors libphonenumber-js has at run time (metadata.js) but does not declare. */
interface PlanAccess {
  nationalNumberPattern(): string;
  possibleLengths(): number[] | undefined;
  hasTypes(): boolean;
  type(name: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
  leadingDigits(): string | undefined;
  nationalPrefixForParsing(): string | undefined;
}

const compiled = new Map<string, CompiledPlan>();
const callingCodes = (metadata as unknown as { country_calling_codes: Record<string, string[] | undefined> }).country_calling_codes;

function compile(region: string): CompiledPlan {
  const cached = compiled.get(region);
  if (cached) return cached;
  const meta = new Metadata(metadata);
  meta.selectNumberingPlan(region as CountryCode);
  const plan = meta as unknown as PlanAccess;
  const types: TypeRule[] = [];
  for (const name of TYPES) {
    const rule = plan.type(name);
    const source = rule?.pattern();
    if (rule && source) types.push({ pattern: new RegExp(`^(?:${source})$`), lengths: rule.possibleLengths() });
  }
  const leading = plan.leadingDigits();
  const prefix = plan.nationalPrefixForParsing();
  const built: CompiledPlan = {
    general: new RegExp(`^(?:${plan.nationalNumberPattern()})$`),
    possibleLengths: plan.possibleLengths() ?? [],
    hasTypes: plan.hasTypes(),
    types,
    leadingDigits: typeof leading === 'string' && leading ? new RegExp(leading) : undefined,
    nationalPrefix: typeof prefix === 'string' && prefix ? new RegExp(`^(?:${prefix})`) : undefined,
  };
  compiled.set(region, built);
  return built;
}

function isValidFor(plan: CompiledPlan, nsn: string): boolean {
  if (!plan.general.test(nsn)) return false;
  if (!plan.hasTypes) return true;
  return plan.types.some((rule) => (!rule.lengths || rule.lengths.includes(nsn.length)) && rule.pattern.test(nsn));
}

/** getCountryByNationalNumber: leading digits decide, else the first region where the number has a type. */
function countryFor(regions: readonly string[], nsn: string): string | undefined {
  if (regions.length === 1) return regions[0];
  for (const region of regions) {
    const plan = compile(region);
    if (plan.leadingDigits ? nsn.search(plan.leadingDigits) === 0 : isValidFor(plan, nsn) && plan.hasTypes) return region;
  }
  return undefined;
}

/**
 * Reads "+" + `digits` without libphonenumber's per-call RegExp cost. Undefined = "ask libphonenumber":
 * not possible, non-geographic, national prefix inside, or no single country found.
 */
export function fastInternational(digits: string): Reading | undefined {
  for (let length = 1; length <= 3 && length < digits.length; length++) {
    const callingCode = digits.slice(0, length);
    const regions = callingCodes[callingCode];
    if (!regions) continue;
    const nsn = digits.slice(length);
    if (regions[0] === '001') return undefined;
    const main = compile(regions[0] ?? '');
    if (main.nationalPrefix?.test(nsn)) return undefined;
    const country = countryFor(regions, nsn);
    if (!country) {
      // parse.js leaves the country unset and validates against the main region, which countryFor has
      // just rejected — unless that region is chosen by leading digits, where we let libphonenumber decide.
      if (main.leadingDigits || !main.possibleLengths.includes(nsn.length)) return undefined;
      return { e164: `+${digits}`, callingCode, nsn, country: undefined, valid: false };
    }
    const plan = compile(country);
    if (!plan.possibleLengths.includes(nsn.length)) return undefined;
    return { e164: `+${digits}`, callingCode, nsn, country: country as CountryCode, valid: isValidFor(plan, nsn) };
  }
  return undefined;
}

/**
 * `digits` read as a national number of `region` (libphonenumber's parse with a default country), when
 * that is a plain case: the national prefix is absent or a plain strip (no carrier code, no rewrite rule),
 * and the result is valid. Callers have already excluded IDD-prefixed digits and the region's own code.
 */
export function fastNational(digits: string, region: CountryCode, callingCode: string): Reading | undefined {
  const prefix = compile(region).nationalPrefix?.exec(digits);
  if (!prefix) {
    const reading = fastInternational(callingCode + digits);
    // With no exact country, parse.js falls back to the default region: let libphonenumber do that.
    return reading?.country ? reading : undefined;
  }
  if (prefix.slice(1).some((group) => group !== undefined)) return undefined;
  const stripped = fastInternational(callingCode + digits.slice(prefix[0].length));
  // libphonenumber keeps the prefix when stripping leaves an invalid number; let it decide those.
  return stripped?.valid ? stripped : undefined;
}
