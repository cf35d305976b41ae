import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallView } from '../../../shared/contract/views';
import { openCallHistory } from './call-history';
import { openChoiceMemory } from '../lookup/choice-memory';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cti-history-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const view = (callId: string, state: CallView['state'], e164: string, direction: CallView['direction'] = 'inbound'): CallView => ({
  callId,
  direction,
  state,
  source: 'bridge',
  number: { raw: e164, kind: 'external', e164, display: e164 },
  startedAt: 1000,
  callers: { state: 'done', matches: [], label: '' },
  selection: { kind: 'unknown' },
  lists: [],
});

describe('call history', () => {
  it('keeps a missed call open until the number is called back, and persists it', async () => {
    const history = await openCallHistory({ dataDir: dir });
    expect(history.record(view('a', 'ringing', '+33123456789'))).toBe(true);
    history.record(view('a', 'missed', '+33123456789'));
    expect(history.entries()[0]).toMatchObject({ callId: 'a', state: 'missed', missedOpen: true });
    history.record(view('b', 'dialing', '+33199999999', 'outbound'));
    expect(history.entries().find((e) => e.callId === 'a')?.missedOpen).toBe(true);
    history.record(view('c', 'dialing', '+33123456789', 'outbound'));
    expect(history.entries().find((e) => e.callId === 'a')?.missedOpen).toBe(false);
    await history.flush();
    const reopened = await openCallHistory({ dataDir: dir });
    expect(reopened.entries().map((e) => [e.callId, e.missedOpen])).toEqual([['c', false], ['b', false], ['a', false]]);
  });

  it('clears a missed call on request by E.164, and on an answered call from the same number', async () => {
    const history = await openCallHistory({ dataDir: dir });
    history.record(view('a', 'missed', '+33123456789'));
    history.record(view('b', 'missed', '+33111111111'));
    expect(history.clearMissed('+33123456789')).toBe(true);
    expect(history.clearMissed('+33123456789')).toBe(false);
    history.record(view('c', 'answered', '+33111111111'));
    expect(history.entries().filter((e) => e.missedOpen)).toEqual([]);
    await history.flush();
  });

  it('starts empty (and reports why) from a corrupt file instead of crashing', async () => {
    await writeFile(join(dir, 'call-history.json'), '{"version":1,"entries":[{"bad":tru', 'utf8');
    const problems: string[] = [];
    const history = await openCallHistory({ dataDir: dir, log: (m) => problems.push(m) });
    expect(history.entries()).toEqual([]);
    expect(problems.join()).toMatch(/not valid JSON/);
  });
});

describe('choice memory', () => {
  it('remembers the last choice per number across restarts, atomically written', async () => {
    const memory = await openChoiceMemory({ dataDir: dir, now: () => 5 });
    expect(memory.recall('+33123456789')).toBeUndefined();
    await memory.remember('+33123456789', { kind: 'person', personId: '7' });
    await memory.remember('+33123456789', { kind: 'all' });
    const again = await openChoiceMemory({ dataDir: dir, now: () => 6 });
    expect(again.recall('+33123456789')).toEqual({ kind: 'all' });
    const text = await readFile(join(dir, 'caller-choices.json'), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ version: 1, choices: { '+33123456789': { selection: { kind: 'all' }, at: 5 } } });
  });

  it('ignores a file of the wrong shape', async () => {
    await writeFile(join(dir, 'caller-choices.json'), JSON.stringify({ version: 1, choices: { x: { selection: { kind: 'nobody' }, at: 1 } } }), 'utf8');
    const problems: string[] = [];
    const memory = await openChoiceMemory({ dataDir: dir, now: () => 1, log: (m) => problems.push(m) });
    expect(memory.recall('x')).toBeUndefined();
    expect(problems).toHaveLength(1);
  });
});
