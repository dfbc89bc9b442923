import { newCommandId } from './live-commands';
import { LiveConnection, type NetworkWatch, type SocketFactory } from './live-connection';

/** The live endpoint on the page's own origin, over TLS when the page is. */
export function liveUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/live`;
}

const openBrowserSocket: SocketFactory = (url, handlers) => {
  const socket = new WebSocket(url);
  socket.onopen = () => handlers.onOpen();
  socket.onmessage = (event: MessageEvent) => {
    if (typeof event.data === 'string') handlers.onMessage(event.data);
  };
  socket.onclose = (event: CloseEvent) => handlers.onClose(event.code);
  return {
    send: (text) => socket.send(text),
    close: () => {
      socket.onopen = null;
      socket.onmessage = null;
      socket.onclose = null;
      socket.close();
    },
  };
};

const browserNetwork: NetworkWatch = {
  isOnline: () => navigator.onLine,
  subscribe(listener) {
    const online = () => listener(true);
    const offline = () => listener(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  },
};

let shared: LiveConnection | null = null;

/** The tab's one connection (DESIGN.md section 5: clients hold one WebSocket). */
export function sharedLiveConnection(): LiveConnection {
  shared ??= new LiveConnection({
    url: liveUrl(window.location),
    openSocket: openBrowserSocket,
    network: browserNetwork,
    now: () => Date.now(),
    random: () => Math.random(),
    newId: newCommandId,
  });
  return shared;
}

/**
 * Closes the connection when the signed-in user changes: a socket carries the cookie it was
 * opened with, so the next user needs a socket of their own.
 */
export function closeSharedLiveConnection(): void {
  shared?.dispose();
  shared = null;
}
