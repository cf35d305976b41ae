/** The logger the intake and call sessions need; any structured logger (console included) fits. */
export interface Log {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
}

export const silentLog: Log = { info: () => undefined, warn: () => undefined };
