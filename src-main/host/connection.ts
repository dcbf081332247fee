// One connection = one window talking to the core over either carrier. It owns the window's
// session (who is logged in), answers calls in any order and forwards the core's pushes.
import type { Core, Session } from '../core/core';
import type { HostMessage } from '../../shared/rpc/protocol';
import { hostActivity, type Activity } from './idleCollector';

export interface Connection {
  receive(message: unknown): void;
  close(): void;
}

function isCall(message: unknown): message is { kind: 'call'; id: number; name: string; args: unknown } {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return m.kind === 'call' && Number.isSafeInteger(m.id) && typeof m.name === 'string' && m.name.length <= 100;
}

/** `session` is shared when a window opens another for its own use (a hidden print window). */
/** `activity` hears of each call and its answer (the host's idle collector). */
export function attachConnection(core: Core, send: (message: HostMessage) => void, session: Session = { user: null }, activity: Activity = hostActivity): Connection {
  let open = true;
  const safeSend = (message: HostMessage) => {
    if (!open) return;
    try {
      send(message);
    } catch {
      // The window went away mid-reply; its next connection starts afresh.
    }
  };
  const unsubscribe = core.onPush((event, payload) => {
    // Pushes carry ids and status only, never personal data, but still only to logged-in windows
    // (and station changes to everyone, for the first-run screen).
    if (session.user || event === 'station.changed') safeSend({ kind: 'push', event, payload });
  });
  return {
    receive(message) {
      // A frame that is not a call still gets an answer (under its id where it has one), so a
      // broken client learns why nothing happened; the connection stays open.
      if (!isCall(message)) {
        const error = { code: 'VALIDATION', messageKey: 'errors.badMessage' } as const;
        const id = (message as { id?: unknown } | null)?.id;
        safeSend(Number.isSafeInteger(id) ? { kind: 'result', id: id as number, ok: false, error } : { kind: 'badMessage', error });
        return;
      }
      activity.begin();
      void core.dispatch(session, message.name, message.args).then((reply) => {
        activity.end();
        safeSend(reply.ok ? { kind: 'result', id: message.id, ok: true, value: reply.value } : { kind: 'result', id: message.id, ok: false, error: reply.error });
      });
    },
    close() {
      open = false;
      unsubscribe();
    },
  };
}
