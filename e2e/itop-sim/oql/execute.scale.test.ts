import { describe, it, expect } from 'vitest';
import { executeOql } from './execute';
import { MemoryData, agentContext, tinySchema } from './tiny-model';

// 100,000 persons, as the simulator holds. Work is measured by scans of the data source, not by the clock.
function bigData(): MemoryData {
  const data = new MemoryData();
  data.add('Organization', 1, { name: 'Demo' });
  data.add('Organization', 2, { name: 'Globex' });
  for (let i = 0; i < 100_000; i += 1) {
    const id = 1000 + i;
    data.add('Person', id, { name: `Person ${i}`, org_id: 1 + (i % 2), phone: `+33 1 ${String(i).padStart(8, '0')}`, mobile_phone: '' });
  }
  data.add('UserRequest', 500_000, { caller_id: 1234, org_id: 1, status: 'new' });
  return data;
}

describe('executeOql at simulator scale', () => {
  const data = bigData();

  it('finds a phone fragment among 100k persons in one scan', () => {
    data.scans = 0;
    const outcome = executeOql("SELECT Person WHERE phone LIKE '%00012345%' OR mobile_phone LIKE '%00012345%'", tinySchema, data, agentContext);
    expect(outcome.ok && outcome.rows.map((r) => r.id)).toEqual([13345]);
    expect(data.scans).toBe(1);
  });

  it('looks ids up without scanning, joins included', () => {
    data.scans = 0;
    const byIds = executeOql('SELECT Person WHERE id IN (1000, 1001, 7)', tinySchema, data, agentContext);
    expect(byIds.ok && byIds.rows.map((r) => r.id)).toEqual([1000, 1001]);
    const joined = executeOql('SELECT Organization AS o JOIN Person AS p ON p.org_id = o.id WHERE p.id = 1001', tinySchema, data, agentContext);
    expect(joined.ok && joined.rows.map((r) => r.id)).toEqual([2]);
    expect(data.scans).toBe(0);
  });

  it('reaches the tickets of a caller set through the organisation join without a cross product', () => {
    data.scans = 0;
    const outcome = executeOql(
      "SELECT UserRequest AS u JOIN Organization AS o ON u.org_id = o.id JOIN Person AS p ON p.org_id = o.id WHERE p.id IN (1002) AND u.status != 'closed'",
      tinySchema, data, agentContext,
    );
    expect(outcome.ok && outcome.rows.map((r) => r.id)).toEqual([500_000]);
    expect(data.scans).toBe(1); // one reverse index over UserRequest.org_id, nothing over the 100k persons
  });
});

// The same 100k persons, plus 3,000 tickets, behind a source with a key index, as the simulator's store.
function indexedData(): MemoryData {
  const data = new MemoryData(true, true);
  data.add('Organization', 1, { name: 'Demo' });
  data.add('Organization', 2, { name: 'Globex' });
  for (let i = 0; i < 100_000; i += 1) data.add('Person', 1000 + i, { name: `Person ${i}`, org_id: 1 + (i % 2), phone: '' });
  for (let i = 0; i < 3000; i += 1) {
    const cls = i % 3 === 2 ? 'Incident' : 'UserRequest';
    data.add(cls, 500_000 + i, { caller_id: 1000 + (i % 1500), org_id: 1 + (i % 2), status: i % 4 === 0 ? 'closed' : 'new' });
  }
  return data;
}

describe('executeOql with a key-indexed source (the simulator store)', () => {
  const data = indexedData();
  const run = (text: string): number[] => {
    data.scans = 0;
    data.rowsVisited = 0;
    const outcome = executeOql(text, tinySchema, data, agentContext);
    if (!outcome.ok) throw new Error(outcome.failure.message);
    return outcome.rows.map((r) => r.id).sort((a, b) => a - b);
  };

  it('answers the ticket list through the organisation join without any scan, visiting only the joined rows', () => {
    const ids = run("SELECT UserRequest AS u JOIN Organization AS o ON u.org_id = o.id JOIN Person AS p ON p.org_id = o.id WHERE p.id IN (1002, 1004) AND u.status != 'closed'");
    // Organisation 1 holds tickets 500000, 500002, … : 1500 of them, a third Incidents, a quarter closed.
    const expected = Array.from({ length: 3000 }, (_, i) => i).filter((i) => i % 2 === 0 && i % 3 !== 2 && i % 4 !== 0).map((i) => 500_000 + i);
    expect(ids).toEqual(expected);
    expect(data.scans).toBe(0);
    // 2 persons, their organisation twice, and organisation 1's 1,500 tickets for each person's branch at most.
    expect(data.rowsVisited).toBeLessThanOrEqual(2 + 2 + 2 * 1500);
  });

  it.each(['UserRequest', 'Incident'])('finds %s of a caller set through the caller_id index', (cls) => {
    const ids = run(`SELECT ${cls} AS t WHERE t.caller_id IN (1005, 1010, 1012, 1005) AND t.status != 'closed'`);
    // Callers 1005, 1010 and 1012 have tickets 5, 1505, 10, 1510, 12 and 1512 (12 and 1512 closed).
    const ofClass = [5, 1505, 10, 1510, 12, 1512].filter((i) => (cls === 'Incident') === (i % 3 === 2));
    expect(ids).toEqual(ofClass.filter((i) => i % 4 !== 0).map((i) => 500_000 + i).sort((a, b) => a - b));
    expect(data.scans).toBe(0);
    expect(data.rowsVisited).toBe(ofClass.length); // each ticket of those callers read once, nothing else
  });

  it('starts a join from the constrained alias even when it is not the selected one', () => {
    const ids = run('SELECT Person AS p JOIN UserRequest AS u ON u.caller_id = p.id WHERE u.caller_id = 1001');
    expect(ids).toEqual([1001]);
    expect(data.scans).toBe(0);
    expect(data.rowsVisited).toBe(4); // the caller's two tickets, then the caller once per ticket
  });

  it('still scans once, and only once, for a condition no index serves', () => {
    const ids = run("SELECT Person WHERE name LIKE '%son 99999'");
    expect(ids).toEqual([100_999]);
    expect(data.scans).toBe(1);
    expect(data.rowsVisited).toBe(100_000);
  });
});
