import { z } from 'zod';

/**
 * How an external number was read — so the UI/diagnostics can say what was assumed.
 * - plus: written with "+" (or a tel:/phone-context that gave the country code)
 * - idd: an international dialling prefix (00, 011…) was replaced by "+"
 * - national: read as a national number of the region
 * - bare-country-code: digits without +/00 read as country code + number (the §5.2 trap)
 */
export const NumberRoute = z.enum(['plus', 'idd', 'national', 'bare-country-code']);
export type NumberRoute = z.infer<typeof NumberRoute>;

const ExternalNumber = z.object({
  kind: z.literal('external'),
  /** E.164, e.g. +33123456789. */
  e164: z.string().regex(/^\+[1-9]\d{6,14}$/),
  /** National display form, e.g. "01 23 45 67 89". */
  national: z.string(),
  /** International display form, e.g. "+33 1 23 45 67 89". */
  international: z.string(),
  /** Region of the number (absent for non-geographic numbers such as +800). */
  region: z.string().length(2).optional(),
  /** Extension kept apart ("x204", "poste 212", ";ext=12"). */
  ext: z.string().optional(),
  /** e164 without "+". */
  digits: z.string(),
  /** National significant number (e164 without the country code). */
  nsn: z.string(),
  callingCode: z.string(),
  route: NumberRoute,
  /** Full digit-pattern validation (max metadata); false = only the length is plausible. */
  valid: z.boolean(),
  /** Another E.164 reading that is also valid (bare digit strings are ambiguous); try it when looking up. */
  alternative: z.string().optional(),
});

export const NormalizedNumberSchema = z.discriminatedUnion('kind', [
  ExternalNumber,
  z.object({ kind: z.literal('internal'), extension: z.string() }),
  z.object({ kind: z.literal('withheld') }),
  z.object({ kind: z.literal('invalid'), reason: z.string(), raw: z.string() }),
  z.object({ kind: z.literal('unfilled-macro'), raw: z.string() }),
]);

export type NormalizedNumber = z.infer<typeof NormalizedNumberSchema>;
export type ExternalNumber = Extract<NormalizedNumber, { kind: 'external' }>;
export type NormalizedKind = NormalizedNumber['kind'];

export const NORMALIZED_KINDS: readonly NormalizedKind[] = ['external', 'internal', 'withheld', 'invalid', 'unfilled-macro'];

/** Receives the human-readable steps (explainNormalization); absent on the hot path. */
export type StepRecorder = (step: string) => void;
