import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CommandProblem } from '../live/command-problem.component';
import type { TrackedCommand } from '../live/live-commands';
import type { ChatMessageView } from '../live/sitting-view';
import { audienceOf, type ChatTarget } from './chat-selectors';

interface Member {
  readonly id: string;
  readonly name: string;
}

interface Props {
  messages: readonly ChatMessageView[];
  members: readonly Member[];
  /** The operator's or chair's inbox: every message, and private replies to one member. */
  conducting: boolean;
  userId: string;
  memberId: string | null;
  /** A message on its way: the form waits for it. */
  sending: boolean;
  problem: TrackedCommand | null;
  onSend: (text: string, target: ChatTarget) => void;
}

const MAX_LENGTH = 2_000;

/**
 * The sitting chat (issue 4): a councillor writes to the chair and the operator or to all members;
 * the conductors read every message in one inbox and answer one member privately. The list is a
 * log region, so a screen reader announces new messages without moving the focus.
 */
export function ChatPanel(props: Props) {
  const { messages, members, conducting, userId, memberId, sending, problem, onSend } = props;
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const textId = useId();
  const toId = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [target, setTarget] = useState<string>(conducting ? 'members' : 'conductors');
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
  const nameOf = (id: string) => members.find((member) => member.id === id)?.name ?? id;

  const sender = (message: ChatMessageView): string => {
    if (message.from.userId === userId) return t('chat.you');
    if (message.from.memberId !== null) return nameOf(message.from.memberId);
    return t('chat.office');
  };
  const audience = (message: ChatMessageView): string => {
    const to = message.to;
    if (to.kind === 'member') return t('chat.toMember', { name: nameOf(to.memberId) });
    return to.kind === 'members' ? t('chat.toMembers') : t('chat.toConductors');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed === '' || sending) return;
    onSend(trimmed, audienceOf(target));
    setText('');
  };

  const replyTo = (id: string) => {
    setTarget(`member:${id}`);
    textRef.current?.focus();
  };

  return (
    <section className="chat" aria-labelledby={headingId}>
      <h2 id={headingId}>{conducting ? t('chat.inbox') : t('chat.heading')}</h2>
      {messages.length === 0 ? (
        <p className="muted">{t('chat.empty')}</p>
      ) : (
        <div role="log" aria-labelledby={headingId}>
          <ol className="chat__list">
            {messages.map((message) => (
              <li key={message.messageId} className="chat__message">
                <p className="chat__meta">
                  <strong>{sender(message)}</strong> <span>→ {audience(message)}</span>{' '}
                  <time dateTime={new Date(message.at).toISOString()}>
                    {time.format(message.at)}
                  </time>
                </p>
                <p className="chat__text">{message.text}</p>
                {conducting && message.from.memberId !== null && message.from.userId !== userId && (
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={t('chat.replyTo', { name: nameOf(message.from.memberId) })}
                    onClick={() => replyTo(message.from.memberId ?? '')}
                  >
                    {t('chat.reply')}
                  </button>
                )}
              </li>
            ))}
          </ol>
        </div>
      )}
      <form className="chat__form" onSubmit={submit}>
        <div className="chat__field">
          <label htmlFor={toId}>{t('chat.to')}</label>
          <select id={toId} value={target} onChange={(event) => setTarget(event.target.value)}>
            {!conducting && <option value="conductors">{t('chat.toConductors')}</option>}
            <option value="members">{t('chat.toMembers')}</option>
            {conducting &&
              members
                .filter((member) => member.id !== memberId)
                .map((member) => (
                  <option key={member.id} value={`member:${member.id}`}>
                    {t('chat.toMember', { name: member.name })}
                  </option>
                ))}
          </select>
        </div>
        <div className="chat__field">
          <label htmlFor={textId}>{t('chat.message')}</label>
          <textarea
            id={textId}
            ref={textRef}
            rows={3}
            maxLength={MAX_LENGTH}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={sending}>
          {sending ? t('chat.sending') : t('chat.send')}
        </button>
        <CommandProblem command={problem} />
      </form>
    </section>
  );
}
