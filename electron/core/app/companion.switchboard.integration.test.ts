import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_USERS } from '../../../e2e/itop-sim/credentials';
import { startSimulator } from '../../../e2e/itop-sim/spawn';
import { MAX_MATCHES_KEPT } from '../lookup/found-callers';
import { settled, startCompanionRig, type CompanionRig } from './testing/companion-rig';

// The shared-switchboard rule on generated data: 15 % of each organization's persons share its desk number.

describe('a number shared by many persons (switchboard)', () => {
  let rig: CompanionRig;
  let shared = { phone: '', persons: [] as string[] };
  beforeAll(async () => {
    rig = await startCompanionRig({ sim: await startSimulator({ persons: 5000, seed: 7 }), login: SIM_USERS.cti });
    const all = await rig.itop.get({ class: 'Person', key: 'SELECT Person', outputFields: ['phone'] });
    if (!all.ok) throw new Error(JSON.stringify(all.error));
    const byPhone = new Map<string, string[]>();
    for (const p of all.value.objects) {
      const phone = String(p.fields['phone'] ?? '');
      if (phone !== '') byPhone.set(phone, [...(byPhone.get(phone) ?? []), String(p.key)]);
    }
    const [phone, persons] = [...byPhone].sort((a, b) => b[1].length - a[1].length)[0] ?? ['', []];
    shared = { phone, persons };
  }, 60_000);
  afterAll(async () => rig?.stop());

  it('defaults to "Unknown contact", sends the likeliest 50 matches (confirmed first) and how many matched', async () => {
    expect(shared.persons.length).toBeGreaterThan(MAX_MATCHES_KEPT);
    const { callId } = await rig.companion.handlers['call:simulate']({ number: shared.phone });
    const call = await rig.waitForCall(callId, (c) => c.callers.state === 'done' && settled(c));
    const total = call.callers.total ?? 0;
    expect(total).toBeGreaterThanOrEqual(shared.persons.length);
    expect(call.selection).toEqual({ kind: 'unknown' });
    expect(call.lists).toEqual([]);
    expect(call.callers.matches).toHaveLength(MAX_MATCHES_KEPT);
    const confidences = call.callers.matches.map((m) => m.confidence);
    expect(confidences).toEqual([...confidences].sort()); // 'confirmed' < 'probable'
    expect(call.choices).toHaveLength(MAX_MATCHES_KEPT + 2);

    // A listed contact can be chosen; a person who was never listed cannot (the chooser never offered them).
    const shown = new Set(call.callers.matches.map((m) => m.personId));
    const hidden = shared.persons.find((id) => !shown.has(id)) ?? '';
    await expect(rig.companion.handlers['call:select-caller']({ callId, selection: { kind: 'person', personId: hidden } })).rejects.toThrow(/not one of the choices/);
    const last = call.callers.matches.at(-1)?.personId ?? '';
    await rig.companion.handlers['call:select-caller']({ callId, selection: { kind: 'person', personId: last } });
    const chosen = await rig.waitForCall(callId, (c) => c.selection.kind === 'person' && settled(c));
    expect(chosen.lists.every((l) => l.state === 'done')).toBe(true);

    // The remembered choice wins over the rule on the next call from that number.
    const again = await rig.companion.handlers['call:simulate']({ number: shared.phone });
    expect((await rig.waitForCall(again.callId, (c) => c.callers.state === 'done' && settled(c))).selection).toEqual({ kind: 'person', personId: last });
  });
});
