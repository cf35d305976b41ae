import { cleanNumberText } from './clean';
import { isKnownRegion, regionPlan, type CountryCode } from './metadata';
import { DEFAULT_PHONE_OPTIONS, extensionRegex, type PhoneOptions } from './options';
import { readDigits, type ReadContext } from './read-digits';
import type { NormalizedNumber, StepRecorder } from './types';

interface Reader {
  readonly ctx: ReadContext;
  readonly extensionPattern: string;
  /** Only for numbers from the PBX; numbers stored in iTop never carry the PBX's outside-line prefix. */
  readonly outsideLinePrefix: string;
}

/** A number as the PBX/CTI delivered it (caller ID, 3CX URL macro, SIP URI, softphone argv). */
export function normalizeIncoming(raw: string, opts: PhoneOptions): NormalizedNumber {
  return run(raw, opts, undefined);
}

/** A number stored in iTop (Person.phone / mobile_phone), read in the region of its person/organization. */
export function normalizeStored(raw: string, region: CountryCode, opts?: Partial<PhoneOptions>): NormalizedNumber {
  if (!isKnownRegion(region)) return invalidRegion(raw, region);
  const plan = regionPlan(region);
  const reader: Reader = {
    ctx: { region, regionPlan: plan, iddPlan: plan },
    extensionPattern: opts?.extensionPattern ?? DEFAULT_PHONE_OPTIONS.extensionPattern,
    outsideLinePrefix: '',
  };
  return normalizeWith(raw, reader, undefined);
}

/** normalizeIncoming plus the human-readable steps the diagnostic CLI prints. */
export function explainNormalization(raw: string, opts: PhoneOptions): { steps: string[]; result: NormalizedNumber } {
  const steps: string[] = [`input "${raw}" (default region ${opts.defaultRegion})`];
  const result = run(raw, opts, (step) => steps.push(step));
  return { steps, result };
}

function run(raw: string, opts: PhoneOptions, note: StepRecorder | undefined): NormalizedNumber {
  const idd = opts.pbxInternationalPrefixRegion ?? opts.defaultRegion;
  if (!isKnownRegion(opts.defaultRegion)) return invalidRegion(raw, opts.defaultRegion);
  if (!isKnownRegion(idd)) return invalidRegion(raw, idd);
  const reader: Reader = {
    ctx: { region: opts.defaultRegion, regionPlan: regionPlan(opts.defaultRegion), iddPlan: regionPlan(idd) },
    extensionPattern: opts.extensionPattern,
    outsideLinePrefix: opts.outsideLinePrefix,
  };
  return normalizeWith(raw, reader, note);
}

function normalizeWith(raw: string, reader: Reader, note: StepRecorder | undefined): NormalizedNumber {
  if (typeof raw !== 'string') return { kind: 'invalid', reason: `expected text, got ${typeof raw}`, raw: String(raw) };
  const cleaned = cleanNumberText(raw, note);
  switch (cleaned.kind) {
    case 'withheld':
      return { kind: 'withheld' };
    case 'unfilled-macro':
      return { kind: 'unfilled-macro', raw };
    case 'invalid':
      note?.(`invalid: ${cleaned.reason}`);
      return { kind: 'invalid', reason: cleaned.reason, raw };
    case 'extension-only':
      note?.(`labelled extension → internal extension ${cleaned.extension}`);
      return { kind: 'internal', extension: cleaned.extension };
    case 'number':
      break;
  }
  const { plus, digits, ext } = cleaned;
  const pattern = extensionRegex(reader.extensionPattern);
  if (!pattern) return { kind: 'invalid', reason: `extensionPattern /${reader.extensionPattern}/ is not a valid regular expression`, raw };
  if (!plus && pattern.test(digits)) {
    note?.(`"${digits}" matches the extension pattern /${reader.extensionPattern}/ → internal extension`);
    return { kind: 'internal', extension: digits };
  }
  const result = readWithOutsideLine(plus, digits, ext, reader, note);
  return result.kind === 'invalid' ? { ...result, raw } : result;
}

/**
 * PBXs that prepend an outside-line digit deliver "0 0301234567" / "9 1 415…". Strip it, but if only the
 * unstripped digits make a valid number, the PBX did not add it this time: keep the better reading.
 */
function readWithOutsideLine(plus: boolean, digits: string, ext: string | undefined, reader: Reader, note?: StepRecorder): NormalizedNumber {
  const prefix = reader.outsideLinePrefix;
  if (plus || prefix === '' || !digits.startsWith(prefix) || digits.length <= prefix.length) {
    return readDigits(plus, digits, ext, reader.ctx, note);
  }
  note?.(`stripped outside-line prefix ${prefix}`);
  const stripped = readDigits(false, digits.slice(prefix.length), ext, reader.ctx, note);
  if (stripped.kind === 'external' && stripped.valid) return stripped;
  const unstripped = readDigits(false, digits, ext, reader.ctx, undefined);
  if (unstripped.kind === 'external' && (unstripped.valid || stripped.kind !== 'external')) {
    note?.(`without stripping ${prefix} the number reads better: ${unstripped.e164}`);
    return unstripped;
  }
  return stripped;
}

function invalidRegion(raw: string, region: string): NormalizedNumber {
  return { kind: 'invalid', reason: `"${region}" is not a region with a known numbering plan`, raw };
}
