import { chairConflict, spansOverlap, spanWithin, type MembershipRole } from '@veche/domain';
import type {
  Membership,
  MembershipCreate,
  MembershipEnd,
  MembershipUpdate,
} from '@veche/protocol';
import { HttpError } from '../http/api-error.js';
import { inTransaction, type Repositories } from '../storage/repositories.js';
import type { MembershipRow } from '../storage/repositories/persons.repository.js';
import type { TermRow } from '../storage/repositories/terms.repository.js';
import type { UserRow } from '../storage/repositories/users.repository.js';
import type { StorageContext } from '../storage/storage-context.js';
import { requireCouncilAdmin } from './admin-access.js';
import { membershipView } from './administration-views.js';

/*
 * Seats: who sits in which body, in which role, from when to when. A seat is never deleted:
 * ending it sets its last day, and the row stays as the record of the body's make-up on every
 * past day (sittings and named votes refer to it). Seat changes of a council take turns on the
 * council's row, so that two chairs cannot be seated at once.
 */

interface Seat {
  readonly id: string;
  readonly personId: string;
  readonly bodyId: string;
  readonly role: MembershipRole;
  readonly startsOn: string;
  readonly endsOn: string | null;
}

function unknownReference(field: string, what: string): HttpError {
  return new HttpError(422, 'unknown_reference', `${field}: no such ${what} in this council`, {
    field,
  });
}

/** The rules every seat keeps: inside its term, one chair at a time, one seat per body. */
function checkSeat(seat: Seat, term: TermRow | null, others: readonly MembershipRow[]): void {
  if (term !== null && !spanWithin(seat, term)) {
    const field =
      seat.startsOn < term.startsOn || (term.endsOn !== null && seat.startsOn > term.endsOn)
        ? 'startsOn'
        : 'endsOn';
    throw new HttpError(
      422,
      'outside_term',
      `${field}: the seat must lie within the term (${term.startsOn} to ${term.endsOn ?? 'open'})`,
      { field, facts: { termStartsOn: term.startsOn, termEndsOn: term.endsOn } },
    );
  }
  const seats = others.map((row) => ({ ...row, role: row.role as MembershipRole }));
  const chair = chairConflict(seat, seats);
  if (chair !== null) {
    throw new HttpError(409, 'chair_taken', 'role: the body already has a chair for that time', {
      field: 'role',
      facts: { membership: membershipView(chair) },
    });
  }
  const same = seats.find(
    (other) =>
      other.id !== seat.id && other.personId === seat.personId && spansOverlap(seat, other),
  );
  if (same !== undefined) {
    throw new HttpError(
      409,
      'already_member',
      'personId: the person already sits in this body then',
      {
        field: 'personId',
        facts: { membership: membershipView(same) },
      },
    );
  }
}

export async function createMembership(
  storage: StorageContext,
  user: UserRow,
  councilId: string,
  input: MembershipCreate,
): Promise<Membership> {
  return inTransaction(storage, async (repos) => {
    await requireCouncilAdmin(repos, user, councilId);
    await repos.councils.lock(councilId);
    if ((await repos.persons.findById(councilId, input.personId)) === undefined) {
      throw unknownReference('personId', 'person');
    }
    if ((await repos.bodies.findById(councilId, input.bodyId)) === undefined) {
      throw unknownReference('bodyId', 'body');
    }
    const term = await repos.terms.findById(councilId, input.termId);
    if (term === undefined) throw unknownReference('termId', 'term');
    const others = await repos.persons.membershipsOfBody(councilId, input.bodyId);
    checkSeat({ id: '', ...input }, term, others);
    return membershipView(await repos.persons.addMembership({ councilId, ...input }));
  });
}

async function changeSeat(
  repos: Repositories,
  councilId: string,
  membershipId: string,
  change: (current: MembershipRow) => MembershipUpdate,
): Promise<Membership> {
  await repos.councils.lock(councilId);
  const current = await repos.persons.findMembership(councilId, membershipId);
  if (current === undefined) throw new HttpError(404, 'not_found', 'No such membership');
  const next = change(current);
  const term =
    current.termId === null
      ? null
      : ((await repos.terms.findById(councilId, current.termId)) ?? null);
  const others = await repos.persons.membershipsOfBody(councilId, current.bodyId);
  checkSeat({ ...current, ...next }, term, others);
  const row = await repos.persons.updateMembership(councilId, membershipId, next);
  return membershipView(row!);
}

/** Corrects a seat's role or dates. */
export async function updateMembership(
  storage: StorageContext,
  user: UserRow,
  councilId: string,
  membershipId: string,
  input: MembershipUpdate,
): Promise<Membership> {
  return inTransaction(storage, async (repos) => {
    await requireCouncilAdmin(repos, user, councilId);
    return changeSeat(repos, councilId, membershipId, () => input);
  });
}

/** Ends a seat on its last day; the seat stays in the record. An ended seat is not ended again. */
export async function endMembership(
  storage: StorageContext,
  user: UserRow,
  councilId: string,
  membershipId: string,
  input: MembershipEnd,
): Promise<Membership> {
  return inTransaction(storage, async (repos) => {
    await requireCouncilAdmin(repos, user, councilId);
    return changeSeat(repos, councilId, membershipId, (current) => {
      if (current.endsOn !== null) {
        throw new HttpError(
          409,
          'already_ended',
          `endsOn: the seat already ended on ${current.endsOn}`,
          {
            field: 'endsOn',
          },
        );
      }
      if (input.endsOn < current.startsOn) {
        throw new HttpError(
          400,
          'validation_failed',
          'endsOn: the seat cannot end before it starts',
          {
            field: 'endsOn',
          },
        );
      }
      return {
        role: current.role as MembershipRole,
        startsOn: current.startsOn,
        endsOn: input.endsOn,
      };
    });
  });
}
