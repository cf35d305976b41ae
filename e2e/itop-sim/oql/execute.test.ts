import { describe, it, expect } from 'vitest';
import { executeOql } from './execute';
import { agentContext, sampleData, tinySchema } from './tiny-model';

function ids(text: string, data = sampleData()): number[] {
  const outcome = executeOql(text, tinySchema, data, agentContext);
  if (!outcome.ok) throw new Error(outcome.failure.message);
  return outcome.rows.map((r) => r.id).sort((a, b) => a - b);
}

describe('executeOql semantics', () => {
  it('selects a class with its subclasses, rows keeping their final class', () => {
    const outcome = executeOql("SELECT Ticket WHERE caller_id = 54 AND operational_status = 'ongoing'", tinySchema, sampleData(), agentContext);
    expect(outcome.ok && outcome.selectedClass).toBe('Ticket');
    expect(outcome.ok && outcome.rows.map((r) => `${r.finalClass}::${r.id}`).sort()).toEqual(['Incident::201', 'UserRequest::101']);
    expect(ids('SELECT Contact')).toEqual([40, 54, 55, 56, 57]);
  });

  it('compares strings ignoring case, accents and trailing spaces; numbers numerically', () => {
    expect(ids("SELECT Person WHERE name = 'MULLER'")).toEqual([54]);
    expect(ids("SELECT Person WHERE name = 'mueller   '")).toEqual([56]);
    expect(ids("SELECT Person WHERE org_id = '2'")).toEqual([54, 55]);
    expect(ids('SELECT Ticket WHERE caller_id > 54')).toEqual([103]);
    expect(ids("SELECT UserRequest WHERE status != 'closed'")).toEqual([101, 103]);
  });

  it('matches LIKE with % and _ wildcards and backslash escapes, case-insensitively', () => {
    expect(ids("SELECT Person WHERE phone LIKE '%1234567%' OR mobile_phone LIKE '%1234567%'")).toEqual([54]);
    expect(ids("SELECT Person WHERE first_name LIKE 'a__'")).toEqual([40]);
    expect(ids("SELECT Person WHERE phone LIKE '100\\\\% sure\\\\_1'")).toEqual([56]);
    expect(ids("SELECT Person WHERE phone LIKE '100\\\\%'")).toEqual([]);
    expect(ids("SELECT Person WHERE name NOT LIKE 'm%'")).toEqual([40, 55, 57]);
    expect(ids("SELECT Person WHERE name LIKE 'o\\'b%'")).toEqual([55]);
  });

  it('treats NULL as SQL does: = NULL never matches, ISNULL does, external keys are 0 not NULL', () => {
    expect(ids('SELECT Person WHERE phone = NULL')).toEqual([]);
    expect(ids('SELECT Person WHERE phone != NULL')).toEqual([]);
    expect(ids('SELECT Person WHERE ISNULL(phone)')).toEqual([57]);
    expect(ids('SELECT Person WHERE org_id = 0')).toEqual([57]);
    expect(ids('SELECT Incident WHERE caller_id = 0')).toEqual([202]);
  });

  it('evaluates IN / NOT IN lists and sub-queries', () => {
    expect(ids("SELECT UserRequest AS u WHERE u.caller_id IN (54, 56) AND u.status != 'closed'")).toEqual([101, 103]);
    expect(ids('SELECT Person WHERE id NOT IN (40, 54)')).toEqual([55, 56, 57]);
    expect(ids("SELECT Ticket WHERE caller_id IN (SELECT Person AS p WHERE p.org_id IN (SELECT Organization WHERE code = 'glx'))")).toEqual([101, 102, 201]);
    expect(ids("SELECT Person WHERE id NOT IN (SELECT Person WHERE status = 'inactive')")).toEqual([40, 54, 56, 57]);
  });

  it('runs the seed 004 joins, in both key directions', () => {
    expect(ids('SELECT Organization AS o JOIN Person AS p ON p.org_id = o.id WHERE p.id = 56')).toEqual([1]);
    expect(ids("SELECT UserRequest AS u JOIN Organization AS o ON u.org_id = o.id JOIN Person AS p ON p.org_id = o.id WHERE p.id IN (55) AND u.status != 'closed'")).toEqual([101]);
    expect(ids("SELECT Person AS p JOIN Organization AS o ON p.org_id = o.id WHERE o.name LIKE 'glob%'")).toEqual([54, 55]);
    expect(ids('SELECT p FROM Organization AS o JOIN Person AS p ON p.org_id = o.id WHERE o.id = 1')).toEqual([40, 56]);
    expect(ids('SELECT Person AS m JOIN Person AS e ON e.manager_id = m.id')).toEqual([54]);
  });

  it('works the same without the optional rowById lookup', () => {
    expect(ids('SELECT Organization AS o JOIN Person AS p ON p.org_id = o.id WHERE p.id = 56', sampleData(false))).toEqual([1]);
    expect(ids('SELECT Person WHERE id IN (54, 999)', sampleData(false))).toEqual([54]);
  });

  it('resolves the magic placeholders', () => {
    expect(ids('SELECT Person WHERE id = :current_contact_id')).toEqual([40]);
    expect(ids('SELECT Person WHERE org_id = :current_contact->org_id')).toEqual([40, 56]);
    expect(ids('SELECT Person WHERE email = :current_user->login')).toEqual([]);
    expect(ids("SELECT Person WHERE id = :current_contact->id AND email LIKE '%@demo.com'")).toEqual([40]);
  });

  it('supports OR, parentheses, UNION and correlated sub-queries', () => {
    expect(ids("SELECT Person WHERE (org_id = 1 OR name = 'Nobody') AND status = 'active'")).toEqual([40, 56, 57]);
    const union = executeOql('SELECT UserRequest WHERE caller_id = 56 UNION SELECT Incident WHERE caller_id = 0', tinySchema, sampleData(), agentContext);
    expect(union.ok && [union.selectedClass, union.rows.map((r) => r.id).sort()]).toEqual(['Ticket', [103, 202]]);
    expect(ids('SELECT Person AS p WHERE p.id IN (SELECT Person AS m WHERE m.manager_id = p.id)')).toEqual([]);
    expect(ids('SELECT Person AS p WHERE p.id IN (SELECT Person AS e WHERE e.id = p.manager_id)')).toEqual([]);
    expect(ids('SELECT Person AS p WHERE p.manager_id IN (SELECT Person AS m WHERE m.org_id != p.org_id)')).toEqual([56]);
  });
});
