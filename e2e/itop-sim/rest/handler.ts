/**
 * rest.php's processing order (doc §1.5): log in → version (2) → json_data (3) → JSON (4) →
 * version support (10) → operation (100 missing / 11 unknown) → the operation, whose Exceptions
 * become {"code","message":"Error: …"}. Answers are HTTP 200 JSON, or JSON-P with `callback`.
 */
import { authenticate, type AuthConfig } from '../auth';
import { phpFatalPage } from '../http/faults';
import { phpJsonEncode } from '../http/php-json';
import { readParam, type PhpRequest } from '../http/request-params';
import type { RestResponse } from '../http/server';
import type { CallContext, SimContext } from './context';
import { thrown, type Envelope } from './envelope';
import { isPlainObject, PhpFatal, phpString, RestError } from './errors';
import { coreApplyStimulus } from './ops/apply-stimulus';
import { coreCreate } from './ops/create';
import { coreDelete } from './ops/delete';
import { coreGet } from './ops/get';
import { checkCredentials, getRelated, listOperations, SUPPORTED_VERSIONS, VERBS } from './ops/misc';
import { coreUpdate } from './ops/update';

type Operation = (call: CallContext, params: Record<string, unknown>) => Envelope;
const OPERATIONS: Record<string, Operation> = {
  'core/create': coreCreate,
  'core/update': coreUpdate,
  'core/apply_stimulus': coreApplyStimulus,
  'core/get': coreGet,
  'core/delete': coreDelete,
  'core/get_related': getRelated,
  'core/check_credentials': checkCredentials,
};

const AUTH_MESSAGES = {
  'invalid-login': 'Error: Invalid login',
  'no-rest-profile': 'Error: This user is not authorized to use the web services. (The profile REST Services User is required to access the REST web services)',
  'portal-user': 'Error: Portal user is not allowed',
} as const;

export function createRestHandler(ctx: SimContext, auth: AuthConfig): (req: PhpRequest) => RestResponse {
  return (req) => {
    const callback = readParam(req, 'callback');
    const reply = (envelope: Envelope): RestResponse => {
      const json = phpJsonEncode(envelope);
      return callback
        ? { status: 200, contentType: 'application/javascript', body: `${callback}(${json});` }
        : { status: 200, contentType: 'application/json', body: json };
    };
    const login = authenticate(req, ctx.accounts, auth);
    if (!login.ok) {
      if (login.reason === 'token-forced-without-token') {
        return { status: 200, contentType: 'text/html; charset=UTF-8', body: "login_mode 'token' forced without any token passed" };
      }
      return reply({ code: 1, message: AUTH_MESSAGES[login.reason] });
    }
    const version = readParam(req, 'version');
    if (version === undefined || version === '') return reply({ code: 2, message: "Error: Missing parameter 'version' (e.g. '1.0')" });
    const jsonText = readParam(req, 'json_data') ?? req.files.get('json_data');
    if (jsonText === undefined) return reply({ code: 3, message: "Error: Missing parameter 'json_data'" });
    const data = decodeJson(jsonText);
    if (!phpTruthy(data)) return reply({ code: 4, message: 'Error: Parameter json_data is not a valid JSON structure' });
    if (!SUPPORTED_VERSIONS.includes(version)) return reply({ code: 10, message: `Error: There is no service available for version '${version}'` });
    const params = isPlainObject(data) ? data : {};
    const opValue = params.operation;
    if (opValue === undefined || opValue === null || typeof opValue === 'object') return reply({ code: 100, message: "Error: Missing parameter 'operation'" });
    const operation = phpString(opValue);
    if (operation === 'list_operations') return reply(listOperations(version));
    const run = OPERATIONS[operation];
    if (!run || !VERBS.includes(operation)) return reply({ code: 11, message: `Error: Unknown verb '${operation}' in version '${version}'` });
    const user = ctx.store.get('User', login.account.userId);
    try {
      return reply(run({ ...ctx, account: login.account, user }, params));
    } catch (e) {
      if (e instanceof RestError) return reply(thrown(e.code, e.message));
      if (e instanceof PhpFatal) return { status: 500, contentType: 'text/html; charset=UTF-8', body: phpFatalPage(e.detail) };
      throw e;
    }
  };
}

function decodeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** `$aJsonData == null` in PHP: false for null, false, 0, 0.0, "", "0" and empty arrays. */
function phpTruthy(v: unknown): boolean {
  if (v === null || v === false || v === 0 || v === '' || v === '0') return false;
  return !(Array.isArray(v) && v.length === 0);
}
