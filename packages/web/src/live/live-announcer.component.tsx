import type { Notice } from './live-messages';

interface Props {
  polite: Notice | null;
  urgent: Notice | null;
}

/**
 * The page's two live regions, present from the start so that screen readers watch them: news
 * (a vote opened, a ballot recorded) politely, failures at once. Each notice is a new element
 * (keyed), so the same words said again for a new vote are read again.
 */
export function LiveAnnouncer({ polite, urgent }: Props) {
  return (
    <>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {polite && <p key={polite.key}>{polite.text}</p>}
      </div>
      <div className="visually-hidden" aria-live="assertive" aria-atomic="true">
        {urgent && <p key={urgent.key}>{urgent.text}</p>}
      </div>
    </>
  );
}
