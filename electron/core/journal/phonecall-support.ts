import { err, ok, type Result } from '../../../shared/result';
import { describeItopError, isUnknownClass, type ItopClient } from '../itop';

/**
 * Whether this iTop has the PhoneCall class (the telephony extension, or a local stand-in). Asked once with
 * the cheapest possible query; the answer is kept, but a failure to ask (iTop down) is not.
 */
export interface PhoneCallSupport {
  check(): Promise<Result<boolean, string>>;
  /** The last answer, if iTop ever gave one. */
  known(): boolean | undefined;
}

export function createPhoneCallSupport(client: ItopClient, className: string): PhoneCallSupport {
  let answer: boolean | undefined;
  let asking: Promise<Result<boolean, string>> | undefined;
  return {
    check() {
      if (answer !== undefined) return Promise.resolve(ok(answer));
      asking ??= client.get({ class: className, key: `SELECT ${className} WHERE id = 0`, outputFields: ['id'] }).then((r) => {
        asking = undefined;
        if (r.ok) answer = true;
        else if (isUnknownClass(r.error)) answer = false;
        else return err(describeItopError(r.error));
        return ok(answer);
      });
      return asking;
    },
    known: () => answer,
  };
}
