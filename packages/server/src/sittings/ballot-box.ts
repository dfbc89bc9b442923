import { randomInt } from 'node:crypto';
import { inTransaction } from '../storage/repositories.js';
import type { BallotInput, SecretBallotInput } from '../storage/repositories/ballots.repository.js';
import type { CommandRecord } from '../storage/repositories/sitting-commands.repository.js';
import type { StorageContext } from '../storage/storage-context.js';

/** One ballot to write, with the record of the command that cast it. */
export type BallotWrite =
  | { readonly kind: 'first'; readonly ballot: BallotInput; readonly command: CommandRecord }
  | { readonly kind: 'change'; readonly ballot: BallotInput; readonly command: CommandRecord }
  | {
      readonly kind: 'secret';
      readonly ballot: SecretBallotInput;
      readonly command: CommandRecord;
    };

/**
 * `conflict`: the member's ballot changed meanwhile (another device, another process);
 * `closed`: the vote closed (or was annulled) before this batch could be written.
 */
export type WriteResult = 'written' | 'conflict' | 'closed';

interface Pending {
  readonly write: BallotWrite;
  readonly resolve: (result: WriteResult) => void;
  readonly reject: (error: unknown) => void;
}

export interface BallotBoxOptions {
  /** A batch is written as soon as it holds this many ballots... */
  readonly maxBatch: number;
  /** ...or this long after its first ballot arrived. */
  readonly maxDelayMs: number;
}

const keyOf = (ballot: { voteId: string; memberId: string }) =>
  `${ballot.voteId}|${ballot.memberId}`;

/** Fisher-Yates with a cryptographic source: the order of a batch must reveal nothing. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Group commit for ballots (DESIGN.md section 5): hundreds of members vote within seconds, so
 * ballots are written in batches, one transaction and a few multi-row statements per batch, and
 * each is acknowledged only once its batch has committed. One batch is written at a time; the
 * next one fills meanwhile. Secret ballots are shuffled within their batch, and their choices are
 * only ever added to per-option counts.
 */
export function ballotBox(
  storage: StorageContext,
  options: BallotBoxOptions = { maxBatch: 512, maxDelayMs: 2 },
) {
  const queue: Pending[] = [];
  let timer: NodeJS.Timeout | null = null;
  /** The batch being written; null when none is. */
  let writing: Promise<void> | null = null;

  async function writeBatch(batch: readonly Pending[]): Promise<Map<Pending, WriteResult>> {
    return inTransaction(storage, async (tx) => {
      const results = new Map<Pending, WriteResult>();
      // Hold each vote's lock (shared; a close takes it exclusively) and refuse ballots of a vote
      // that has closed: a ballot is either in the close's count or refused, never acknowledged
      // and left out. Locks in a fixed order, so batches never wait on each other in a circle.
      const votes = [
        ...new Set(
          batch.map((item) => `${item.write.ballot.sittingId}|${item.write.ballot.voteId}`),
        ),
      ].sort();
      const finished = new Set<string>();
      for (const vote of votes) {
        const [sittingId, voteId] = vote.split('|') as [string, string];
        await tx.sittingEvents.lockVote(sittingId, voteId, 'shared');
        if (await tx.sittingEvents.voteFinished(sittingId, voteId)) finished.add(vote);
      }
      const open = batch.filter((item) => {
        const late = finished.has(`${item.write.ballot.sittingId}|${item.write.ballot.voteId}`);
        if (late) results.set(item, 'closed');
        return !late;
      });
      // One member's two ballots in one batch: the later one conflicts before anything is written
      // (a multi-row insert would skip it silently, and both would look written).
      const seen = new Set<string>();
      const unique = open.filter((item) => {
        if (item.write.kind === 'change') return true;
        const key = keyOf(item.write.ballot);
        if (seen.has(key)) {
          results.set(item, 'conflict');
          return false;
        }
        seen.add(key);
        return true;
      });
      const firsts = unique.filter((item) => item.write.kind === 'first');
      const written = await tx.ballots.insertMany(
        firsts.map((item) => item.write.ballot as BallotInput),
      );
      for (const item of firsts) {
        results.set(item, written.has(keyOf(item.write.ballot)) ? 'written' : 'conflict');
      }
      for (const item of unique.filter((entry) => entry.write.kind === 'change')) {
        results.set(
          item,
          (await tx.ballots.change(item.write.ballot as BallotInput)) ? 'written' : 'conflict',
        );
      }
      const secrets = shuffled(unique.filter((item) => item.write.kind === 'secret'));
      const participated = await tx.ballots.insertSecretMany(
        secrets.map((item) => item.write.ballot),
      );
      for (const item of secrets) {
        results.set(item, participated.has(keyOf(item.write.ballot)) ? 'written' : 'conflict');
      }
      await tx.sittingCommands.recordMany(
        shuffled(batch.filter((item) => results.get(item) === 'written')).map(
          (item) => item.write.command,
        ),
      );
      return results;
    });
  }

  async function writeAndSettle(batch: readonly Pending[]): Promise<void> {
    try {
      const results = await writeBatch(batch);
      for (const item of batch) item.resolve(results.get(item) ?? 'conflict');
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  }

  /**
   * Starts writing the waiting ballots unless a batch is being written: then everything that
   * arrives meanwhile waits for it and goes in the next batch together. Under load batches grow
   * by themselves (up to maxBatch), instead of many small ones queueing behind each other.
   */
  function flush(): void {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    if (writing !== null) return;
    const batch = queue.splice(0, options.maxBatch);
    if (batch.length === 0) return;
    writing = writeAndSettle(batch).finally(() => {
      writing = null;
      // After the input that arrived meanwhile has been read (the embedded database answers
      // within the same tick), so that those ballots join the next batch.
      setImmediate(flush);
    });
  }

  return {
    /** Resolves once the ballot is durable (or known to conflict); rejects if the batch failed. */
    write(write: BallotWrite): Promise<WriteResult> {
      return new Promise<WriteResult>((resolve, reject) => {
        queue.push({ write, resolve, reject });
        if (queue.length >= options.maxBatch) flush();
        else timer ??= setTimeout(flush, options.maxDelayMs);
      });
    },

    /** Waits until everything queued so far is written. */
    async drain(): Promise<void> {
      for (;;) {
        flush();
        if (writing === null) return; // nothing was waiting
        await writing;
      }
    },
  };
}

export type BallotBox = ReturnType<typeof ballotBox>;
