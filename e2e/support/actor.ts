import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { TestClient } from '../../packages/server/test/support/http-client';

const DEMO_PASSWORD = 'veche-demo';

/**
 * Someone of the demo council acting over HTTP with their own cookie, from the server's origin:
 * how a browser test drives the sitting while the browser under test watches.
 */
export class Actor {
  private constructor(
    private readonly url: string,
    private readonly http: TestClient,
  ) {}

  static async signIn(url: string, email: string, password = DEMO_PASSWORD): Promise<Actor> {
    const http = new TestClient(url);
    const login = await http.post('/api/auth/login', { email, password });
    expect(login.status).toBe(200);
    return new Actor(url, http);
  }

  async firstSitting(): Promise<string> {
    const upcoming = await this.http.get<{ sittings: { id: string }[] }>('/api/sittings/upcoming');
    return upcoming.body.sittings[0]!.id;
  }

  /** Sends a command and expects it accepted. */
  async command(sittingId: string, command: Record<string, unknown>): Promise<void> {
    const answer = await this.http.post(
      `/api/sittings/${sittingId}/commands`,
      { commandId: randomUUID().replaceAll('-', ''), command },
      { origin: this.url },
    );
    expect(answer.status, `${String(command['type'])}: ${JSON.stringify(answer.body)}`).toBe(200);
  }

  /** Opens the sitting and records these members present through a quorum check. */
  async openWithPresent(sittingId: string, memberIds: readonly string[]): Promise<void> {
    await this.command(sittingId, { type: 'sitting.open' });
    await this.command(sittingId, { type: 'quorum.start', checkId: 'check', durationMs: 600_000 });
    for (const memberId of memberIds) {
      await this.command(sittingId, { type: 'presence.mark', memberId, present: true });
    }
    await this.command(sittingId, { type: 'quorum.close' });
  }

  /** Makes the item current and opens a named vote on it by the simple majority. */
  async openNamedVote(
    sittingId: string,
    voteId: string,
    item: { id: string; title: string },
    durationMs: number,
  ): Promise<void> {
    await this.command(sittingId, {
      type: 'vote.open',
      voteId,
      subject: item.title,
      itemId: item.id,
      kind: 'named',
      majority: 'pl.simple',
      durationMs,
    });
  }

  async events(sittingId: string): Promise<{ type: string; payload: Record<string, unknown> }[]> {
    const answer = await this.http.get<{
      events: { type: string; payload: Record<string, unknown> }[];
    }>(`/api/sittings/${sittingId}/events`);
    expect(answer.status).toBe(200);
    return answer.body.events;
  }

  async documents(sittingId: string): Promise<{ url: string; isPublic: boolean }[]> {
    const answer = await this.http.get<{ documents: { url: string; isPublic: boolean }[] }>(
      `/api/sittings/${sittingId}/documents`,
    );
    expect(answer.status).toBe(200);
    return answer.body.documents;
  }

  /** The sitting's state as this person sees it, in the shape the test reads. */
  async view<T>(sittingId: string): Promise<T> {
    const answer = await this.http.get<T>(`/api/sittings/${sittingId}/state`);
    expect(answer.status).toBe(200);
    return answer.body;
  }
}
