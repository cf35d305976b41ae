import {
  AsYouType,
  Metadata,
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumber,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/core';
// Metadata choice: `max` (157 kB raw, ~39 kB gzip) rather than `min` (~19 kB gzip).
// With `min`, isValid() only checks lengths, so "12345" (DE) or "+1 5123456789" look valid and we could
// not tell the national reading of a bare digit string from its country-code reading (§5.2 of the field
// notes: 381629759787 with DE). Deciding between those readings is the whole point of this module, and the
// extra 20 kB gzip fits the 250 kB renderer budget (React + zod + i18next stay well under 200 kB).
// `libphonenumber-js/core` + one explicit metadata import keeps the bundler from pulling in a second set.
import metadataJson from 'libphonenumber-js/metadata.max.json';

export type { CountryCode, PhoneNumber };
export const metadata = metadataJson;

/** libphonenumber-js has the numbering-plan accessors at run time but only declares a few of them. */
interface NumberingPlanAccess {
  callingCode(): string;
  IDDPrefix(): string;
  defaultIDDPrefix(): string | undefined;
  nationalPrefix(): string | undefined;
}

export function isKnownRegion(region: string): region is CountryCode {
  return /^[A-Z]{2}$/.test(region) && isSupportedCountry(region as CountryCode, metadata);
}

/** Everything per region that the hot path needs, computed once (the index normalizes 200k numbers). */
export interface RegionPlan {
  readonly region: CountryCode;
  readonly callingCode: string;
  /** Anchored regex for the region's international dialling prefix(es), e.g. ^(?:011) for US. */
  readonly iddPattern: RegExp;
  /** The prefix to write when dialling abroad from this region, e.g. "00", "011". */
  readonly iddToDial: string;
  /** National trunk prefix ("0" in FR/DE/GB/CH/BE, "1" in NANP, "" in IT/ES). */
  readonly trunkPrefix: string;
  /**
   * True when national numbers are always written with the trunk prefix, so a bare digit string without it
   * is more likely a country code + number than a national number. False for NANP (10-digit national
   * numbers are the everyday form) and for regions without a trunk prefix.
   */
  readonly trunkPrefixMandatory: boolean;
}

const textOrEmpty = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The IDD to dial: the preferred one, else the pattern when it is a plain digit string, else "00". */
function dialableIdd(preferred: string, pattern: string): string {
  // "8~10" (RU): "~" means "wait for a dial tone"; a dial string cannot carry it.
  if (preferred) return preferred.replace(/\D/g, '');
  return /^\d+$/.test(pattern) ? pattern : '00';
}

const plans = new Map<CountryCode, RegionPlan>();

export function regionPlan(region: CountryCode): RegionPlan {
  const cached = plans.get(region);
  if (cached) return cached;
  const meta = new Metadata(metadata);
  meta.selectNumberingPlan(region);
  const plan = meta.numberingPlan as unknown as NumberingPlanAccess;
  const idd = plan.IDDPrefix();
  const callingCode = getCountryCallingCode(region, metadata);
  // The compressed metadata stores "absent" as the number 0, hence the typeof checks.
  const trunkPrefix = textOrEmpty(plan.nationalPrefix());
  const built: RegionPlan = {
    region,
    callingCode,
    iddPattern: new RegExp(`^(?:${idd})`),
    iddToDial: dialableIdd(textOrEmpty(plan.defaultIDDPrefix()), idd),
    trunkPrefix,
    trunkPrefixMandatory: trunkPrefix !== '' && callingCode !== '1',
  };
  plans.set(region, built);
  return built;
}

/** parsePhoneNumber without exceptions: undefined when libphonenumber cannot read it at all. */
export function tryParse(text: string, region?: CountryCode): PhoneNumber | undefined {
  try {
    return region ? parsePhoneNumber(text, { defaultCountry: region, extract: false }, metadata)
      : parsePhoneNumber(text, { extract: false }, metadata);
  } catch {
    return undefined;
  }
}

/** An unknown region falls back to international-only typing instead of throwing. */
export function createAsYouTypeFormatter(region: CountryCode): AsYouType {
  return new AsYouType(isKnownRegion(region) ? region : undefined, metadata);
}
