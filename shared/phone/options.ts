import { z } from 'zod';
import { fail, ok, type Result } from '../result';
import { isKnownRegion, type CountryCode } from './metadata';

/** An ISO 3166 region libphonenumber knows, given in any case ("fr" → "FR"). */
export const CountryCodeSchema = z.string().transform((value, ctx): CountryCode => {
  const region = value.trim().toUpperCase();
  if (!isKnownRegion(region)) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a region with a known numbering plan (expected e.g. FR, DE, US)` });
    return z.NEVER;
  }
  return region;
});

const RegexSourceSchema = z
  .string()
  .max(200, 'extensionPattern is longer than 200 characters')
  .refine(compiles, { message: 'extensionPattern is not a valid regular expression' });

function compiles(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/**
 * How the PBX presents numbers and how we should read them. Embed `PhoneOptionsSchema` in the app config
 * (every field has a default, so `PhoneOptionsSchema.parse({})` gives `DEFAULT_PHONE_OPTIONS`).
 */
export const PhoneOptionsSchema = z.object({
  /** Region assumed for numbers without a country code (incoming calls and the dialer). */
  defaultRegion: CountryCodeSchema.default('FR'),
  /** Digits the PBX puts in front of external numbers ("0", "9"); stripped from incoming numbers. */
  outsideLinePrefix: z.string().regex(/^[0-9]{0,4}$/, 'outsideLinePrefix must be 0–4 digits (e.g. "0" or "9")').default(''),
  /** Internal extensions (tested on the digits only) are classified before any national-number parsing. */
  extensionPattern: RegexSourceSchema.default('^\\d{2,5}$'),
  /** Whose international dialling prefix the PBX uses (US → 011); defaults to defaultRegion. */
  pbxInternationalPrefixRegion: CountryCodeSchema.optional(),
  /** Length of the "last N digits" matching key. */
  suffixDigits: z.number().int().min(4).max(15).default(8),
});

export type PhoneOptions = z.infer<typeof PhoneOptionsSchema>;
export type PhoneOptionsInput = z.input<typeof PhoneOptionsSchema>;

export const DEFAULT_PHONE_OPTIONS: PhoneOptions = Object.freeze(PhoneOptionsSchema.parse({}));

/** Validates options from config/UI; the error names every offending field. */
export function parsePhoneOptions(input: unknown): Result<PhoneOptions> {
  const parsed = PhoneOptionsSchema.safeParse(input ?? {});
  if (parsed.success) return ok(parsed.data);
  const details = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return fail('phone.options.invalid', `Invalid phone options — ${details.join('; ')}`);
}

const compiledPatterns = new Map<string, RegExp | null>();

/** The extension regex, compiled once per source; null when the source does not compile. */
export function extensionRegex(source: string): RegExp | null {
  let compiled = compiledPatterns.get(source);
  if (compiled === undefined) {
    try {
      compiled = new RegExp(source);
    } catch {
      compiled = null;
    }
    if (compiledPatterns.size > 64) compiledPatterns.clear(); // options change rarely; never grow unbounded
    compiledPatterns.set(source, compiled);
  }
  return compiled;
}
