/** Everything an operation needs, injected once per simulator and once per call. */
import type { Account, Accounts } from '../accounts';
import type { SimClock } from '../clock';
import type { Schema } from '../model/schema';
import type { StoredObject } from '../model/types';
import type { OqlFailure } from '../oql/ports';
import type { Reader } from '../store/read';
import type { Store } from '../store/store';
import type { DefaultOrder } from './default-order';
import type { SortedQueries } from './sorted-queries';

export type OqlRun =
  | { readonly ok: true; readonly selectedClass: string; readonly objects: readonly StoredObject[] }
  | { readonly ok: false; readonly failure: OqlFailure };

export interface OqlRunner {
  run(query: string, call: CallContext): OqlRun;
}

export interface SimConfig {
  /** iTop's default phone_number_validation_pattern instead of the recorded instance's relaxed one. */
  readonly strictPhonePattern: boolean;
}

export interface SimContext {
  readonly schema: Schema;
  readonly store: Store;
  readonly reader: Reader;
  readonly accounts: Accounts;
  readonly clock: SimClock;
  readonly oql: OqlRunner;
  /** iTop's default order of result sets (rest/order.ts), fast for whole classes. */
  readonly order: DefaultOrder;
  /** OQL keys run and sorted, cached per text, user and data version (core/get paging). */
  readonly sortedQueries: SortedQueries;
  readonly config: SimConfig;
}

export interface CallContext extends SimContext {
  readonly account: Account;
  /** The logged-in User object (for :current_user and case log authors). */
  readonly user: StoredObject | undefined;
}
