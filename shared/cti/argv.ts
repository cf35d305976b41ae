import { fail, ok, type Result } from '../result';
import { parseDeepLink } from './deep-link';
import { isTicketRef, type CallIntent } from './intents';
import { checkRawNumber, cleanDisplayName, detectUnfilledMacro, preview } from './raw-number';

/**
 * Command lines that reach the app: `itop-cti --call <number> [--name <name>]`, `--call=<n>`, `-c <n>` (3CX macOS
 * softphone "execute program" parameters), `--dial <n> [--ticket <ref>]`, a bare deep link or tel:/callto:/sip:
 * URI (how Windows/Linux deliver protocol links: in argv of the second instance), or a bare number as the
 * only argument (MicroSIP's cmdCallRing runs `<program> <number>`). The executable path, the app path and
 * Electron/Chromium switches (`--flag=value`) are ignored.
 */
export type ArgvIntent = CallIntent | { readonly kind: 'none' };

const MAX_ARGS = 256;
const LINK_ARG = /^(?:itop-cti|tel|callto|sips?):/i;
// A bare positional counts as a number only if it looks like one; paths and "." never do.
const BARE_NUMBER = /^\+?[0-9][0-9 ().-]*$/;
type ValueOption = 'call' | 'dial' | 'name' | 'ticket';
const VALUE_OPTIONS = new Map<string, ValueOption>([
  ['--call', 'call'],
  ['-c', 'call'],
  ['--dial', 'dial'],
  ['--name', 'name'],
  ['--ticket', 'ticket'],
]);

interface Collected {
  readonly intents: CallIntent[];
  name?: string;
  ticket?: string;
}

export function parseArgv(argv: readonly string[]): Result<ArgvIntent> {
  if (!Array.isArray(argv)) return fail('argv-invalid', 'Command line must be an array of strings');
  if (argv.length > MAX_ARGS) return fail('argv-invalid', `Command line has ${argv.length} arguments; at most ${MAX_ARGS} are read`);
  const found: Collected = { intents: [] };
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (typeof arg !== 'string') return fail('argv-invalid', `Command line argument ${i} is not a string`);
    if (!onlyPositionals && arg === '--') {
      onlyPositionals = true;
      continue;
    }
    if (!onlyPositionals && arg.startsWith('-')) {
      const eq = arg.indexOf('=');
      const option = VALUE_OPTIONS.get(eq === -1 ? arg : arg.slice(0, eq));
      if (option === undefined) continue; // Electron/Chromium switch
      let value = eq === -1 ? undefined : arg.slice(eq + 1);
      if (value === undefined) {
        const next = argv[i + 1];
        if (typeof next !== 'string' || next.startsWith('--')) {
          return fail('argv-missing-value', `Command line option ${arg} needs a value`);
        }
        value = next;
        i += 1;
      }
      const added = addOption(found, option, value, arg);
      if (!added.ok) return added;
      continue;
    }
    const positional = readPositional(arg, i);
    if (!positional.ok) return positional;
    if (positional.value !== undefined) found.intents.push(positional.value);
  }
  return pickIntent(found);
}

function addOption(found: Collected, option: ValueOption, value: string, arg: string): Result<true> {
  if (option === 'name') found.name = value;
  else if (option === 'ticket') found.ticket = value.trim();
  else {
    const checked = checkRawNumber(value, `Command line option ${arg}`);
    if (!checked.ok) return checked;
    const { number, withheld } = checked.value;
    if (option === 'dial' && withheld) return fail('dial-number-missing', `Command line option ${arg} holds no number to dial`);
    found.intents.push(
      option === 'call'
        ? { kind: 'incoming-call', number, withheld }
        : { kind: 'dial', number },
    );
  }
  return ok(true);
}

function readPositional(arg: string, index: number): Result<CallIntent | undefined> {
  const trimmed = arg.trim();
  if (LINK_ARG.test(trimmed)) return parseDeepLink(trimmed);
  // Index 0 is the executable; a macro anywhere else means the softphone passed its template unfilled.
  const macro = index > 0 ? detectUnfilledMacro(trimmed) : undefined;
  if (macro !== undefined) {
    return fail('unfilled-macro', `Command line argument "${preview(trimmed)}" contains the unfilled placeholder "${macro}"`);
  }
  if (index > 0 && BARE_NUMBER.test(trimmed) && trimmed.replace(/\D/g, '').length >= 2) {
    const checked = checkRawNumber(trimmed, `Command line argument ${index}`);
    if (!checked.ok) return checked;
    return ok({ kind: 'incoming-call', number: checked.value.number, withheld: false });
  }
  return ok(undefined);
}

function pickIntent(found: Collected): Result<ArgvIntent> {
  const distinct = [...new Map(found.intents.map((intent) => [JSON.stringify(intent), intent])).values()];
  if (distinct.length > 1) {
    return fail('argv-ambiguous', `Command line asks for ${distinct.length} different calls; give one --call, --dial or link`);
  }
  const intent = distinct[0];
  if (intent === undefined) return ok({ kind: 'none' });
  if (intent.kind === 'incoming-call') {
    const displayName = intent.displayName ?? cleanDisplayName(found.name);
    return ok(displayName === undefined ? intent : { ...intent, displayName });
  }
  if (found.ticket && intent.ticket === undefined) {
    if (!isTicketRef(found.ticket)) {
      return fail('argv-invalid-ticket', `Command line ticket "${preview(found.ticket)}" is not a ticket id or reference`);
    }
    return ok({ ...intent, ticket: found.ticket });
  }
  return ok(intent);
}
