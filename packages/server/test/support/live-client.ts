import WebSocket from 'ws';

export interface LiveMessage {
  type: string;
  serverTime: number;
  [key: string]: unknown;
}

/** A WebSocket client for tests: keeps every message and waits for the ones it needs. */
export class LiveClient {
  readonly messages: LiveMessage[] = [];
  private waiters: (() => void)[] = [];
  closeCode: number | null = null;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      this.messages.push(JSON.parse(data.toString('utf8')) as LiveMessage);
      this.wake();
    });
    socket.on('close', (code) => {
      this.closeCode = code;
      this.wake();
    });
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }

  static connect(
    baseUrl: string,
    options: { cookie?: string; origin?: string } = {},
  ): Promise<LiveClient> {
    const url = `${baseUrl.replace(/^http/, 'ws')}/api/live`;
    const headers: Record<string, string> = {};
    if (options.cookie !== undefined) headers['cookie'] = options.cookie;
    if (options.origin !== undefined) headers['origin'] = options.origin;
    const socket = new WebSocket(url, { headers });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new LiveClient(socket)));
      socket.once('error', reject);
      socket.once('unexpected-response', (_request, response) =>
        reject(new Error(`upgrade refused: ${String(response.statusCode)}`)),
      );
    });
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The first message (from `from` on) that matches, waiting up to `timeoutMs`. */
  async next(
    match: (message: LiveMessage) => boolean,
    timeoutMs = 5_000,
    from = 0,
  ): Promise<LiveMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.slice(from).find(match);
      if (found !== undefined) return found;
      if (this.closeCode !== null) throw new Error(`socket closed (${String(this.closeCode)})`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching message in ${String(timeoutMs)} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  ofType(type: string): LiveMessage[] {
    return this.messages.filter((message) => message.type === type);
  }

  close(): Promise<void> {
    if (this.closeCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}
