import { AGENDA_ITEM_KINDS, type AgendaItemKind } from '@veche/domain';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addItem,
  indent,
  MAX_DEPTH,
  moveAmongSiblings,
  moveBefore,
  moveToEnd,
  numbering,
  outdent,
  removeItem,
  updateItem,
  type AgendaTree,
  type EditableItem,
} from './agenda-editing';

interface Props {
  tree: AgendaTree;
  onChange: (tree: AgendaTree) => void;
  /** Problems by the server's field path (`items.1.children.0.title`). */
  problems: ReadonlyMap<string, string>;
  /** Makes keys for new items. */
  newKey: () => string;
}

/** Each item's field path in the save request, by key. */
function pathsOf(tree: AgendaTree, prefix = 'items'): Map<string, string> {
  const paths = new Map<string, string>();
  tree.forEach((item, index) => {
    const path = `${prefix}.${String(index)}`;
    paths.set(item.key, path);
    for (const [key, inner] of pathsOf(item.children, `${path}.children`)) paths.set(key, inner);
  });
  return paths;
}

/** The id of an item's control, so that the focus can follow the item when it moves. */
export const itemControlId = (control: string, key: string) => `agenda-${control}-${key}`;

/**
 * The agenda as a tree of numbered items (an ordered list inside an ordered list, so assistive
 * technology hears the levels). Each item is moved by drag and drop or by its buttons, which a
 * keyboard reaches like any other; after a move the focus stays on the moved item's button and
 * a polite announcement says its new number.
 */
export function AgendaEditor({ tree, onChange, problems, newKey }: Props) {
  const { t } = useTranslation();
  const numbers = numbering(tree);
  const paths = pathsOf(tree);
  const [announcement, setAnnouncement] = useState('');
  // Where the focus goes once the tree has re-rendered after a move, an addition or a removal.
  const focusTarget = useRef<string | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);

  useEffect(() => {
    if (focusTarget.current === null) return;
    document.getElementById(focusTarget.current)?.focus();
    focusTarget.current = null;
  }, [tree]);

  const moved = (next: AgendaTree, key: string, control: string) => {
    onChange(next);
    const number = numbering(next).get(key);
    if (number !== undefined) setAnnouncement(t('preparation.editor.moved', { number }));
    focusTarget.current = itemControlId(control, key);
  };

  const add = (parentKey: string | null) => {
    const key = newKey();
    onChange(addItem(tree, key, parentKey));
    focusTarget.current = itemControlId('title', key);
  };

  const drop = (event: DragEvent, targetKey: string | null) => {
    event.preventDefault();
    const key = dragged ?? event.dataTransfer.getData('text/plain');
    setDragged(null);
    if (key === '') return;
    moved(
      targetKey === null ? moveToEnd(tree, key) : moveBefore(tree, key, targetKey),
      key,
      'drag',
    );
  };

  const renderItems = (items: readonly EditableItem[], depth: number) => (
    <ol
      className={
        depth === 0 ? 'agenda-editor__list' : 'agenda-editor__list agenda-editor__list--nested'
      }
    >
      {items.map((item, index) => {
        const number = numbers.get(item.key) ?? '';
        const path = paths.get(item.key) ?? '';
        const titleError = problems.get(`${path}.title`) ?? problems.get(path);
        const titleErrorId = `${itemControlId('title', item.key)}-error`;
        return (
          <li
            key={item.key}
            className={
              dragged === item.key ? 'agenda-editor__item is-dragged' : 'agenda-editor__item'
            }
            onDragOver={(event) => event.preventDefault()}
            onDrop={(event) => {
              event.stopPropagation();
              drop(event, item.key);
            }}
          >
            <div className="agenda-editor__row">
              <button
                type="button"
                id={itemControlId('drag', item.key)}
                className="agenda-editor__handle"
                draggable
                aria-label={t('preparation.editor.drag', { number })}
                title={t('preparation.editor.drag', { number })}
                onDragStart={(event) => {
                  event.dataTransfer.setData('text/plain', item.key);
                  event.dataTransfer.effectAllowed = 'move';
                  setDragged(item.key);
                }}
                onDragEnd={() => setDragged(null)}
              >
                <span aria-hidden="true">⠿</span>
              </button>
              <span className="agenda-editor__number" aria-hidden="true">
                {number}
              </span>
              <div className="agenda-editor__fields">
                <div className={titleError === undefined ? 'field' : 'field field--error'}>
                  <label htmlFor={itemControlId('title', item.key)}>
                    {t('preparation.editor.itemTitle', { number })}
                  </label>
                  {titleError !== undefined && (
                    <p id={titleErrorId} className="field__error">
                      <span className="field__error-icon" aria-hidden="true">
                        !
                      </span>
                      {titleError}
                    </p>
                  )}
                  <input
                    id={itemControlId('title', item.key)}
                    type="text"
                    maxLength={500}
                    value={item.title}
                    aria-invalid={titleError === undefined ? undefined : true}
                    aria-describedby={titleError === undefined ? undefined : titleErrorId}
                    onChange={(event) =>
                      onChange(updateItem(tree, item.key, { title: event.target.value }))
                    }
                  />
                </div>
                <div className="field">
                  <label htmlFor={itemControlId('kind', item.key)}>
                    {t('preparation.editor.itemKind', { number })}
                  </label>
                  <select
                    id={itemControlId('kind', item.key)}
                    value={item.kind}
                    onChange={(event) =>
                      onChange(
                        updateItem(tree, item.key, { kind: event.target.value as AgendaItemKind }),
                      )
                    }
                  >
                    {AGENDA_ITEM_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`preparation.kinds.${kind}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={itemControlId('description', item.key)}>
                    {t('preparation.editor.itemDescription', { number })}
                  </label>
                  <textarea
                    id={itemControlId('description', item.key)}
                    rows={2}
                    maxLength={20_000}
                    value={item.description}
                    onChange={(event) =>
                      onChange(updateItem(tree, item.key, { description: event.target.value }))
                    }
                  />
                </div>
                {item.documentCount > 0 && (
                  <p className="muted">
                    {t('preparation.editor.documents', { count: item.documentCount })}
                  </p>
                )}
              </div>
            </div>
            <div className="agenda-editor__actions">
              <button
                type="button"
                id={itemControlId('up', item.key)}
                className="button button--quiet button--small"
                aria-label={t('preparation.editor.moveUpLabel', { number })}
                disabled={index === 0}
                onClick={() => moved(moveAmongSiblings(tree, item.key, -1), item.key, 'up')}
              >
                <span aria-hidden="true">↑</span>
                {t('preparation.editor.moveUp')}
              </button>
              <button
                type="button"
                id={itemControlId('down', item.key)}
                className="button button--quiet button--small"
                aria-label={t('preparation.editor.moveDownLabel', { number })}
                disabled={index === items.length - 1}
                onClick={() => moved(moveAmongSiblings(tree, item.key, 1), item.key, 'down')}
              >
                <span aria-hidden="true">↓</span>
                {t('preparation.editor.moveDown')}
              </button>
              <button
                type="button"
                id={itemControlId('indent', item.key)}
                className="button button--quiet button--small"
                aria-label={t('preparation.editor.indentLabel', { number })}
                disabled={index === 0 || depth + 1 >= MAX_DEPTH}
                onClick={() => moved(indent(tree, item.key), item.key, 'indent')}
              >
                <span aria-hidden="true">→</span>
                {t('preparation.editor.indent')}
              </button>
              <button
                type="button"
                id={itemControlId('outdent', item.key)}
                className="button button--quiet button--small"
                aria-label={t('preparation.editor.outdentLabel', { number })}
                disabled={depth === 0}
                onClick={() => moved(outdent(tree, item.key), item.key, 'outdent')}
              >
                <span aria-hidden="true">←</span>
                {t('preparation.editor.outdent')}
              </button>
              {depth + 1 < MAX_DEPTH && (
                <button
                  type="button"
                  className="button button--quiet button--small"
                  aria-label={t('preparation.editor.addSubItemTo', { number })}
                  onClick={() => add(item.key)}
                >
                  {t('preparation.editor.addSubItem')}
                </button>
              )}
              <button
                type="button"
                className="button button--quiet button--small button--remove"
                aria-label={t('preparation.editor.removeLabel', { number })}
                onClick={() => {
                  onChange(removeItem(tree, item.key));
                  focusTarget.current = 'agenda-add';
                }}
              >
                {t('preparation.editor.remove')}
              </button>
            </div>
            {item.children.length > 0 && renderItems(item.children, depth + 1)}
          </li>
        );
      })}
    </ol>
  );

  return (
    <div className="agenda-editor">
      <p className="muted" id="agenda-hint">
        {t('preparation.editor.agendaHint')}
      </p>
      {tree.length === 0 ? (
        <p className="empty">{t('preparation.editor.empty')}</p>
      ) : (
        renderItems(tree, 0)
      )}
      {dragged !== null && (
        <div
          className="agenda-editor__drop-end"
          onDragOver={(event) => event.preventDefault()}
          onDrop={(event) => drop(event, null)}
        >
          {t('preparation.editor.dropAtEnd')}
        </div>
      )}
      <button
        type="button"
        id="agenda-add"
        className="button button--quiet"
        onClick={() => add(null)}
      >
        {t('preparation.editor.addItem')}
      </button>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
