import { z } from 'zod';
import { isPlainObject } from './plain-data';
import {
  defaultCallerInformation,
  defaultDirectCreation,
  defaultDisplayTickets,
  defaultIndirectCreation,
  defaultUrlParameters,
} from './telephony-defaults';

/**
 * The extension's module parameters in its own form, as found in config-itop.php, its XML, or our JSON file.
 * Values that PHP/XML spell loosely (0/1 for booleans, `array()` for an empty map, lists keyed 0..n) are
 * accepted here; `normalizeTelephony` then builds the typed TelephonyConfig.
 */
const CODE = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const attributeCode = z.string().regex(CODE, 'must be an iTop attribute code (letters, digits, _)');
export const className = z.string().regex(CODE, 'must be an iTop class name (letters, digits, _)');
export const urlParameterName = z.string().regex(/^[A-Za-z_][\w.-]*$/, 'must be a URL parameter name');

/** PHP's `array()` is both an empty list and an empty map. */
const emptyListAsMap = (value: unknown) => (Array.isArray(value) && value.length === 0 ? {} : value);

/** A JSON/PHP map keyed "0","1",… is a list (PHP writes lists as `0 => …`); keep its order. */
const indexedMapAsList = (value: unknown) =>
  isPlainObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((k) => /^\d+$/.test(k))
    ? Object.values(value)
    : value;

const BOOLEAN_SPELLINGS = new Map<unknown, boolean>([
  [true, true], [false, false], [1, true], [0, false],
  ['true', true], ['false', false], ['1', true], ['0', false], ['', false],
]);
/** The extension reads these with PHP truthiness; anything outside the usual spellings is a mistake. */
export const phpBoolean = z.preprocess(
  (value) => (BOOLEAN_SPELLINGS.has(value) ? BOOLEAN_SPELLINGS.get(value) : value),
  z.boolean({ error: 'must be true or false' }),
);

const presetValue = z.union([z.string(), z.number().transform(String)], { error: 'must be a string' });

export const phpMap = <V extends z.ZodType>(key: z.ZodType<string>, value: V) =>
  z.preprocess(emptyListAsMap, z.record(key, value));

export const CreationEntryParameters = z.strictObject({
  enabled: phpBoolean.default(false),
  preset: phpMap(attributeCode, presetValue).default({}),
});

const creation = (fallback: () => Record<string, z.output<typeof CreationEntryParameters>>) =>
  phpMap(className, CreationEntryParameters).default(fallback);

/** Labelled entries stay loose: `label/FR FR`-style keys are sorted out by normalizeTelephony. */
export const CallerInformationParameters = z.looseObject({
  label: z.string().default(() => defaultCallerInformation().label),
  query: z.string().default(() => defaultCallerInformation().query),
  display_name: z.string().default(() => defaultCallerInformation().display_name),
});

export const TicketListParameters = z.looseObject({
  enabled: phpBoolean.default(false),
  label: z.string().default(''),
  // Defaulting (not requiring) keeps list indices stable in messages; an empty query disables the list.
  query: z.string().default(''),
});

export const DisplayTicketsParameters = z.strictObject({
  lists: z.preprocess(indexedMapAsList, z.array(TicketListParameters)).default([]),
});

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

export const EcallActionParameters = z.strictObject({
  icon: z.string().default(''),
  attributes: phpMap(urlParameterName, attributeCode),
});

/** 1.1 form: url_parameters maps param → attribute. 1.2 form: action name → { icon, attributes }. */
export const EcallParameters = z.strictObject({
  url: httpUrl,
  url_parameters: z.union([
    phpMap(urlParameterName, attributeCode),
    phpMap(attributeCode, EcallActionParameters),
  ], { error: 'must map URL parameters to attributes (1.1 form) or actions to {icon, attributes} (1.2 form)' }),
});

export const TelephonyParameters = z.strictObject({
  $comment: z.string().optional(),
  url_parameters: phpMap(urlParameterName, attributeCode).default(defaultUrlParameters),
  caller_information: CallerInformationParameters.default(defaultCallerInformation),
  direct_creation: creation(defaultDirectCreation),
  indirect_creation: creation(defaultIndirectCreation),
  display_tickets: DisplayTicketsParameters.default(defaultDisplayTickets),
  ecall_parameters: EcallParameters.optional(),
});
export type TelephonyParameters = z.output<typeof TelephonyParameters>;
