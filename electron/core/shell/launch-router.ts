import type { DialIntent } from '../../../shared/cti/intents';
import type { AppError, Result } from '../../../shared/result';
import type { IntakeOutcome } from '../intake/call-intake';

/** The intake funnel the router feeds (IntakeServer.intake): it parses, de-duplicates and delivers. */
export interface LaunchIntake {
  acceptArgv(argv: readonly string[]): Result<IntakeOutcome>;
  acceptDeepLink(url: string): Result<IntakeOutcome>;
}

export type LaunchInput =
  | { readonly kind: 'argv'; readonly argv: readonly string[]; readonly from: 'first-launch' | 'second-instance' }
  | { readonly kind: 'url'; readonly url: string };

export interface LaunchReactions {
  /** An incoming call was accepted (or was a duplicate of one already shown): bring it to the front. */
  onCall(callId: string): void;
  /** A click-to-call link or --dial: for the dialer. */
  onDial(intent: DialIntent): void;
  /** The app was started again without anything to do: show the main window. */
  onActivate(): void;
  /** The input was refused (the intake has logged it and told the UI). */
  onRefused(error: AppError): void;
}

export interface LaunchRouter {
  /** `process.argv` at start, `second-instance` command lines (Windows/Linux deliver links this way). */
  argv(argv: readonly string[], from: 'first-launch' | 'second-instance'): void;
  /** macOS `open-url`: may fire before `ready`, so it is queued until the intake exists. */
  openUrl(url: string): void;
  /** Connects the intake once the core has started; delivers everything queued, in arrival order. */
  attach(intake: LaunchIntake): void;
  pending(): number;
}

/** Enough for every link a user can click in a burst; beyond that the oldest are dropped (and counted). */
export const MAX_QUEUED_LAUNCHES = 50;

/**
 * Routes every way the OS hands the app a call (argv of the first and of later instances, macOS
 * open-url) into the one intake. Inputs that arrive before the core is running are queued, not lost.
 */
export function createLaunchRouter(reactions: LaunchReactions, log: { warn(message: string, data?: Record<string, unknown>): void }): LaunchRouter {
  const queue: LaunchInput[] = [];
  let intake: LaunchIntake | undefined;

  function deliver(input: LaunchInput, target: LaunchIntake): void {
    const outcome = input.kind === 'url' ? target.acceptDeepLink(input.url) : target.acceptArgv(input.argv);
    if (!outcome.ok) return reactions.onRefused(outcome.error);
    const value = outcome.value;
    if (value.kind === 'call') return reactions.onCall(value.event.callId);
    if (value.kind === 'dial') return reactions.onDial(value.intent);
    // Nothing to do: a plain relaunch (second instance) means "show me the app"; a first launch already does.
    if (input.kind === 'argv' && input.from === 'second-instance') reactions.onActivate();
  }

  function submit(input: LaunchInput): void {
    if (intake) return deliver(input, intake);
    if (queue.length >= MAX_QUEUED_LAUNCHES) {
      queue.shift();
      log.warn('launch queue full: the oldest link was dropped', { max: MAX_QUEUED_LAUNCHES });
    }
    queue.push(input);
  }

  return {
    argv: (argv, from) => submit({ kind: 'argv', argv: Array.isArray(argv) ? [...argv] : [], from }),
    openUrl: (url) => submit({ kind: 'url', url: typeof url === 'string' ? url : '' }),
    attach(target) {
      intake = target;
      for (const input of queue.splice(0)) deliver(input, target);
    },
    pending: () => queue.length,
  };
}
