import { overlappingTerm } from '@veche/domain';
import type { Term, TermInput } from '@veche/protocol';
import { HttpError } from '../http/api-error.js';
import { inTransaction, type Repositories } from '../storage/repositories.js';
import type { UserRow } from '../storage/repositories/users.repository.js';
import type { StorageContext } from '../storage/storage-context.js';
import { requireCouncilAdmin } from './admin-access.js';
import { termView } from './administration-views.js';

export async function listTerms(
  repos: Repositories,
  user: UserRow,
  councilId: string,
): Promise<Term[]> {
  await requireCouncilAdmin(repos, user, councilId);
  return (await repos.terms.listForCouncil(councilId)).map(termView);
}

/**
 * Writes a term (new, or an existing one's change) unless it would share a day with another
 * term of the council: a mandate belongs to one term on any day. The council's row is locked
 * meanwhile, so two terms saved at once cannot both pass the check.
 */
export async function saveTerm(
  storage: StorageContext,
  user: UserRow,
  councilId: string,
  termId: string | null,
  input: TermInput,
): Promise<Term> {
  return inTransaction(storage, async (repos) => {
    await requireCouncilAdmin(repos, user, councilId);
    await repos.councils.lock(councilId);
    const terms = await repos.terms.listForCouncil(councilId);
    if (termId !== null && !terms.some((term) => term.id === termId)) {
      throw new HttpError(404, 'not_found', 'No such term');
    }
    const clash = overlappingTerm({ id: termId ?? '', ...input }, terms);
    if (clash !== null) {
      // The field to change: the start if it falls within the other term, else the end.
      const field =
        input.startsOn >= clash.startsOn &&
        (clash.endsOn === null || input.startsOn <= clash.endsOn)
          ? 'startsOn'
          : 'endsOn';
      throw new HttpError(
        409,
        'term_overlap',
        `${field}: the term would overlap the term ${clash.name} (${clash.startsOn} to ${clash.endsOn ?? 'open'})`,
        { field, facts: { term: termView(clash) } },
      );
    }
    const row =
      termId === null
        ? await repos.terms.create({ councilId, ...input })
        : await repos.terms.update(councilId, termId, input);
    return termView(row!);
  });
}
