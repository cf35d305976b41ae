import { err, ok, type Result } from '../../../shared/result';
import type { ItopError } from './itop-error';

const SNIPPET_CHARS = 500;

export interface PostFormOptions {
  fetch: typeof fetch;
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** The decoded JSON of a 200 reply, and its status for metrics. */
export interface JsonReply {
  status: number;
  json: unknown;
}

/**
 * One POST to iTop, classified: any status but 200 is `http` (iTop's own errors are always 200), a body that
 * does not parse is `not-json` (PHP fatal pages, login pages), and the timeout covers the body as well as the
 * headers, because a stuck PHP worker can stop mid-reply.
 */
export async function postForm(o: PostFormOptions): Promise<Result<JsonReply, ItopError>> {
  if (o.signal?.aborted) return err({ kind: 'aborted' });
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, o.timeoutMs);
  const onCallerAbort = (): void => controller.abort();
  o.signal?.addEventListener('abort', onCallerAbort, { once: true });
  try {
    const response = await untilAborted(
      o.fetch(o.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', ...o.headers },
        body: o.body,
        signal: controller.signal,
        // A redirect would turn the POST into a GET and drop the credentials; report it instead.
        redirect: 'manual',
      }),
      controller.signal,
    );
    const text = await untilAborted(response.text(), controller.signal);
    if (response.status >= 300 && response.status < 400) {
      const to = response.headers.get('location') ?? 'an unknown address';
      return err({ kind: 'http', status: response.status, bodySnippet: `redirects to ${to}; configure that address instead` });
    }
    if (response.status !== 200) return err({ kind: 'http', status: response.status, bodySnippet: text.slice(0, SNIPPET_CHARS) });
    try {
      return ok({ status: response.status, json: JSON.parse(text) as unknown });
    } catch {
      return err({ kind: 'not-json', status: response.status, bodySnippet: text.slice(0, SNIPPET_CHARS) });
    }
  } catch (e) {
    if (timedOut) return err({ kind: 'timeout', afterMs: o.timeoutMs });
    if (o.signal?.aborted) return err({ kind: 'aborted' });
    return err({ kind: 'network', message: networkMessage(e) });
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', onCallerAbort);
  }
}

/** Rejects as soon as `signal` aborts, even if an injected fetch ignores its signal. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Error('aborted'));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Node's fetch hides the useful part ("connect ECONNREFUSED 127.0.0.1:8088") in `cause`. */
function networkMessage(e: unknown): string {
  const cause = (e as { cause?: unknown } | null)?.cause;
  const c = cause as { code?: unknown; message?: unknown } | undefined;
  if (c && typeof c.message === 'string' && c.message) return typeof c.code === 'string' && !c.message.includes(c.code) ? `${c.code}: ${c.message}` : c.message;
  return e instanceof Error ? e.message : String(e);
}
