import { useEffect } from 'react';
import { shortcutOf } from './conduct-selectors';

/**
 * The console's one-letter shortcuts: a key press clicks the enabled button that carries it
 * (`data-shortcut`, announced with `aria-keyshortcuts`), so a shortcut can do nothing the page
 * does not offer at that moment. Never while typing in a field.
 */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : null;
      const key = shortcutOf({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        repeat: event.repeat,
        targetTag: target?.tagName ?? '',
        targetEditable: target?.isContentEditable ?? false,
      });
      if (key === null) return;
      const button = document.querySelector<HTMLButtonElement>(`button[data-shortcut="${key}"]`);
      if (button === null || button.disabled) return;
      event.preventDefault();
      button.click();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
