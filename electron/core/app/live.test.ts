import { describe, expect, it } from 'vitest';
import { live } from './live';

describe('live', () => {
  it('reads, calls, spreads and enumerates the current object, not the one it was made with', () => {
    let current = { name: 'first', greet(this: { name: string }) { return `hello ${this.name}`; } };
    const view = live(() => current);
    expect(view.greet()).toBe('hello first');
    current = { name: 'second', greet(this: { name: string }) { return `hi ${this.name}`; } };
    expect(view.name).toBe('second');
    expect(view.greet()).toBe('hi second');
    expect({ ...view }).toMatchObject({ name: 'second' });
    expect(Object.keys(view)).toEqual(['name', 'greet']);
    expect('name' in view).toBe(true);
  });

  it('forwards frozen objects without breaking the proxy invariants', () => {
    const frozen = Object.freeze({ region: 'FR' });
    expect(JSON.stringify(live(() => frozen))).toBe('{"region":"FR"}');
  });
});
