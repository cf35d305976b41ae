import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { findParam, type QueryParam } from '../../../shared/cti/query-string';

/**
 * Who may talk to the intake: only processes on this machine (peer address), reaching it under a loopback
 * name (Host header — defeats DNS rebinding, where a web page reaches 127.0.0.1 under its own host name).
 */

/** 127.0.0.0/8, ::1 and their IPv4-mapped IPv6 forms. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const ip = address.toLowerCase().replace(/^::ffff:/, '');
  if (ip === '::1' || ip === '0:0:0:0:0:0:0:1') return true;
  const octets = ip.split('.');
  return octets.length === 4 && octets[0] === '127' && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255);
}

/** Host header names the loopback interface (any port: the port is ours by construction). */
export function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined) return false;
  const name = host.toLowerCase().replace(/:\d+$/, '');
  return name === 'localhost' || name === '[::1]' || isLoopbackAddress(name);
}

/** Constant-time comparison; hashing first makes the lengths equal so the length does not leak either. */
export function tokensMatch(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected)) && expected.length > 0;
}

/** `Authorization: Bearer <t>` or, for clients that cannot set headers, `?token=<t>`. */
export function tokenOf(headers: IncomingHttpHeaders, query: readonly QueryParam[]): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  return bearer?.[1] ?? findParam(query, 'token')?.value;
}
