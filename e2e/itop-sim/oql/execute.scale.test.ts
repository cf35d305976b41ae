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
