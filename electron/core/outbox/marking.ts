import type { WriteFields, WriteOp } from './entry';

/**
 * Where an entry's marker (`[cti:<id>]`) goes, so a retry can find what an earlier attempt created, without
 * the caller ever reading it: the PhoneCall note (agent-only), an agent-only `private_log` entry, never
 * `public_log` (portal, notification e-mails) nor, for new entries, a ticket's description.
 */

/** The case log that must never carry a marker: end users read it. */
export const PUBLIC_LOG = 'public_log';

type CreateOp = Extract<WriteOp, { kind: 'create' }>;
type UpdateOp = Extract<WriteOp, { kind: 'update' }>;
type AddItem = { add_item: { message: string } & Record<string, unknown> };

const appendMarker = (text: unknown, marker: string): string =>
  typeof text === 'string' && text.trim() !== '' ? `${text}\n\n${marker}` : marker;

export function isAddItem(value: unknown): value is AddItem {
  if (typeof value !== 'object' || value === null || !('add_item' in value)) return false;
  const item = (value as { add_item: unknown }).add_item;
  return typeof item === 'object' && item !== null && typeof (item as { message?: unknown }).message === 'string';
}

/** The case-log value with the marker at the end of its entry (a new text entry when there was none). */
function markLogValue(value: unknown, marker: string): unknown {
  if (isAddItem(value)) return { add_item: { ...value.add_item, message: appendMarker(value.add_item.message, marker) } };
  if (value === undefined || value === null || value === '') return { add_item: { message: marker, format: 'text' } };
  return appendMarker(value, marker);
}

export function markCreate(op: CreateOp, marker: string): WriteFields {
  if (op.markLog) return { ...op.fields, [op.markLog]: markLogValue(op.fields[op.markLog], marker) };
  if (op.markField) return { ...op.fields, [op.markField]: appendMarker(op.fields[op.markField], marker) };
  return op.fields;
}

export function markUpdate(op: UpdateOp, marker: string): WriteFields {
  if (!op.markLog || op.markLog === PUBLIC_LOG) return op.fields;
  return { ...op.fields, [op.markLog]: markLogValue(op.fields[op.markLog], marker) };
}

/** The text of the log entry an update adds (how a public-log entry is recognised, having no marker). */
export function addedLogText(op: UpdateOp): string | undefined {
  const value = op.markLog ? op.fields[op.markLog] : undefined;
  if (isAddItem(value)) return value.add_item.message;
  return typeof value === 'string' ? value : undefined;
}

/** Does a case log read from iTop hold our entry: its marker, or (public log) its exact text? */
export function logHolds(log: unknown, marker: string, text: string | undefined): boolean {
  if (typeof log !== 'object' || log === null || !Array.isArray((log as { entries?: unknown }).entries)) return false;
  return (log as { entries: unknown[] }).entries.some((e) => {
    const message = typeof e === 'object' && e !== null ? (e as { message?: unknown }).message : undefined;
    if (typeof message !== 'string') return false;
    return message.includes(marker) || (text !== undefined && text.trim() !== '' && message.trim() === text.trim());
  });
}
