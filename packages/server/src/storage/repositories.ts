import { agendaTemplatesRepository } from './repositories/agenda-templates.repository.js';
import { noticesRepository } from './repositories/notices.repository.js';
import { ballotsRepository } from './repositories/ballots.repository.js';
import { bodiesRepository } from './repositories/bodies.repository.js';
import { consultationsRepository } from './repositories/consultations.repository.js';
import { councilsRepository } from './repositories/councils.repository.js';
import { documentsRepository } from './repositories/documents.repository.js';
import { interpellationsRepository } from './repositories/interpellations.repository.js';
import { resolutionsRepository } from './repositories/resolutions.repository.js';
import { loginLinksRepository } from './repositories/login-links.repository.js';
import { loginSessionsRepository } from './repositories/login-sessions.repository.js';
import { oparlRepository } from './repositories/oparl.repository.js';
import { passwordTokensRepository } from './repositories/password-tokens.repository.js';
import { portalRepository } from './repositories/portal.repository.js';
import { personsRepository } from './repositories/persons.repository.js';
import { sittingCommandsRepository } from './repositories/sitting-commands.repository.js';
import { sittingEventsRepository } from './repositories/sitting-events.repository.js';
import { sittingsRepository } from './repositories/sittings.repository.js';
import { speechRequestsRepository } from './repositories/speech-requests.repository.js';
import { termsRepository } from './repositories/terms.repository.js';
import { usersRepository } from './repositories/users.repository.js';
import { userSecondFactorsRepository } from './repositories/user-second-factors.repository.js';
import type { StorageContext } from './storage-context.js';

/** All repositories over one database handle (or one transaction). */
export function createRepositories(context: StorageContext) {
  return {
    councils: councilsRepository(context),
    bodies: bodiesRepository(context),
    terms: termsRepository(context),
    persons: personsRepository(context),
    users: usersRepository(context),
    loginSessions: loginSessionsRepository(context),
    loginLinks: loginLinksRepository(context),
    sittings: sittingsRepository(context),
    sittingEvents: sittingEventsRepository(context),
    sittingCommands: sittingCommandsRepository(context),
    ballots: ballotsRepository(context),
    documents: documentsRepository(context),
    agendaTemplates: agendaTemplatesRepository(context),
    notices: noticesRepository(context),
    passwordTokens: passwordTokensRepository(context),
    secondFactors: userSecondFactorsRepository(context),
    interpellations: interpellationsRepository(context),
    portal: portalRepository(context),
    resolutions: resolutionsRepository(context),
    oparl: oparlRepository(context),
    speechRequests: speechRequestsRepository(context),
    consultations: consultationsRepository(context),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

/**
 * Runs `work` with repositories bound to one transaction: all of it commits, or none of it.
 */
export async function inTransaction<T>(
  context: StorageContext,
  work: (repositories: Repositories) => Promise<T>,
): Promise<T> {
  return context.db.transaction((tx) => work(createRepositories({ ...context, db: tx })));
}
