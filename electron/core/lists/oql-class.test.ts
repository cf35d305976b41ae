import { describe, it, expect } from 'vitest';
import { selectedClass } from './oql-class';

describe('selectedClass', () => {
  it.each([
    ["SELECT UserRequest AS u WHERE u.caller_id IN (:callers_list) AND u.status != 'closed'", 'UserRequest'],
    ['SELECT UserRequest AS u JOIN Organization AS o ON u.org_id = o.id JOIN Person AS p ON p.org_id = o.id WHERE p.id IN (:callers_list)', 'UserRequest'],
    ['SELECT Incident', 'Incident'],
    ['  SELECT `PhoneCall` WHERE contact_id IN (:callers_list)', 'PhoneCall'],
    ['SELECT u FROM UserRequest AS u JOIN Person AS p ON u.caller_id = p.id', 'UserRequest'],
    ['SELECT p FROM UserRequest AS u JOIN Person AS p ON u.caller_id = p.id', 'Person'],
  ])('%s → %s', (oql, cls) => {
    expect(selectedClass(oql)).toBe(cls);
  });

  it('is undefined for text that is not a SELECT', () => {
    expect(selectedClass('select Person')).toBeUndefined();
    expect(selectedClass('')).toBeUndefined();
    expect(selectedClass('DELETE FROM x')).toBeUndefined();
  });
});
