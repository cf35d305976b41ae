import { describe, expect, it } from 'vitest';
import { withNameMatch } from './name-match';

describe('a picker filter narrowed by name', () => {
  it('keeps the filter\'s condition whole (an OR stays inside) and matches on the selected alias', () => {
    expect(withNameMatch("SELECT Service AS s JOIN lnkCustomerContractToService AS l1 ON l1.service_id=s.id WHERE s.org_id = 1 OR s.status != 'obsolete'")).toEqual({
      ok: true,
      value: "SELECT Service AS s JOIN lnkCustomerContractToService AS l1 ON l1.service_id=s.id WHERE (s.org_id = 1 OR s.status != 'obsolete') AND s.friendlyname LIKE :text",
    });
    expect(withNameMatch('SELECT Team')).toEqual({ ok: true, value: 'SELECT Team WHERE Team.friendlyname LIKE :text' });
    expect(withNameMatch("SELECT l FROM Location AS l JOIN Organization AS o ON l.org_id = o.id WHERE o.name = 'é WHERE'")).toEqual({
      ok: true,
      value: "SELECT l FROM Location AS l JOIN Organization AS o ON l.org_id = o.id WHERE (o.name = 'é WHERE') AND l.friendlyname LIKE :text",
    });
  });

  it('ignores a WHERE inside a nested query, and refuses what is not OQL', () => {
    expect(withNameMatch('SELECT Person WHERE id IN (SELECT Person WHERE org_id = 2)')).toEqual({ ok: true, value: 'SELECT Person WHERE (id IN (SELECT Person WHERE org_id = 2)) AND Person.friendlyname LIKE :text' });
    expect(withNameMatch('SELECT').ok).toBe(false);
  });
});
