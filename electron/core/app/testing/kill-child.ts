/**
 * The companion core alone in a process, for the crash test (kill-restart.integration.test.ts): started
 * against a given iTop URL and data folder, driven over Node IPC as the panel would (call:log, dial:start,
 * outbox:retry), bridge events arriving over its real intake. It reports each change of the outbox's pending
 * count, so the test can SIGKILL it as soon as a call's intent is on disk (or at its deadline).
 */
import { validateConfig } from '../../../../shared/config';
import { silentLog } from '../../intake/log';
import { createCompanion } from '../companion';

interface ChildOptions {
  readonly itopUrl: string;
  readonly dataDir: string;
  readonly token: string;
  readonly login: string;
  readonly password: string;
}

type Command =
  | { readonly id: number; readonly kind: 'log'; readonly callId: string; readonly ticketId: string; readonly note: string }
  | { readonly id: number; readonly kind: 'dial'; readonly number: string; readonly ticketId: string }
  | { readonly id: number; readonly kind: 'retry' };

const send = (message: unknown): void => void process.send?.(message);

async function main(): Promise<void> {
  const debug = (what: string): void => void (process.env.KILL_DEBUG && console.error(what, (process.uptime() * 1000).toFixed(0), 'ms'));
  debug('main');
  const options = JSON.parse(process.argv[2] ?? '{}') as ChildOptions;
  const { config } = validateConfig(
    { itop: { url: options.itopUrl, user: options.login, password: options.password, timeoutMs: 2000 }, cti: { token: options.token }, dial: { method: 'os' } },
    { agentTimeZone: 'Europe/Paris' },
  );
  const companion = createCompanion({ config, dataDir: options.dataDir, log: silentLog, intakePort: 0, language: 'en', openExternal: async () => undefined });
  companion.onEvent((channel, payload) => {
    if (channel === 'outbox:changed') {
      const status = payload as { pending: number; failed: number; entries: { state: string }[] };
      send({ outbox: { pending: status.pending, failed: status.failed, done: status.entries.filter((e) => e.state === 'done').length } });
    }
  });
  debug('created');
  await companion.start();
  debug('started');
  const port = (await companion.handlers['app:snapshot']()).status.bridge.port;
  process.on('message', (raw) => {
    const command = raw as Command;
    const t = performance.now();
    const running = run(command);
    // Once the handler's synchronous part and its microtasks ran: what the panel's click started has happened.
    setImmediate(() => send({ received: command.id }));
    void running.finally(() => process.env.KILL_DEBUG && console.error(command.kind, (performance.now() - t).toFixed(1), 'ms')).then(
      (result) => send({ reply: command.id, ok: true, result }),
      (error: unknown) => send({ reply: command.id, ok: false, error: String(error) }),
    );
  });
  send({ ready: port });

  async function run(command: Command): Promise<unknown> {
    const ticket = (id: string) => ({ class: 'UserRequest', id });
    switch (command.kind) {
      case 'log':
        return companion.handlers['call:log']({ callId: command.callId, ticket: ticket(command.ticketId), note: command.note });
      case 'dial':
        return companion.handlers['dial:start']({ number: command.number, ticket: ticket(command.ticketId) });
      case 'retry':
        return companion.handlers['outbox:retry']({});
    }
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
