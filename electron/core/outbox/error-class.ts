import {
  describeItopError,
  isLoginFailure,
  isNotAuthorizedForRest,
  validationIssues,
  type ItopError,
  type ValidationIssue,
} from '../itop';

/**
 * What a failed attempt means for the entry:
 * - `retry`: iTop is down, slow or answering garbage; try again later. `uncertain` when the request may have
 *   been processed anyway (no clean iTop reply), so the next attempt must look for the marker first.
 * - `reject`: iTop refused this write for good (bad value, missing field, no rights); the agent must act.
 */
export type AttemptVerdict =
  | { kind: 'retry'; uncertain: boolean; message: string }
  | { kind: 'reject'; message: string; issues?: ValidationIssue[] };

export function judgeFailure(error: ItopError): AttemptVerdict {
  const message = describeItopError(error);
  switch (error.kind) {
    case 'itop': {
      const issues = validationIssues(error);
      if (issues) return { kind: 'reject', message, issues };
      // A wrong password or a missing profile is fixed in the settings, after which the write must still go:
      // keep it pending rather than making the agent re-submit every call.
      if (isLoginFailure(error) || isNotAuthorizedForRest(error)) return { kind: 'retry', uncertain: false, message };
      // Missing rights (code 1), unknown attribute, bad external key ("No item found for query"), bad OQL
      // (code 100): iTop processed the request and will answer the same way next time.
      return { kind: 'reject', message };
    }
    case 'invalid-request':
      return { kind: 'reject', message };
    case 'network':
      // No connection was ever made: the request certainly did not reach iTop.
      return { kind: 'retry', uncertain: !NEVER_CONNECTED.test(error.message), message };
    case 'timeout':
    case 'http':
    case 'not-json':
    case 'bad-response':
    case 'aborted':
      // iTop (or PHP) may have saved the object before the reply went wrong.
      return { kind: 'retry', uncertain: true, message };
  }
}

const NEVER_CONNECTED = /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)\b/;

export interface Backoff {
  /** Delay before attempt number `attempt + 1`, given `attempt` failed attempts so far (≥ 1). */
  delayMs(attempt: number): number;
}

/** Exponential backoff with "full jitter": uniform in [base/2, min(cap, base·2^(n-1))]. */
export function exponentialBackoff(opts: { baseMs?: number; maxMs?: number; random?: () => number } = {}): Backoff {
  const base = opts.baseMs ?? 1000;
  const max = opts.maxMs ?? 5 * 60_000;
  const random = opts.random ?? Math.random;
  return {
    delayMs(attempt) {
      const ceiling = Math.min(max, base * 2 ** Math.min(30, Math.max(0, attempt - 1)));
      const floor = Math.min(ceiling, base / 2);
      return Math.round(floor + random() * (ceiling - floor));
    },
  };
}
