import { z } from 'zod';
import { APP_SECTIONS } from './app-config-schema';
import { TelephonyParameters } from './telephony-schema';
import { normalizeTelephony, type TelephonyConfig } from './telephony';

/**
 * The whole configuration file. Parsing `{}` gives the defaults. `validateConfig` is the forgiving reader
 * (one bad key never stops the app); this schema is the strict definition it is built from.
 */
export const AppConfigSchema = z.strictObject({
  $comment: z.string().optional(),
  itop: APP_SECTIONS.itop.prefault({}),
  cti: APP_SECTIONS.cti.prefault({}),
  web: APP_SECTIONS.web.prefault({}),
  phone: APP_SECTIONS.phone.prefault({}),
  index: APP_SECTIONS.index.prefault({}),
  lists: APP_SECTIONS.lists.prefault({}),
  journal: APP_SECTIONS.journal.prefault({}),
  dial: APP_SECTIONS.dial.prefault({}),
  ui: APP_SECTIONS.ui.prefault({}),
  forms: APP_SECTIONS.forms.prefault({}),
  calls: APP_SECTIONS.calls.prefault({}),
  /** The Combodo telephony extension's module parameters, in the extension's own form. */
  telephony: TelephonyParameters.prefault({}).transform((parameters): TelephonyConfig => normalizeTelephony(parameters)),
});

type Parsed = z.output<typeof AppConfigSchema>;

/** A validated config: as parsed, plus what validateConfig fills in (agent's time zone, bridge token). */
export type AppConfig = Omit<Parsed, 'itop' | 'cti'> & {
  readonly itop: Parsed['itop'] & { readonly serverTimeZone: string };
  readonly cti: Parsed['cti'] & { readonly token: string };
};

export type ItopConfig = AppConfig['itop'];
export type CtiConfig = AppConfig['cti'];
export type PhoneConfig = AppConfig['phone'];
export type JournalConfig = AppConfig['journal'];
export type DialConfig = AppConfig['dial'];
export type UiConfig = AppConfig['ui'];
export type FormsConfig = AppConfig['forms'];
export type CallsConfig = AppConfig['calls'];

export const CONFIG_SECTIONS = Object.keys(AppConfigSchema.shape).filter((key) => key !== '$comment');
