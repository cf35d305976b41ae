import { describe, it, expect } from 'vitest';
import { executeOql } from './execute';
import { agentContext, sampleData, tinySchema } from './tiny-model';

const failureOf = (text: string) => {
  const outcome = executeOql(text, tinySchema, sampleData(), agentContext);
  return outcome.ok ? null : outcome.failure;
};
const PERSON_CODES =
  'finalclass, friendlyname, obsolescence_flag, name, status, org_id, org_id_friendlyname, org_name, email, phone, first_name, mobile_phone, manager_id, id';

describe('executeOql fails as iTop does', () => {
  it('passes parser errors through (recording 07)', () => {
    expect(failureOf('SELECT Person WHERE phone LIKE')).toEqual({
      kind: 'syntax',
      exceptionClass: 'OQLParserSyntaxErrorException',
      message: "Unexpected token End of Input - found '0' at 0 in 'SELECT Person WHERE phone LIKE'",
    });
    expect(failureOf("SELECT Person WHERE name = 'a\\%'")).toEqual({ kind: 'lexer', exceptionClass: 'Exception', message: "Unexpected input at line 1: '" });
  });

  it('names an unknown class with the class list and a suggestion (recording 08b)', () => {
    expect(failureOf('SELECT Persn')).toEqual({
      kind: 'unknown-class',
      exceptionClass: 'UnknownClassOqlException',
      message: "Unknown class - found 'Persn' at 7 in 'SELECT Persn', expecting {Organization, Contact, Person, Ticket, UserRequest, Incident}, I would suggest to use 'Person'",
    });
  });

  it('names an unknown attribute with the filter codes and no suggestion when none is close (recording 07b)', () => {
    expect(failureOf('SELECT Person WHERE telephone = "123"')).toEqual({
      kind: 'unknown-attribute',
      exceptionClass: 'OqlNormalizeException',
      message: `Unknown filter code - found 'telephone' at 20 in 'SELECT Person WHERE telephone = "123"', expecting {${PERSON_CODES}}, I would suggest to use ''`,
    });
    expect(failureOf("SELECT Person AS p WHERE p.phon = '1'")?.message).toBe(
      `Unknown filter code - found 'phon' at 27 in 'SELECT Person AS p WHERE p.phon = '1'', expecting {${PERSON_CODES}}, I would suggest to use 'phone'`,
    );
  });

  it('reports unknown aliases, ambiguous bare codes and bad joins', () => {
    expect(failureOf("SELECT Person AS p WHERE x.name = 'a'")?.message).toBe(
      "Unknown class [alias] - found 'x' at 25 in 'SELECT Person AS p WHERE x.name = 'a'', expecting {p}, I would suggest to use 'p'",
    );
    expect(failureOf("SELECT Person AS p JOIN Organization AS o ON p.org_id = o.id WHERE status = 'active'")?.message).toBe(
      "Ambiguous filter code - found 'status' at 67 in 'SELECT Person AS p JOIN Organization AS o ON p.org_id = o.id WHERE status = 'active''",
    );
    expect(failureOf('SELECT Person AS p JOIN Organization AS o ON p.name = o.id')?.message).toBe(
      "Unknown key in join condition (left expression) - found 'name' at 47 in 'SELECT Person AS p JOIN Organization AS o ON p.name = o.id', expecting {org_id, manager_id}, I would suggest to use ''",
    );
    expect(failureOf('SELECT Person AS p JOIN Organization AS o ON p.org_id = o.code')?.message).toBe(
      "Wrong format for Join clause (right hand), expecting an id - found 'code' at 58 in 'SELECT Person AS p JOIN Organization AS o ON p.org_id = o.code', expecting {id}, I would suggest to use 'id'",
    );
    expect(failureOf('SELECT Person AS p JOIN Incident AS o ON p.org_id = o.id')?.message).toMatch(/^The joined class \(Incident\) is not compatible with the external key, which is pointing to Organization - found 'org_id'/);
  });

  it('quotes an empty query inside sub-queries, and fails unknown sub-query classes while parsing', () => {
    expect(failureOf('SELECT Ticket WHERE caller_id IN (SELECT Person WHERE org_id = 1)')?.message).toBe(
      "Ambiguous filter code - found 'org_id' at 54 in ''",
    );
    expect(failureOf('SELECT Tickt WHERE caller_id IN (SELECT Persn)')).toEqual({
      kind: 'unknown-class',
      exceptionClass: 'Exception',
      message: 'DBObjectSearch::__construct called for an invalid class: "Persn"',
    });
  });

  it('refuses non-magic placeholders with the arguments iTop built, after the model check', () => {
    expect(failureOf('SELECT Person WHERE phone LIKE :phone')).toEqual({
      kind: 'missing-argument',
      exceptionClass: 'MissingQueryArgument',
      message: 'Missing query argument: expecting = phone, available = {}',
    });
    expect(failureOf('SELECT Person WHERE id = :current_contact_id AND org_id = :current_user->org_id AND id = :current_user_id')?.message).toBe(
      'Missing query argument: expecting = current_user_id, available = {0=>current_contact_id; 1=>current_user->object(); 2=>current_user->org_id}',
    );
    expect(failureOf('SELECT Person WHERE telephone = :phone')?.kind).toBe('unknown-attribute');
  });
});
