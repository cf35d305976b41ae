import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig, type AppConfig } from '../../../shared/config';
import { normalizeIncoming, type ExternalNumber } from '../../../shared/phone';
import { startSimulator, type RunningSimulator } from '../../../e2e/itop-sim/spawn';
import { createItopClient, type ItopClient } from '../itop';
import { indexFilePath, sourceOf } from '../lookup/index-file';
import { createLookupKit, type LookupKit } from './lookup-kit';

// The real simulator process over real HTTP, real files in a temp data folder.
let sim: RunningSimulator;
let admin: ItopClient;
let requests = 0;
const dirs: string[] = [];
const kits: LookupKit[] = [];

const configFor = (url: string, index: Record<string, unknown> = {}, user = 'cti', password = 'cti-password'): AppConfig =>
  validateConfig({ itop: { url, user, password }, phone: { defaultRegion: 'FR' }, index, cti: { token: 'x'.repeat(24) } }, { agentTimeZone: 'Europe/Paris' }).config;

const kitFor = (config: AppConfig, dataDir: string, log?: (m: string) => void): LookupKit => {
  const kit = createLookupKit({ config, language: 'en', now: () => Date.now(), dataDir, onRequest: () => void (requests += 1), ...(log ? { log } : {}) });
  kits.push(kit);
  return kit;
};
const newDir = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'cti-index-'));
  dirs.push(dir);
  return dir;
};
const lookup = (kit: LookupKit, raw: string) => {
  const number = normalizeIncoming(raw, kit.phone) as ExternalNumber;
  return kit.callers.lookup({ raw, number });
};
const verified = async (kit: LookupKit, raw: string) => {
  const outcome = lookup(kit, raw);
  const merged = outcome.pending ? await outcome.pending : undefined;
  if (merged && !merged.ok) throw new Error(merged.error);
  const rechecked = outcome.recheck ? await outcome.recheck : undefined;
  return { immediate: outcome.immediate?.matches ?? [], after: (rechecked ?? (merged?.ok ? merged.value : outcome.immediate))?.matches ?? [] };
};
const createPerson = async (name: string, phone: string): Promise<string> => {
  const created = await admin.create({ class: 'Person', fields: { name, first_name: 'Test', org_id: 4, phone }, outputFields: ['id'] });
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  return created.value.key;
};

beforeAll(async () => {
  sim = await startSimulator({ noPhoneCall: true });
  admin = createItopClient({ url: sim.baseUrl, auth: { kind: 'password', user: 'ctiadmin', password: 'ctiadmin-password' } });
});
afterEach(async () => {
  await sim.control.setFault('none');
  for (const kit of kits.splice(0)) await kit.index.stop();
});
afterAll(async () => {
  await sim?.stop();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('phone index kept on disk', () => {
  it('after a restart with iTop down, identifies a cached caller at once and says the data may be stale', async () => {
    const dir = await newDir();
    const first = kitFor(configFor(sim.baseUrl), dir);
    expect((await first.index.rebuild()).ok).toBe(true);
    await first.index.stop();
    const [file] = (await readdir(dir)).filter((f) => f.startsWith('phone-index-'));
    expect(((await stat(join(dir, file ?? ''))).mode & 0o777).toString(8)).toBe('600');

    await sim.control.setFault('down');
    const again = kitFor(configFor(sim.baseUrl), dir);
    await again.index.start();
    expect(again.index.status()).toMatchObject({ source: 'disk', stale: true, persons: first.index.status().persons });
    const { immediate, after } = await verified(again, '+33123456789');
    expect(immediate.find((m) => m.name === 'Camille Martin')).toMatchObject({ confidence: 'confirmed' });
    // The call-time check cannot reach iTop: the index's answer stands instead of an error.
    expect(after.map((m) => m.name)).toEqual(immediate.map((m) => m.name));
  });

  it('finds a Person added in iTop at once by the call-time query, and by the next new-id pass in one request', async () => {
    const dir = await newDir();
    const kit = kitFor(configFor(sim.baseUrl), dir);
    expect((await kit.index.rebuild()).ok).toBe(true);
    await createPerson('Nouveau', '+33 4 11 22 33 44');
    const { immediate, after } = await verified(kit, '0411223344');
    expect(immediate).toEqual([]);
    expect(after.map((m) => [m.name, m.confidence])).toEqual([['Test Nouveau', 'confirmed']]);

    const other = kitFor(configFor(sim.baseUrl), await newDir());
    await other.index.rebuild();
    const id = await createPerson('Suivant', '+33 4 55 66 77 88');
    expect(other.index.current()?.find('+33455667788')).toEqual([]);
    const before = requests;
    expect((await other.index.refresh()).ok).toBe(true);
    expect(requests - before).toBe(1);
    expect(other.index.current()?.find('+33455667788').map((h) => h.person.id)).toEqual([id]);
  });

  it('a changed or deleted number stops matching at the next call; an inactive Person shows as inactive', async () => {
    const changedId = await createPerson('Change', '+33 5 10 20 30 40');
    const deletedId = await createPerson('Efface', '+33 5 10 20 30 41');
    const inactiveId = await createPerson('Parti', '+33 5 10 20 30 42');
    const kit = kitFor(configFor(sim.baseUrl), await newDir());
    await kit.index.rebuild();
    expect((await admin.update({ class: 'Person', key: changedId, fields: { phone: '+33 5 99 99 99 99' }, outputFields: ['id'] })).ok).toBe(true);
    expect((await admin.delete({ class: 'Person', key: deletedId })).ok).toBe(true);
    expect((await admin.update({ class: 'Person', key: inactiveId, fields: { status: 'inactive' }, outputFields: ['id'] })).ok).toBe(true);

    const changed = await verified(kit, '0510203040');
    expect(changed.immediate.map((m) => m.personId)).toEqual([changedId]);
    expect(changed.after).toEqual([]);
    expect((await verified(kit, '0599999999')).immediate.map((m) => m.personId)).toEqual([changedId]);
    const deleted = await verified(kit, '0510203041');
    expect(deleted.after).toEqual([]);
    expect(kit.index.current()?.person(deletedId)).toBeUndefined();
    const inactive = await verified(kit, '0510203042');
    expect(inactive.after).toEqual([expect.objectContaining({ personId: inactiveId, inactive: true })]);
    // The next call: the index itself no longer offers the old number.
    expect((await verified(kit, '0510203040')).immediate).toEqual([]);
  });

  it('a rolling slice catches a changed and a deleted Person without any call', async () => {
    const changedId = await createPerson('Tranche', '+33 5 70 70 70 70');
    const deletedId = await createPerson('Disparu', '+33 5 70 70 70 71');
    // One step per cycle: the single slice covers every id.
    const kit = kitFor(configFor(sim.baseUrl, { refreshMinutes: 60, cycleHours: 1 }), await newDir());
    await kit.index.rebuild();
    await admin.update({ class: 'Person', key: changedId, fields: { phone: '+33 5 70 70 70 79' }, outputFields: ['id'] });
    await admin.delete({ class: 'Person', key: deletedId });
    expect((await kit.index.refresh()).ok).toBe(true);
    const index = kit.index.current();
    expect(index?.find('+33570707070')).toEqual([]);
    expect(index?.find('+33570707079').map((h) => h.person.id)).toEqual([changedId]);
    expect(index?.person(deletedId)).toBeUndefined();
  });
});

describe('an index opened from its file', () => {
  it('keeps what a refresh changed across the next save and start, and copies the untouched Persons as they were', async () => {
    const changedId = await createPerson('Relu', '+33 5 80 80 80 80');
    const deletedId = await createPerson('Oublie', '+33 5 80 80 80 81');
    const config = configFor(sim.baseUrl, { refreshMinutes: 60, cycleHours: 1 });
    const dir = await newDir();
    const builder = kitFor(config, dir);
    await builder.index.rebuild();
    await builder.index.stop();
    const persons = builder.index.status().persons;

    await admin.update({ class: 'Person', key: changedId, fields: { phone: '+33 5 80 80 80 89' }, outputFields: ['id'] });
    await admin.delete({ class: 'Person', key: deletedId });
    const addedId = await createPerson('Arrive', '+33 5 80 80 80 82');
    const opened = kitFor(config, dir);
    await opened.index.start();
    expect(opened.index.status()).toMatchObject({ source: 'disk', persons });
    expect((await opened.index.refresh()).ok).toBe(true);
    await opened.index.stop();

    const again = kitFor(config, dir);
    await again.index.start();
    const index = again.index.current();
    expect(again.index.status()).toMatchObject({ source: 'disk', persons, numbers: opened.index.status().numbers });
    expect(index?.find('+33580808080')).toEqual([]);
    expect(index?.find('+33580808089').map((h) => h.person.id)).toEqual([changedId]);
    expect(index?.find('+33580808082').map((h) => h.person.id)).toEqual([addedId]);
    expect(index?.person(deletedId)).toBeUndefined();
    expect((await verified(again, '0123456789')).immediate.find((m) => m.name === 'Camille Martin')).toMatchObject({ confidence: 'confirmed' });
  });

  it('with other region settings than the file was keyed with, keys the numbers again instead of trusting them', async () => {
    const guessedId = await createPerson('Sans Lieu', '02 33 44 55 66'); // no Location: read in the default region
    const dir = await newDir();
    const first = kitFor(configFor(sim.baseUrl), dir);
    await first.index.rebuild();
    await first.index.stop();
    await sim.control.setFault('down');
    // The same digits, read in Belgium now: +32, no longer the French +33 number.
    const belgian = validateConfig({ itop: { url: sim.baseUrl, user: 'cti', password: 'cti-password' }, phone: { defaultRegion: 'BE' }, cti: { token: 'x'.repeat(24) } }, { agentTimeZone: 'Europe/Paris' }).config;
    const reread = kitFor(belgian, dir);
    await reread.index.start();
    const index = reread.index.current();
    expect(index?.persons).toBe(first.index.status().persons);
    expect((await verified(reread, '+33123456789')).immediate.find((m) => m.name === 'Camille Martin')).toMatchObject({ confidence: 'confirmed' });
    // A national number on a Person with no known region was read in FR when saved; now it reads in BE.
    const inFrance = (normalizeIncoming('02 33 44 55 66', first.phone) as ExternalNumber).e164;
    const inBelgium = (normalizeIncoming('02 33 44 55 66', reread.phone) as ExternalNumber).e164;
    expect([inFrance, inBelgium]).toEqual(['+33233445566', '+32233445566']);
    expect(first.index.current()?.find(inFrance).map((h) => [h.person.id, h.confidence])).toEqual([[guessedId, 'confirmed']]);
    expect(index?.find(inBelgium).map((h) => [h.person.id, h.confidence])).toEqual([[guessedId, 'confirmed']]);
    expect(index?.find(inFrance).some((h) => h.person.id === guessedId && h.confidence === 'confirmed')).toBe(false);
    // find() judges every candidate with today's reading anyway; the E.164 table itself holds the new reading.
    expect(index?.forSaving().byE164.keys.includes(-32233445566)).toBe(true);
  });
});

describe('refresh schedule', () => {
  it('starts at a random phase of the interval, then steps every interval, one request each', async () => {
    const delays: number[] = [];
    const fired: (() => void)[] = [];
    const timers = { set: (run: () => void, ms: number) => (delays.push(ms), fired.push(run), fired.length), clear: () => undefined };
    const make = (random: number) =>
      createLookupKit({ config: configFor(sim.baseUrl), language: 'en', now: () => Date.now(), timers, random: () => random, onRequest: () => void (requests += 1) });
    const early = make(0.1);
    const late = make(0.85);
    await early.index.start();
    await late.index.start();
    expect(delays).toEqual([60_000, 510_000]); // 10 min × the agent's own phase: never in step
    await early.index.rebuild();
    const before = requests;
    fired[0]?.();
    await new Promise<void>((resolve) => {
      const wait = () => (delays.length >= 3 ? resolve() : setTimeout(wait, 20));
      wait();
    });
    expect(delays[2]).toBe(600_000);
    expect(requests - before).toBe(1);
    await early.index.stop();
    await late.index.stop();
  });
});

describe('phone index files that must not be used', () => {
  const startLogged = async (config: AppConfig, dir: string) => {
    const problems: string[] = [];
    const kit = kitFor(config, dir, (m) => problems.push(m));
    await kit.index.start();
    return { kit, problems };
  };

  it('ignores a corrupt file, an old format and a file of another source, then rebuilds over it', async () => {
    const dir = await newDir();
    const config = configFor(sim.baseUrl);
    const path = indexFilePath(dir, sourceOf(config.itop.url, { user: 'cti' }));
    await writeFile(path, '{"format":"itop-cti-phone-index","version":1,"persons":[[');
    const corrupt = await startLogged(config, dir);
    expect(corrupt.kit.index.current()).toBeUndefined();
    expect(corrupt.problems.join('\n')).toMatch(/not valid JSON; it is rebuilt/);
    expect((await corrupt.kit.index.rebuild()).ok).toBe(true);
    await corrupt.kit.index.stop();
    const saved = await readFile(path);
    const cut = saved.indexOf('\n');
    const header = JSON.parse(saved.toString('utf8', 0, cut)) as Record<string, unknown>;
    const body = saved.subarray(cut + 1);
    const rewrite = (head: Record<string, unknown>, rest = body) => writeFile(path, Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`), rest]));

    await rewrite({ ...header, version: 0 });
    expect((await startLogged(config, dir)).problems.join('\n')).toMatch(/format version 0/);
    await rewrite({ ...header, source: { url: 'http://elsewhere.example', account: 'cti' } });
    const foreign = await startLogged(config, dir);
    expect(foreign.kit.index.current()).toBeUndefined();
    expect(foreign.problems.join('\n')).toMatch(/another iTop URL or login/);
    await rewrite(header, body.subarray(0, body.length / 2));
    expect((await startLogged(config, dir)).problems.join('\n')).toMatch(/is damaged \(\d+ bytes/);
    // One byte changed anywhere (here in the packed keys at the end): the checksum refuses the file.
    const flipped = Buffer.from(body);
    flipped[flipped.length - 3] = (flipped[flipped.length - 3] ?? 0) ^ 0x40;
    await rewrite(header, flipped);
    expect((await startLogged(config, dir)).problems.join('\n')).toMatch(/checksum does not match/);
    await rewrite(header);
    expect((await startLogged(config, dir)).kit.index.current()?.persons).toBe(header['count']);
  });

  it('two companions with different iTop URLs (or logins) never share a cache', async () => {
    const dir = await newDir();
    const byIp = kitFor(configFor(sim.baseUrl), dir);
    await byIp.index.rebuild();
    await byIp.index.stop();
    // The same server under another URL, then another login: each starts without a cache of its own.
    const byName = await startLogged(configFor(sim.baseUrl.replace('127.0.0.1', 'localhost')), dir);
    expect(byName.kit.index.current()).toBeUndefined();
    const otherLogin = await startLogged(configFor(sim.baseUrl, {}, 'ctiadmin', 'ctiadmin-password'), dir);
    expect(otherLogin.kit.index.current()).toBeUndefined();
    const same = await startLogged(configFor(sim.baseUrl), dir);
    expect(same.kit.index.current()?.persons).toBe(byIp.index.status().persons);
    expect((await readdir(dir)).filter((f) => f.startsWith('phone-index-'))).toHaveLength(1);
  });
});
