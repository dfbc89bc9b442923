import { agendaDraftProblems } from '@veche/domain';
import type {
  AgendaDraftItemInput,
  AgendaTemplate,
  saveAgendaTemplateRequestSchema,
} from '@veche/protocol';
import type { z } from 'zod';
import { HttpError } from '../http/api-error.js';
import type { Repositories } from '../storage/repositories.js';
import type { AgendaTemplateRow } from '../storage/repositories/agenda-templates.repository.js';
import { hasPgCode, UNIQUE_VIOLATION } from '../storage/storage-context.js';
import { requirePreparer } from './sitting-preparation.use-case.js';

type SaveTemplate = z.output<typeof saveAgendaTemplateRequestSchema>;

export function templateView(row: AgendaTemplateRow): AgendaTemplate {
  return {
    id: row.id,
    name: row.name,
    items: row.items as AgendaDraftItemInput[],
    version: row.version,
  };
}

/** A template holds no ids: each sitting made from it gets items of its own. */
function withoutIds(items: readonly AgendaDraftItemInput[]): AgendaDraftItemInput[] {
  return items.map(({ title, kind, description, children }) => ({
    title,
    kind,
    description: description ?? null,
    children: withoutIds(children ?? []),
  }));
}

function requireValidItems(items: readonly AgendaDraftItemInput[]): void {
  const problem = agendaDraftProblems(items)[0];
  if (problem !== undefined) {
    throw new HttpError(400, 'validation_failed', `${problem.field}: ${problem.code}`, {
      field: problem.field,
      issues: [{ field: problem.field, code: problem.code, message: problem.code }],
    });
  }
}

const nameTaken = () =>
  new HttpError(409, 'name_taken', 'name: the council has a template of this name', {
    field: 'name',
  });

export async function listTemplates(
  repos: Repositories,
  userId: string,
  councilId: string,
): Promise<AgendaTemplate[]> {
  await requirePreparer(repos, userId, councilId);
  return (await repos.agendaTemplates.listForCouncil(councilId)).map(templateView);
}

/** Creates a template, or saves one still at the version the editor loaded. */
export async function saveTemplate(
  repos: Repositories,
  userId: string,
  councilId: string,
  templateId: string | null,
  input: SaveTemplate,
): Promise<AgendaTemplate> {
  await requirePreparer(repos, userId, councilId);
  requireValidItems(input.items);
  const items = withoutIds(input.items);
  try {
    if (templateId === null) {
      return templateView(await repos.agendaTemplates.create(councilId, input.name, items));
    }
    const existing = await repos.agendaTemplates.findById(councilId, templateId);
    if (existing === undefined) throw new HttpError(404, 'not_found', 'No such template');
    const saved =
      input.version === undefined
        ? null
        : await repos.agendaTemplates.update(councilId, templateId, input.version, {
            name: input.name,
            items,
          });
    if (saved === null) {
      throw new HttpError(409, 'stale_version', 'Someone else saved this template first', {
        field: 'version',
        facts: { current: templateView(existing) },
      });
    }
    return templateView(saved);
  } catch (error) {
    if (hasPgCode(error, UNIQUE_VIOLATION)) throw nameTaken();
    throw error;
  }
}

export async function removeTemplate(
  repos: Repositories,
  userId: string,
  councilId: string,
  templateId: string,
): Promise<void> {
  await requirePreparer(repos, userId, councilId);
  if (!(await repos.agendaTemplates.remove(councilId, templateId))) {
    throw new HttpError(404, 'not_found', 'No such template');
  }
}
