/**
 * A typed outcome for anything that can fail for a reason the caller must handle
 * (bad input, iTop refusing, a closed socket). Plain JSON so it crosses IPC and WebSockets unchanged.
 */
export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<E = AppError> = { readonly ok: false; readonly error: E };
export type Result<T, E = AppError> = Ok<T> | Err<E>;

/** An error a person can read: `code` is stable for programs, `message` says what is wrong and where. */
export interface AppError {
  readonly code: string;
  readonly message: string;
}

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <E = AppError>(error: E): Err<E> => ({ ok: false, error });
export const fail = (code: string, message: string): Err<AppError> => ({ ok: false, error: { code, message } });

/** For exhaustive switches: a new union member becomes a compile error here. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}

/** The value, or a throw with the error's readable message: for contract handlers, whose failures travel as messages. */
export function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
