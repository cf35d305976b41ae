import type { OqlName } from '../../../shared/oql/ast';
import { oqlExceptionMessage } from '../../../shared/oql/errors';
import type { OqlFailure, OqlFailureKind } from './ports';

/** Thrown while checking/compiling a query; executeOql returns its failure. */
export class OqlCheckFailure extends Error {
  constructor(readonly failure: OqlFailure) {
    super(failure.message);
  }
}

/** iTop's OqlNormalizeException (or a subclass): points at `name` in `source`. */
export function normalizeFailure(
  kind: OqlFailureKind,
  issue: string,
  source: string,
  name: OqlName,
  expecting?: readonly string[],
  exceptionClass = 'OqlNormalizeException',
): OqlCheckFailure {
  return new OqlCheckFailure({ kind, exceptionClass, message: oqlExceptionMessage(issue, source, name.pos, name.value, expecting) });
}

export function unsupported(what: string): OqlCheckFailure {
  return new OqlCheckFailure({ kind: 'syntax', exceptionClass: 'Exception', message: `The iTop simulator does not support ${what}` });
}
