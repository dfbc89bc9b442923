import type {
  BodyKind,
  Country,
  Language,
  MajorityPresetId,
  MembershipRole,
  QuorumRuleKind,
} from '@veche/domain';
import type { Body, Council, Membership, Person, Term } from '@veche/protocol';
import type { BodyRow } from '../storage/repositories/bodies.repository.js';
import type { CouncilRow } from '../storage/repositories/councils.repository.js';
import type { MembershipRow, PersonRow } from '../storage/repositories/persons.repository.js';
import type { TermRow } from '../storage/repositories/terms.repository.js';

/** Rows as the administration API shows them (the CHECK constraints vouch for the enums). */
export function councilView(row: CouncilRow): Council {
  return {
    id: row.id,
    name: row.name,
    country: row.country as Country,
    languages: row.languages as Language[],
    defaultLanguage: row.defaultLanguage as Language,
    timeZone: row.timeZone,
    quorumRule: row.quorumRule as QuorumRuleKind,
    majorityPreset: row.majorityPreset as MajorityPresetId,
    resolutionNumberPattern: row.resolutionNumberPattern,
    ballotChangeAllowed: row.ballotChangeAllowed,
    speechRequestDeadlineDays: row.speechRequestDeadlineDays,
    consultationRetentionDays: row.consultationRetentionDays,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function bodyView(row: BodyRow): Body {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as BodyKind,
    statutorySize: row.statutorySize,
    quorumRule: row.quorumRule as QuorumRuleKind,
  };
}

export function termView(row: TermRow): Term {
  return { id: row.id, name: row.name, startsOn: row.startsOn, endsOn: row.endsOn };
}

export function membershipView(row: MembershipRow): Membership {
  return {
    id: row.id,
    personId: row.personId,
    bodyId: row.bodyId,
    termId: row.termId,
    role: row.role as MembershipRole,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
  };
}

export function personView(row: PersonRow, memberships: readonly MembershipRow[]): Person {
  return {
    id: row.id,
    givenName: row.givenName,
    familyName: row.familyName,
    email: row.email,
    memberships: memberships.filter((m) => m.personId === row.id).map(membershipView),
  };
}
