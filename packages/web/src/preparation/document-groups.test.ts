import type { PreparedAgendaItem, SittingDocument } from '@veche/protocol';
import { describe, expect, it } from 'vitest';
import { documentGroups, uploadTargets } from './document-groups';

const item = (id: string, number: string, children: PreparedAgendaItem[] = []) => ({
  id,
  number,
  title: `Item ${number}`,
  kind: 'procedural' as const,
  description: null,
  documentCount: 0,
  children,
});

const document = (id: string, itemId: string | null): SittingDocument => ({
  id,
  itemId,
  title: id,
  fileName: `${id}.pdf`,
  mediaType: 'application/pdf',
  sizeBytes: 1000,
  isPublic: false,
  url: `/api/documents/${id}`,
});

const agenda = [item('a', '1'), item('b', '2', [item('b1', '2.1')])];

describe('documents by agenda item', () => {
  it('lists the sitting’s own first, then each item’s in the agenda’s order, without empty groups', () => {
    const groups = documentGroups(
      [document('d1', 'b1'), document('d2', null), document('d3', 'a'), document('d4', 'b1')],
      agenda,
    );
    expect(
      groups.map((group) => [group.item?.number ?? null, group.documents.map((d) => d.id)]),
    ).toEqual([
      [null, ['d2']],
      ['1', ['d3']],
      ['2.1', ['d1', 'd4']],
    ]);
  });

  it('shows a document of an item no longer on the agenda with the sitting’s own', () => {
    const groups = documentGroups([document('d1', 'gone')], agenda);
    expect(groups).toEqual([{ item: null, documents: [document('d1', 'gone')] }]);
  });

  it('offers every item, sub-items too, as a place for an upload', () => {
    expect(uploadTargets(agenda).map((target) => target.number)).toEqual(['1', '2', '2.1']);
  });
});
