import { describe, it, expect } from 'vitest';
import { describeOqlError, parseOql } from './index';

const SEED_004_QUERIES = [
  'SELECT Person WHERE phone LIKE :phone OR mobile_phone LIKE :phone',
  'SELECT Organization AS o JOIN Person AS p ON p.org_id = o.id WHERE p.id = :selected_caller',
  "SELECT UserRequest AS u WHERE u.caller_id IN (:callers_list) AND u.status != 'closed'",
  "SELECT UserRequest AS u JOIN Organization AS o ON u.org_id = o.id JOIN Person AS p ON p.org_id = o.id WHERE p.id IN (:callers_list) AND u.status != 'closed'",
  "SELECT Problem AS u WHERE u.caller_id IN (:callers_list) AND u.status != 'closed'",
  "SELECT Incident AS u WHERE u.caller_id IN (:callers_list) AND u.status != 'closed'",
];

const VALID = [
  ...SEED_004_QUERIES,
  'SELECT Person',
  "SELECT UserRequest WHERE status != 'closed'",
  "SELECT Ticket WHERE caller_id = 73 AND operational_status = 'ongoing'",
  'SELECT Person WHERE phone LIKE "%1234567%" OR mobile_phone LIKE "%1234567%"',
  'SELECT Person WHERE id = :current_contact_id',
  'SELECT Person WHERE org_id = :current_contact->org_id AND email != :current_user->login',
  "SELECT Person WHERE caller_id IN (SELECT Person WHERE name LIKE 'A%') AND NOT_a_keyword = 1",
  "SELECT Ticket WHERE caller_id NOT IN (SELECT Person AS p JOIN Organization AS o ON p.org_id = o.id WHERE o.code = 'X')",
  'SELECT Person WHERE ISNULL(phone) OR (status = "active" AND (org_id > 1 OR org_id <= -2))',
  'SELECT p FROM Person AS p WHERE p.id IN (1, 2, 3)',
  'SELECT Person WHERE name NOT LIKE \'x\' AND id >= 0x1F',
  'SELECT UserRequest UNION SELECT Incident',
  'SELECT Person WHERE NOW() > DATE_ADD(CURRENT_DATE(), INTERVAL 1 DAY)',
  'SELECT Person WHERE phone = NULL',
  "SELECT `Person` WHERE `name` = 'x'",
  "SELECT\nPerson\tWHERE\r\nname='x'",
];

describe('parseOql accepts what iTop accepts', () => {
  it.each(VALID)('%s', (text) => {
    const result = parseOql(text);
    expect(result.ok ? 'ok' : result.error.message).toBe('ok');
  });

  it('builds the tree of a seed 004 ticket list with aliases, joins and positions', () => {
    const result = parseOql(SEED_004_QUERIES[3] ?? '');
    if (!result.ok) throw new Error(result.error.message);
    const q = result.query;
    if (q.kind !== 'select') throw new Error('expected a select');
    expect(q.className).toEqual({ value: 'UserRequest', pos: 7 });
    expect(q.alias).toEqual({ value: 'u', pos: 22 });
    expect(q.joins.map((j) => `${j.alias.value}:${j.left.alias?.value}.${j.left.name.value}${j.op}${j.right.alias?.value}.${j.right.name.value}`)).toEqual([
      'o:u.org_id=o.id',
      'p:p.org_id=o.id',
    ]);
    expect(q.where).toMatchObject({ kind: 'binary', op: 'AND', left: { kind: 'in', negated: false }, right: { op: '!=', right: { kind: 'string', value: 'closed' } } });
    expect(result.placeholders).toEqual(['callers_list']);
  });

  it('lists placeholders once each, in order of first use, magic ones included', () => {
    const result = parseOql('SELECT Person WHERE phone LIKE :phone OR id IN (SELECT Person WHERE org_id = :current_contact->org_id) OR mobile_phone LIKE :phone OR id = :current_contact_id');
    expect(result.ok && result.placeholders).toEqual(['phone', 'current_contact->org_id', 'current_contact_id']);
  });

  it('follows iTop precedence: AND binds tighter than OR, comparisons tighter than AND', () => {
    const result = parseOql('SELECT A WHERE a = 1 OR b = 2 AND c = 3');
    expect(result.ok && result.query.kind === 'select' && result.query.where).toMatchObject({
      op: 'OR', left: { op: '=' }, right: { op: 'AND', left: { op: '=' }, right: { op: '=' } },
    });
  });

  it('reads a UNION and the selected aliases of SELECT … FROM', () => {
    const union = parseOql('SELECT UserRequest UNION SELECT Incident UNION SELECT Problem');
    expect(union.ok && union.query.kind === 'union' && union.query.queries.map((q) => q.className.value)).toEqual(['UserRequest', 'Incident', 'Problem']);
    const from = parseOql('SELECT p, o FROM Person AS p JOIN Organization AS o ON p.org_id = o.id');
    expect(from.ok && from.query.kind === 'select' && from.query.selected.map((n) => n.value)).toEqual(['p', 'o']);
  });
});

/** Recorded by iTop 3.2.0 (itop-samples 07) or derived from iTop's parser source. */
const ERRORS: readonly [string, string, string, string, number][] = [
  ['SELECT Person WHERE phone LIKE', 'syntax', 'OQLParserSyntaxErrorException', "Unexpected token End of Input - found '0' at 0 in 'SELECT Person WHERE phone LIKE'", 0],
  ['select Person', 'syntax', 'OQLParserSyntaxErrorException', "Unexpected token NAME - found 'Person' at 7 in 'select Person'", 7],
  ["SELECT Person WHERE status <> 'x'", 'syntax', 'OQLParserSyntaxErrorException', "Unexpected token GT - found '>' at 28 in 'SELECT Person WHERE status <> 'x''", 28],
  ['SELECT Person WHERE id IN ()', 'syntax', 'OQLParserSyntaxErrorException', "Unexpected token PAR_CLOSE - found ')' at 27 in 'SELECT Person WHERE id IN ()'", 27],
  ["SELECT Person WHERE NOT (status = 'x')", 'syntax', 'OQLParserSyntaxErrorException', "Unexpected token PAR_OPEN - found '(' at 24 in 'SELECT Person WHERE NOT (status = 'x')'", 24],
  ["SELECT Person WHERE name = 'a' 'b'", 'syntax', 'OQLParserSyntaxErrorException', "Unexpected token STRVAL - found ''b'' at 31 in 'SELECT Person WHERE name = 'a' 'b''", 31],
  ["SELECT Person WHERE name = 'Müller' AND", 'syntax', 'OQLParserSyntaxErrorException', "Unexpected token End of Input - found '0' at 0 in 'SELECT Person WHERE name = 'Müller' AND'", 0],
  ["SELECT Person WHERE name = 'é' ORR", 'syntax', 'OQLParserSyntaxErrorException', "Unexpected token NAME - found 'ORR' at 32 in 'SELECT Person WHERE name = 'é' ORR'", 32],
  ["SELECT Person WHERE name = 'a\\nb'", 'lexer', 'Exception', "Unexpected input at line 1: '", 27],
  ['SELECT Person WHERE name = "a\\%b"', 'lexer', 'Exception', 'Unexpected input at line 1: "', 27],
  ["SELECT Person\nWHERE name = 'unterminated", 'lexer', 'Exception', "Unexpected input at line 2: '", 27],
  ['SELECT Person WHERE name = ~', 'lexer', 'Exception', 'Unexpected input at line 1: ~', 27],
  ["select Person WHERE name = 'a\\x'", 'syntax', 'OQLParserSyntaxErrorException', "Unexpected token NAME - found 'Person' at 7 in 'select Person WHERE name = 'a\\x''", 7],
  ["name = 'x'", 'syntax', 'OQLException', "Expecting an OQL query - found 'BinaryOqlExpression' at 0 in 'name = 'x''", 0],
];

describe('parseOql reports errors worded as iTop words them', () => {
  it.each(ERRORS)('%s', (text, kind, exceptionClass, message, position) => {
    expect(parseOql(text)).toEqual({ ok: false, error: { kind, exceptionClass, message, position } });
  });

  it('refuses absurd nesting as a parser stack overflow instead of crashing', () => {
    const text = `SELECT Person WHERE ${'('.repeat(5000)}1${')'.repeat(5000)}`;
    const result = parseOql(text);
    expect(result.ok ? null : result.error.exceptionClass).toBe('OQLParserStackOverFlowException');
  });

  it('describes an error on one line with its class', () => {
    const result = parseOql('SELECT');
    expect(result.ok ? '' : describeOqlError(result.error)).toBe(
      "OQL syntax error (OQLParserSyntaxErrorException): Unexpected token End of Input - found '0' at 0 in 'SELECT'",
    );
  });
});
