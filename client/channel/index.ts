/**
 * Messages between tabs and the service worker about the outbox, over one BroadcastChannel.
 * A message is also delivered to listeners in the same context (BroadcastChannel skips the sender).
 * Works in windows and service workers; where BroadcastChannel is missing, only locally.
 */
export const CHANNEL_NAME = 'kraftsamla';

/** `waiting`: the server asked (Retry-After) not to send before `retryAt`. */
export type SyncPhase = 'idle' | 'sending' | 'offline' | 'retrying' | 'waiting' | 'error';

export type ChannelMessage =
  | { type: 'outbox-changed' }
  | { type: 'sync-state'; phase: SyncPhase; at: number; retryAt?: number };

type Listener = (message: ChannelMessage) => void;

const local = new Set<Listener>();
let sender: BroadcastChannel | undefined;

export function post(message: ChannelMessage): void {
  for (const listener of local) listener(message);
  try {
    if (typeof BroadcastChannel === 'undefined') return;
    sender ??= new BroadcastChannel(CHANNEL_NAME);
    sender.postMessage(message);
  } catch {
    // Posting is best effort: the UI also refreshes on its own triggers.
  }
}

/** Listens to messages from this context and from every other tab and the service worker. */
export function listen(listener: Listener): () => void {
  local.add(listener);
  let receiver: BroadcastChannel | undefined;
  if (typeof BroadcastChannel !== 'undefined') {
    receiver = new BroadcastChannel(CHANNEL_NAME);
    receiver.onmessage = (event: MessageEvent<ChannelMessage>) => listener(event.data);
  }
  return () => {
    local.delete(listener);
    receiver?.close();
  };
}
