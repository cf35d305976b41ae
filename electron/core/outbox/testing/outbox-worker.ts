/**
 * A companion-like process for the outbox chaos test: it logs calls through a real outbox (file + iTop client)
 * and reports on stdout, so the test can SIGKILL it at any moment and start it again on the same file.
 * Input: one JSON argument (WorkerOptions). Output lines: `enqueued <n>`, `status <pending> <failed> <done> <adopted>`,
 * `idle` once everything it enqueued is confirmed by iTop.
 */
import { z } from 'zod';
import { createItopClient } from '../../itop';
import { exponentialBackoff } from '../error-class';
import { createOutbox, type Outbox } from '../outbox';

export const WorkerOptions = z.object({
  file: z.string(),
  url: z.string(),
  user: z.string(),
  password: z.string(),
  runId: z.string(),
  /** Calls numbered from..to (inclusive) are logged, one every `gapMs`. */
  from: z.number().int().min(1),
  to: z.number().int().min(0),
  gapMs: z.number().int().min(0),
  ticketId: z.number().int().positive(),
  /** Every n-th call also creates a ticket, and its PhoneCall waits for it. */
  ticketEvery: z.number().int().positive(),
  timeoutMs: z.number().int().positive(),
  graceMs: z.number().int().nonnegative(),
});
export type WorkerOptions = z.infer<typeof WorkerOptions>;

const say = (line: string): void => void process.stdout.write(`${line}\n`);

async function logCall(outbox: Outbox, o: WorkerOptions, n: number): Promise<void> {
  const key = `chaos:${o.runId}:${n}`;
  let ticket: number | { $entry: string } = o.ticketId;
  if (n % o.ticketEvery === 0) {
    const created = await outbox.enqueue({
      key: `${key}:ticket`,
      label: `Ticket for call ${n}`,
      op: {
        // As tickets created from a call are: the marker in an agent-only private-log entry, not the description.
        kind: 'create', class: 'UserRequest', markLog: 'private_log', outputFields: ['id', 'ref'],
        fields: {
          org_id: 3, caller_id: 2, origin: 'phone', title: `Chaos ${o.runId} call ${n}`, description: `chaos ${o.runId} ticket ${n}`,
          private_log: { add_item: { message: `Created from call ${n}`, format: 'text' } },
        },
      },
    });
    if (!created.ok) throw new Error(created.error.message);
    ticket = { $entry: created.value.id };
  }
  const call = await outbox.enqueue({
    key,
    label: `PhoneCall ${n}`,
    op: {
      kind: 'create', class: 'PhoneCall', markField: 'note',
      fields: { ticket_id: ticket, agent_id: 'SELECT Person WHERE id = :current_contact_id', contact_id: 2, date: '2026-11-23 19:30:15', flow: 'inbound', note: `chaos ${o.runId} call ${n}` },
    },
  });
  if (!call.ok) throw new Error(call.error.message);
}

async function main(): Promise<void> {
  const o = WorkerOptions.parse(JSON.parse(process.argv[2] ?? '{}'));
  const client = createItopClient({ url: o.url, auth: { kind: 'password', user: o.user, password: o.password }, timeoutMs: o.timeoutMs });
  const outbox = createOutbox({
    file: o.file,
    client,
    backoff: exponentialBackoff({ baseMs: 20, maxMs: 150 }),
    uncertainGraceMs: o.graceMs,
    log: { info: () => undefined, warn: (m) => process.stderr.write(`${m}\n`) },
  });
  let enqueuing = true;
  outbox.subscribe((s) => {
    const done = s.entries.filter((e) => e.state === 'done').length;
    const adopted = outbox.status().entries.filter((e) => e.state === 'done' && outbox.get(e.id)?.result?.adopted).length;
    say(`status ${s.pending} ${s.failed} ${done} ${adopted}`);
    if (!enqueuing && s.pending === 0) say('idle');
  });
  await outbox.start();
  for (let n = o.from; n <= o.to; n += 1) {
    await logCall(outbox, o, n);
    say(`enqueued ${n}`);
    if (o.gapMs > 0) await new Promise((r) => setTimeout(r, o.gapMs));
  }
  enqueuing = false;
  if (outbox.status().pending === 0) say('idle');
  // Stay alive until the test stops us: the worker keeps retrying in the background.
  setInterval(() => undefined, 60_000);
}

main().catch((e: unknown) => {
  process.stderr.write(`outbox-worker failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
