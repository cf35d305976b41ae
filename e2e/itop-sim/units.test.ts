/** In-process units: CLI parsing, PHP json_encode bytes, generated data determinism and shape. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSimArgs } from './cli-args';
import { createClock } from './clock';
import { phpJsonEncode } from './http/php-json';
import { createSchema } from './model/schema';
import { seedGenerated } from './seed/generate';
import { createReader, type JsonValue } from './store/read';
import { createStore } from './store/store';

describe('parseSimArgs', () => {
  it('reads every option, flags and repeated users', () => {
    const r = parseSimArgs(['--port', '0', '--persons=10', '--latency', '5', '--jitter', '2', '--seed', '7', '--no-phonecall', '--user', 'a:b:c', '--user', 'd:e', '--token-login', '--timezone', 'UTC', '--strict-phone-pattern', '--dataset', 'fresh']);
    expect(r).toEqual({ ok: true, value: {
      port: 0, host: '127.0.0.1', persons: 10, latencyMs: 5, jitterMs: 2, seed: 7, phoneCall: false, tokenLogin: true, timezone: 'UTC',
      strictPhonePattern: true, dataset: 'fresh', users: [{ login: 'a', password: 'b:c' }, { login: 'd', password: 'e' }],
    } });
  });

  it.each([
    [['--port', '70000'], '--port expects an integer between 0 and 65535'],
    [['--host', '0.0.0.0'], '--host expects a loopback address'],
    [['--persons'], '--persons needs a value'],
    [['--user', 'nopassword'], '--user expects LOGIN:PASSWORD'],
    [['--frobnicate'], "unknown option '--frobnicate'"],
    [['--dataset', 'other'], "--dataset expects 'fresh'"],
  ])('refuses %j with a message naming the option', (argv, message) => {
    const r = parseSimArgs(argv);
    expect(r.ok ? '' : r.error.message).toContain(message);
  });
});

describe('phpJsonEncode', () => {
  it('escapes like PHP json_encode and turns empty objects into []', () => {
    expect(phpJsonEncode({ a: 'Zoé/<p>', b: {}, c: { '0': 'x', '1': 'y' }, d: '😀' })).toBe('{"a":"Zo\\u00e9\\/<p>","b":[],"c":["x","y"],"d":"\\ud83d\\ude00"}');
  });

  it('keeps any string readable back unchanged, with ASCII-only output', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (key, value) => {
      const text = phpJsonEncode({ [`k${key}`]: value });
      expect(/^[\x20-\x7e]*$/.test(text)).toBe(true);
      expect(/(^|[^\\])\//.test(text)).toBe(false);
      expect(JSON.parse(text)).toEqual({ [`k${key}`]: value });
    }));
  });
});

describe('seedGenerated', () => {
  const build = (seed: number, persons: number) => {
    const store = createStore(createSchema({ phoneCall: true }));
    seedGenerated(store, createClock('Europe/Paris', () => new Date(0)), { persons, seed });
    const reader = createReader(store);
    const phones = [...store.rowsOf('Person')].map((p) => reader.json(p, { code: 'phone', attr: store.schema.attr('Person', 'phone')! }) as JsonValue);
    return { store, phones };
  };

  it('is deterministic for a seed and differs between seeds', () => {
    expect(build(3, 300).phones).toEqual(build(3, 300).phones);
    expect(build(3, 300).phones).not.toEqual(build(4, 300).phones);
  });

  it('mixes formats, shares switchboards, and creates tickets of every class', () => {
    const { store, phones } = build(1, 2000);
    const text = phones.join('\n');
    for (const marker of ['+33', '0033', '(0)', '/', ' x', 'ext ', 'poste ', '+49', '+44', '+1', '+41', '+32']) expect(text).toContain(marker);
    const counts = new Map<JsonValue, number>();
    for (const p of phones) if (p !== '') counts.set(p, (counts.get(p) ?? 0) + 1);
    expect([...counts.values()].some((n) => n > 10)).toBe(true);
    expect([...store.rowsOf('Person')].some((p) => p.values.status === 'inactive')).toBe(true);
    for (const cls of ['UserRequest', 'Incident', 'Problem', 'RoutineChange', 'NormalChange', 'EmergencyChange', 'PhoneCall']) {
      expect(store.countOf(cls)).toBeGreaterThan(0);
    }
  });
});
