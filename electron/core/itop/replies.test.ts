import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseAuthorized, parseEnvelope, parseFoundTotal, parseObjects, parseOperations } from './envelope';
import {
  describeItopError,
  isLoginFailure,
  isNotAuthorizedForRest,
  isOqlError,
  isPermissionDenied,
  isUnknownClass,
  isValidationError,
  validationIssues,
  type ItopError,
} from './itop-error';

// Reply bodies recorded verbatim from a live iTop 3.2.0 (see the fixture's _source).
const replies = JSON.parse(readFileSync(new URL('./__fixtures__/itop-3.2.0-replies.json', import.meta.url), 'utf8')) as Record<string, string>;
const reply = (name: string): unknown => JSON.parse(replies[name] ?? `missing fixture ${name}`);

/** The ItopError the client builds from a recorded error reply. */
function errorOf(name: string, operation = 'core/get'): ItopError {
  const head = parseEnvelope(reply(name));
  if (!head.ok) throw new Error(head.error);
  return { kind: 'itop', code: head.value.code, message: head.value.message, operation };
}

describe('parsing recorded iTop replies', () => {
  it('reads objects in iTop’s order with string keys and final classes', () => {
    const tickets = parseObjects(reply('12b-get-open-tickets-of-caller'));
    expect(tickets.ok && tickets.value.map((o) => `${o.class}::${o.key}`)).toEqual(['Incident::35', 'Incident::36', 'UserRequest::37']);
    const page = parseObjects(reply('11d-get-person-limit-page'));
    expect(page.ok && page.value.map((o) => o.key)).toEqual(['12', '54', '16']);
    expect(page.ok && page.value[1]?.fields.friendlyname).toBe('Anna Müller');
    expect(parseFoundTotal('Found: 70')).toBe(70);
    expect(parseFoundTotal('Operations: 7')).toBeNull();
  });

  it('turns objects:null into an empty list and keeps the per-object code and message', () => {
    expect(parseObjects(reply('04-get-userrequest-open'))).toEqual({ ok: true, value: [] });
    const created = parseObjects(reply('05-create-userrequest'));
    expect(created.ok && created.value[0]).toMatchObject({ class: 'UserRequest', key: '1', code: 0, message: 'created' });
    const deleted = parseObjects(reply('19-delete-phonecall'));
    expect(deleted.ok && deleted.value[0]?.fields).toEqual({ id: '30', friendlyname: 'R-000002 outbound 2026-11-23 19:40:00' });
  });

  it('reads list_operations and check_credentials', () => {
    const ops = parseOperations(reply('01-list_operations'));
    expect(ops.ok && ops.value.operations.map((o) => o.verb)).toContain('core/check_credentials');
    expect(parseAuthorized(reply('02-check_credentials'))).toEqual({ ok: true, value: true });
    expect(parseAuthorized(reply('02b-check_credentials-wrong-password'))).toEqual({ ok: true, value: false });
  });

  it('accepts PHP’s [] for an empty object and API 1.0 objects without class/key', () => {
    expect(parseObjects({ code: 0, message: 'Found: 0', objects: [] })).toEqual({ ok: true, value: [] });
    const legacy = parseObjects({ code: 0, objects: { 'Person::7': { code: 0, message: '', fields: [] } } });
    expect(legacy).toEqual({ ok: true, value: [{ class: 'Person', key: '7', code: 0, message: '', fields: {} }] });
  });

  it('rejects replies that are not iTop’s envelope, saying where', () => {
    expect(parseEnvelope({ status: 'ok' })).toEqual({ ok: false, error: expect.stringMatching(/^reply envelope: code: /) });
    expect(parseObjects({ code: 0, objects: { 'Person::1': { fields: 'x' } } })).toMatchObject({ ok: false, error: expect.stringMatching(/objects: Person::1\.fields/) });
    expect(parseObjects({ code: 0, objects: { weird: { code: 0 } } })).toMatchObject({ ok: false, error: "objects: entry 'weird' has no class or key" });
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        for (const parse of [parseEnvelope, parseObjects, parseOperations, parseAuthorized]) expect(typeof parse(v).ok).toBe('boolean');
        expect(typeof parseObjects({ code: 0, objects: v }).ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});

describe('classifying recorded iTop errors', () => {
  it('tells login failures, missing REST profile and missing rights apart', () => {
    expect(isLoginFailure(errorOf('09-wrong-password', 'list_operations'))).toBe(true);
    expect(isNotAuthorizedForRest(errorOf('09-wrong-password', 'list_operations'))).toBe(false);
    expect(isNotAuthorizedForRest(errorOf('14-user-without-rest-profile'))).toBe(true);
    expect(isLoginFailure(errorOf('14-user-without-rest-profile'))).toBe(false);
    expect(isPermissionDenied(errorOf('20-create-person-as-support-agent', 'core/create'))).toBe(true);
  });

  it('recognises unknown classes and OQL errors', () => {
    expect(isUnknownClass(errorOf('08-get-unknown-class'))).toBe(true);
    expect(isUnknownClass(errorOf('08b-get-unknown-class-in-oql-only'))).toBe(true);
    expect(isOqlError(errorOf('07-get-bad-oql'))).toBe(true);
    expect(isOqlError(errorOf('07b-get-oql-unknown-attribute'))).toBe(true);
    expect(isOqlError(errorOf('08-get-unknown-class'))).toBe(false);
    expect(isValidationError(errorOf('07-get-bad-oql'))).toBe(false);
  });

  it('parses CoreCannotSaveObjectException issues', () => {
    expect(validationIssues(errorOf('06b-create-phonecall-missing-mandatory', 'core/create'))).toEqual([{ attribute: 'agent_id', label: 'Agent', reason: 'Null not allowed' }]);
    expect(validationIssues(errorOf('06c-create-phonecall-bad-enum', 'core/create'))).toEqual([{ attribute: 'flow', label: 'Flow', reason: 'Value not allowed [sideways]' }]);
    expect(validationIssues(errorOf('10-create-person-phone-rejected-by-default-pattern', 'core/create'))).toEqual([
      { attribute: 'phone', label: 'Phone', reason: 'Wrong format [030/1234567]' },
    ]);
  });

  it('parses several issues, labels with quotes and reasons with separators', () => {
    const i1 = "Unexpected value for attribute 'Date d'échéance' (due_date) : Wrong format [a; b]";
    const i2 = "Unexpected value for attribute 'Title' (title) : Null not allowed";
    const e: ItopError = { kind: 'itop', code: 100, operation: 'core/create', message: `Error: ${i1}, ${i2}: issues = {0=>${i1}; 1=>${i2}}, class = UserRequest, id = -1` };
    expect(validationIssues(e)).toEqual([
      { attribute: 'due_date', label: "Date d'échéance", reason: 'Wrong format [a; b]' },
      { attribute: 'title', label: 'Title', reason: 'Null not allowed' },
    ]);
  });

  it('describes every kind in words an agent understands', () => {
    expect(describeItopError(errorOf('09-wrong-password'))).toMatch(/^iTop refused the login/);
    expect(describeItopError(errorOf('14-user-without-rest-profile'))).toMatch(/REST Services User/);
    expect(describeItopError(errorOf('06b-create-phonecall-missing-mandatory'))).toBe('iTop refused to save: Agent (agent_id): Null not allowed.');
    expect(describeItopError(errorOf('08-get-unknown-class'))).toMatch(/does not know this class.*PhoneCallz/);
    expect(describeItopError(errorOf('07-get-bad-oql'))).toMatch(/could not run the query: Query failed/);
    expect(describeItopError(errorOf('18b-unknown-operation', 'core/frobnicate'))).toMatch(/code 11\) during core\/frobnicate: Unknown verb/);
    expect(describeItopError({ kind: 'timeout', afterMs: 10_000 })).toMatch(/within 10 s/);
    expect(describeItopError({ kind: 'not-json', status: 200, bodySnippet: '<b>Fatal error</b>: Uncaught TypeError' })).toMatch(/not JSON.*Fatal error : Uncaught TypeError/);
    expect(describeItopError({ kind: 'http', status: 502, bodySnippet: '' })).toMatch(/HTTP 502/);
    expect(describeItopError({ kind: 'network', message: 'ECONNREFUSED' })).toMatch(/could not be reached: ECONNREFUSED/);
    expect(describeItopError({ kind: 'aborted' })).toMatch(/cancelled/);
    expect(describeItopError({ kind: 'bad-response', message: 'x' })).toMatch(/expected shape/);
    expect(describeItopError({ kind: 'invalid-request', message: 'y' })).toMatch(/not sent/);
  });
});
