import { useEffect, type RefObject } from 'react';

/**
 * Moves the focus to a panel's heading when the panel appears by itself (a vote opening, a quorum
 * check starting), so that keyboard and screen-reader users land on it. Its heading, not its
 * first button: a stray Enter must never cast a vote. Someone typing or choosing in a field keeps
 * their place.
 */
export function useArrivalFocus(
  ref: RefObject<HTMLElement | null>,
  key: string,
  enabled: boolean,
): void {
  useEffect(() => {
    if (!enabled) return;
    const active = document.activeElement;
    if (
      active instanceof HTMLInputElement ||
      active instanceof HTMLSelectElement ||
      active instanceof HTMLTextAreaElement
    ) {
      return;
    }
    ref.current?.focus();
  }, [ref, key, enabled]);
}
