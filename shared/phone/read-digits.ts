import { validatePhoneNumberLength } from 'libphonenumber-js/core';
import { createExternal } from './external';
import { fastInternational, fastNational, type Reading } from './fast-read';
import { metadata, tryParse, type CountryCode, type RegionPlan } from './metadata';
import type { ExternalNumber, NormalizedNumber, NumberRoute, StepRecorder } from './types';

/** Where a digit string is read: the region for national numbers, the PBX's plan for its IDD. */
export interface ReadContext {
  readonly region: CountryCode;
  readonly regionPlan: RegionPlan;
  readonly iddPlan: RegionPlan;
}

interface Candidate {
  readonly reading: Reading;
  readonly route: NumberRoute;
}

const E164 = /^\+[1-9]\d{6,14}$/;

/** libphonenumber itself (slow path): accepted when possible for its country and proper E.164. */
function viaLibrary(text: string, region?: CountryCode): Reading | undefined {
  const number = tryParse(text, region);
  if (!number || !E164.test(number.number) || !number.isPossible()) return undefined;
  return { e164: number.number, callingCode: number.countryCallingCode, nsn: number.nationalNumber, country: number.country, valid: number.isValid() };
}

function international(digits: string, route: NumberRoute): Candidate | undefined {
  const reading = fastInternational(digits) ?? viaLibrary(`+${digits}`);
  return reading && E164.test(reading.e164) ? { reading, route } : undefined;
}

function national(digits: string, plan: RegionPlan): Candidate | undefined {
  // The fast path only covers digits libphonenumber would not read as IDD- or country-code-prefixed.
  const plain = !digits.startsWith(plan.callingCode) && !plan.iddPattern.test(digits);
  const reading = (plain ? fastNational(digits, plan.region, plan.callingCode) : undefined) ?? viaLibrary(digits, plan.region);
  return reading && E164.test(reading.e164) ? { reading, route: 'national' } : undefined;
}

/**
 * Reads "+"/digits (already cleaned) as an external number. Order: "+" → the PBX region's IDD → "00"
 * (wrong-IDD rescue) → national/bare digits, where the §5.2 trap is decided between two readings.
 */
export function readDigits(plus: boolean, digits: string, ext: string | undefined, ctx: ReadContext, note?: StepRecorder): NormalizedNumber {
  if (plus && digits.startsWith('0')) {
    // "+0033…" or "+030…": a country code never starts with 0, so the "+" was added by mistake.
    note?.(`"+" before "${digits.slice(0, 3)}…" ignored: a country code never starts with 0`);
    return readDigits(false, digits, ext, ctx, note);
  }
  if (plus) {
    const found = international(digits, 'plus');
    note?.(`parsed "+${digits}" as an international number`);
    return found ? toExternal(found, ext, note) : invalid(`+${digits}`, note);
  }
  const viaIdd = readIdd(digits, ctx, note);
  if (viaIdd) return toExternal(viaIdd, ext, note);
  return readNational(digits, ext, ctx, note);
}

function readIdd(digits: string, ctx: ReadContext, note?: StepRecorder): Candidate | undefined {
  const idd = ctx.iddPlan.iddPattern.exec(digits);
  if (idd) {
    const found = international(digits.slice(idd[0].length), 'idd');
    note?.(`international prefix ${idd[0]} (${ctx.iddPlan.region}) → "+"${found ? '' : ', but the rest is no possible number'}`);
    if (found) return found;
  }
  if (idd?.[0] !== '00' && digits.startsWith('00')) {
    // No national number anywhere in NANP starts with 0, so "00 44…" under a 011 PBX is a foreign number
    // dialled with the European prefix, not "+1 0044…" garbage.
    const found = international(digits.slice(2), 'idd');
    note?.(`"00" read as an international prefix although ${ctx.iddPlan.region} dials ${ctx.iddPlan.iddToDial}${found ? '' : ' — no possible number'}`);
    if (found) return found;
  }
  return undefined;
}

function readNational(digits: string, ext: string | undefined, ctx: ReadContext, note?: StepRecorder): NormalizedNumber {
  const { trunkPrefix, trunkPrefixMandatory, region } = ctx.regionPlan;
  const asNational = national(digits, ctx.regionPlan);
  note?.(`parsed with region ${region}: ${describe(asNational)}`);
  const hasTrunk = trunkPrefix !== '' && digits.startsWith(trunkPrefix);
  if (hasTrunk && asNational?.reading.valid) return toExternal(asNational, ext, note);

  const asInternational = international(digits, 'bare-country-code');
  note?.(`tried as country code + number "+${digits}": ${describe(asInternational)}`);
  // Without its trunk prefix a DE/FR/GB… number is more likely "CC + number" than national (381629759787
  // with DE is Serbian); NANP and regions without a trunk prefix write national numbers bare.
  const preferInternational = !hasTrunk && trunkPrefixMandatory;
  const [first, second] = preferInternational ? [asInternational, asNational] : [asNational, asInternational];
  const chosen = pick(first, second);
  if (!chosen) return invalid(digits, note, region);
  const other = chosen === first ? second : first;
  const alternative = other?.reading.valid && other.reading.e164 !== chosen.reading.e164 ? other.reading.e164 : undefined;
  if (chosen.route === 'bare-country-code') {
    note?.(`bare digits without +/00${hasTrunk ? '' : ` or trunk prefix ${trunkPrefix || '(none)'}`}: read as country code ${chosen.reading.callingCode} + number`);
  }
  if (alternative) note?.(`also plausible: ${alternative} (kept as alternative)`);
  return toExternal(chosen, ext, note, alternative);
}

/** The first valid reading, else the first merely possible one. */
function pick(first: Candidate | undefined, second: Candidate | undefined): Candidate | undefined {
  if (first?.reading.valid) return first;
  if (second?.reading.valid) return second;
  return first ?? second;
}

function describe(found: Candidate | undefined): string {
  if (!found) return 'not a possible number';
  const { e164, country, valid } = found.reading;
  return `${e164} (${country ?? 'non-geographic'}, ${valid ? 'valid' : 'possible length only'})`;
}

function toExternal(found: Candidate, ext: string | undefined, note?: StepRecorder, alternative?: string): ExternalNumber {
  const { e164, valid } = found.reading;
  note?.(`result: ${e164}${ext ? ` ext ${ext}` : ''} (${found.route}, ${valid ? 'valid' : 'possible, not validated'})`);
  return createExternal(found.reading, found.route, ext, alternative);
}

function invalid(text: string, note?: StepRecorder, region?: CountryCode): NormalizedNumber {
  const length = region ? validatePhoneNumberLength(text, region, metadata) : validatePhoneNumberLength(text, metadata);
  const why: Record<string, string> = { TOO_SHORT: 'too short', TOO_LONG: 'too long', INVALID_LENGTH: 'a length no number has', INVALID_COUNTRY: 'an unknown country code', NOT_A_NUMBER: 'not a number' };
  const reason = `"${text}" is ${why[length ?? ''] ?? 'not a possible phone number'}${region ? ` for ${region} or as an international number` : ''}`;
  note?.(`invalid: ${reason}`);
  return { kind: 'invalid', reason, raw: text };
}
