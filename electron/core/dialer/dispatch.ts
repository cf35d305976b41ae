import type { AppConfig } from '../../../shared/config/app-config';
import type { DialMethod } from '../../../shared/contract/dial';
import { buildDialUrl, buildOsDialUri, urlParamsForNumber, type PreparedNumber } from '../../../shared/dial';
import { fail, ok, type Result } from '../../../shared/result';
import type { DialCommand, DialResult } from '../intake/bridge-hub';

/** The three ways a number reaches the phone: the CTI bridge, the CTI's web URL, the OS's tel:/callto:/sip: handler. */
export interface DispatchPorts {
  /** The intake server's `sendDial`: resolves with the bridge's acknowledgement, refusal or a time-out. */
  sendDial(command: DialCommand): Promise<Result<DialResult>>;
  /** Opens a URL/URI outside the app (Electron: shell.openExternal; web mode: the browser). */
  openExternal(url: string): Promise<void>;
}

export interface DispatchRequest {
  readonly number: PreparedNumber;
  /** Sent to the bridge as is (ticket id or ref, ≤ 64 characters). */
  readonly ticket?: string;
  /** Which call action was clicked (url method parameters). */
  readonly action?: string;
  /** Person attribute values for the url method's other parameters (email…). */
  readonly attributes?: Readonly<Record<string, string>>;
}

export type DialConfigView = Pick<AppConfig, 'dial' | 'phone' | 'telephony'>;

export async function dispatchDial(method: DialMethod, config: DialConfigView, request: DispatchRequest, ports: DispatchPorts): Promise<Result<{ requestId?: string; url?: string }>> {
  const { number } = request;
  switch (method) {
    case 'bridge': {
      const sent = await ports.sendDial({
        number: number.e164 ?? number.dialString,
        dialString: number.dialString,
        ...(request.ticket ? { ticket: request.ticket } : {}),
      });
      return sent.ok ? ok({ requestId: sent.value.requestId }) : sent;
    }
    case 'url': {
      const ecall = config.telephony.ecall_parameters;
      if (!ecall) return fail('dial.url-missing', 'dial.method is "url" but telephony.ecall_parameters has no url to call');
      const params = urlParamsForNumber(ecall, number.dialString, request.action, request.attributes);
      const url = buildDialUrl(ecall.url, params, { dialString: number.dialString, ...(number.e164 ? { e164: number.e164 } : {}) });
      if (!url.ok) return url;
      return open(ports, url.value);
    }
    case 'os': {
      const uri = buildOsDialUri(config.dial.osScheme, number.dialString);
      if (!uri.ok) return uri;
      return open(ports, uri.value);
    }
  }
}

async function open(ports: DispatchPorts, url: string): Promise<Result<{ url: string }>> {
  try {
    await ports.openExternal(url);
    return ok({ url });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail('dial.open-failed', `Could not hand ${url.split(':', 1)[0]}: link to the system (${reason})`);
  }
}
