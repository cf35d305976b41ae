import { z } from 'zod';

const DialSetting = z.enum(['auto', 'bridge', 'url', 'os']);
const DialFormat = z.enum(['e164', 'national', 'international-idd', 'outside-line']);
const OsScheme = z.enum(['tel', 'callto', 'sip']);

/** Settings as the UI sees them: never the secrets themselves, only whether they are set. */
export const SettingsView = z.object({
  itop: z.object({
    url: z.string(),
    authMode: z.enum(['password', 'token']),
    user: z.string(),
    hasPassword: z.boolean(),
    hasToken: z.boolean(),
  }),
  phone: z.object({
    defaultRegion: z.string(),
    outsideLinePrefix: z.string(),
    extensionPattern: z.string(),
    suffixDigits: z.number(),
  }),
  cti: z.object({ port: z.number(), token: z.string(), threeCxUrl: z.string() }),
  ui: z.object({ language: z.enum(['auto', 'en', 'fr', 'de']) }),
  /** dial.shortcut ('' = none) and dial.shortcutDialsAtOnce (issue 17). */
  dialShortcut: z.object({ accelerator: z.string(), dialsAtOnce: z.boolean() }),
  /** Click-to-call options (issue 15: edited in the settings screen, applied at the next dial). */
  dial: z.object({ method: DialSetting, format: DialFormat, osScheme: OsScheme }).optional(),
  telephony: z.unknown(),
  issues: z.array(z.object({ path: z.string(), severity: z.enum(['error', 'warning']), message: z.string() })),
  secretStorageWarning: z.string().optional(),
  /** The built-in simulator with demo data: `available` to start from the setup, `active` while in use. Absent: not in this installation. */
  demo: z.enum(['available', 'active']).optional(),
});
export type SettingsView = z.infer<typeof SettingsView>;

export const SettingsPatch = z.object({
  itop: z
    .object({
      url: z.string().max(2000).optional(),
      authMode: z.enum(['password', 'token']).optional(),
      user: z.string().max(200).optional(),
      password: z.string().max(500).optional(),
      token: z.string().max(2000).optional(),
    })
    .optional(),
  phone: z
    .object({
      defaultRegion: z.string().length(2).optional(),
      outsideLinePrefix: z.string().max(5).optional(),
      extensionPattern: z.string().max(200).optional(),
      suffixDigits: z.number().int().min(5).max(12).optional(),
    })
    .optional(),
  ui: z.object({ language: z.enum(['auto', 'en', 'fr', 'de']).optional() }).optional(),
  dialShortcut: z.object({ accelerator: z.string().max(60).optional(), dialsAtOnce: z.boolean().optional() }).optional(),
  dial: z.object({ method: DialSetting.optional(), format: DialFormat.optional(), osScheme: OsScheme.optional() }).optional(),
  telephony: z.unknown().optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const ConnectionTest = z.object({
  url: z.string().max(2000),
  authMode: z.enum(['password', 'token']),
  user: z.string().max(200).optional(),
  password: z.string().max(500).optional(),
  token: z.string().max(2000).optional(),
  /** When true, use the stored secret for whichever of password/token is not given. */
  useStoredSecret: z.boolean().optional(),
});
export type ConnectionTest = z.infer<typeof ConnectionTest>;

export const ConnectionTestResult = z.object({
  ok: z.boolean(),
  message: z.string(),
  identity: z.object({ personId: z.string(), name: z.string(), organization: z.string().optional() }).optional(),
});
export type ConnectionTestResult = z.infer<typeof ConnectionTestResult>;

export const TelephonyImport = z.object({ text: z.string().max(500_000), format: z.enum(['php', 'xml', 'json']) });
export const TelephonyImportResult = z.object({
  telephony: z.unknown(),
  issues: z.array(z.object({ path: z.string(), severity: z.enum(['error', 'warning']), message: z.string() })),
});
