import { describe, expect, it } from 'vitest';
import { pickDemoCallers, type DemoPerson } from './demo-callers';

const person = (id: number, name: string, ...numbers: string[]): DemoPerson => ({ id: String(id), name, numbers });

describe('pickDemoCallers', () => {
  it('picks one number per case, the known caller among those with open tickets', () => {
    const desk = '+33 1 40 00 10 00';
    const persons = [
      person(1, 'No Tickets', '+33 6 00 00 00 01'),
      person(2, 'Camille Martin', '+33 6 12 34 56 78'),
      person(3, 'Nathalie Girard', '+33 1 23 45 67 00'),
      person(4, 'Pierre Lambert', '+33123456700'),
      person(5, 'Internal', '204'),
      ...Array.from({ length: 12 }, (_, i) => person(10 + i, `Desk ${i}`, desk)),
    ];
    expect(pickDemoCallers(persons, new Set(['2']))).toEqual([
      { kind: 'known', number: '+33 6 12 34 56 78', name: 'Camille Martin' },
      { kind: 'several', number: '+33 1 23 45 67 00', count: 2 },
      { kind: 'switchboard', number: desk, count: 12 },
      { kind: 'unknown', number: '+33 9 99 99 99 99' },
      { kind: 'withheld', number: 'anonymous' },
    ]);
  });

  it('leaves out a case the data does not have, and never offers a number someone has as unknown', () => {
    const picked = pickDemoCallers([person(1, 'Only', '+33 9 99 99 99 99'), person(2, 'Elsewhere', '020 7946 0959')], new Set(), (n) => n.startsWith('+'));
    expect(picked.map((c) => c.kind)).toEqual(['known', 'unknown', 'withheld']);
    expect(picked.find((c) => c.kind === 'unknown')?.number).toBe('+44 20 7946 0000');
  });
});
