import { appendFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createItopClient } from '../itop';
import { OutboxEntry, type OutboxEntry as Entry } from './entry';
import { createIntentLog } from './intent-log';
import { createOutbox } from './outbox';

const entry = (id: string): Entry => OutboxEntry.parse({
  id, label: `call ${id}`, marker: `[cti:${id}]`, state: 'pending', createdAt: 1, attempts: 0, nextAttemptAt: 1, uncertain: false,
  op: { kind: 'create', class: 'PhoneCall', markField: 'note', fields: { note: id } },
});

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'intents-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('the outbox intent log', () => {
  it('recovers what was appended and not yet saved, skipping a torn last line and what the main file holds', async () => {
    const file = join(dir, 'o.json.intents');
    const log = createIntentLog(file);
    log.append(entry('aaaaaaaa-1'));
    log.append(entry('bbbbbbbb-2'));
    await appendFile(file, '{"id":"cccccccc-3","label":"torn', 'utf8'); // killed mid-append
    const recovered = await createIntentLog(file).recover(new Set(['aaaaaaaa-1']));
    expect(recovered.map((e) => e.id)).toEqual(['bbbbbbbb-2']);
  });

  it('is readable by the agent only, like outbox.json (it holds callers\' numbers and names)', async () => {
    const file = join(dir, 'private.json.intents');
    createIntentLog(file).append(entry('dddddddd-4'));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('drops the lines of entries a save holds', async () => {
    const file = join(dir, 'o.json.intents');
    const log = createIntentLog(file);
    log.append(entry('aaaaaaaa-1'));
    log.append(entry('bbbbbbbb-2'));
    log.saved(['aaaaaaaa-1']);
    expect((await readFile(file, 'utf8')).split('\n').filter(Boolean).map((l) => (JSON.parse(l) as Entry).id)).toEqual(['bbbbbbbb-2']);
    log.saved(['bbbbbbbb-2']);
    expect(await readFile(file, 'utf8')).toBe('');
  });

  it('an outbox started after a crash that left only the intent line has the entry pending, and saves it', async () => {
    const file = join(dir, 'outbox.json');
    await writeFile(join(dir, 'outbox.json.intents'), `${JSON.stringify(entry('dddddddd-4'))}\n`, 'utf8');
    // Nothing is sent: the client points at a closed port and the outbox is never started.
    const outbox = createOutbox({ file, client: createItopClient({ url: 'http://127.0.0.1:9/webservices/rest.php', auth: { kind: 'password', user: 'u', password: 'p' } }) });
    expect((await outbox.retryNow()).ok).toBe(true);
    expect(outbox.get('dddddddd-4')?.state).toBe('pending');
    const saved = JSON.parse(await readFile(file, 'utf8')) as { entries: Entry[] };
    expect(saved.entries.map((e) => e.id)).toEqual(['dddddddd-4']);
    expect(await readFile(join(dir, 'outbox.json.intents'), 'utf8')).toBe('');
  });
});
