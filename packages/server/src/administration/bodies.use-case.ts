import type { Body, BodyInput } from '@veche/protocol';
import { HttpError } from '../http/api-error.js';
import type { Repositories } from '../storage/repositories.js';
import type { UserRow } from '../storage/repositories/users.repository.js';
import { requireCouncilAdmin } from './admin-access.js';
import { bodyView } from './administration-views.js';

/*
 * A council's bodies: the plenary and its committees. There is no deleting a body: its sittings,
 * votes and seats stay part of the record.
 */

export async function listBodies(
  repos: Repositories,
  user: UserRow,
  councilId: string,
): Promise<Body[]> {
  await requireCouncilAdmin(repos, user, councilId);
  return (await repos.bodies.listForCouncil(councilId)).map(bodyView);
}

export async function createBody(
  repos: Repositories,
  user: UserRow,
  councilId: string,
  input: BodyInput,
): Promise<Body> {
  await requireCouncilAdmin(repos, user, councilId);
  return bodyView(await repos.bodies.create({ councilId, ...input }));
}

export async function updateBody(
  repos: Repositories,
  user: UserRow,
  councilId: string,
  bodyId: string,
  input: BodyInput,
): Promise<Body> {
  await requireCouncilAdmin(repos, user, councilId);
  const row = await repos.bodies.update(councilId, bodyId, input);
  if (row === undefined) throw new HttpError(404, 'not_found', 'No such body');
  return bodyView(row);
}
