import { toRoman } from '@veche/domain';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../layout/use-document-title.hook';
import type { SittingView } from './sitting-view';

/** The pages that show one sitting; each has its own `eyebrow` and `documentTitle` texts. */
export type SittingPage = 'live' | 'conduct' | 'publicPage' | 'hall';

/**
 * The heading of a page about one sitting ("XXIV sesja Rady Miejskiej ..." once the sitting's
 * summary has come, "Sitting XXIV" from the live view before that, the page's name before
 * either), the tab's title to match, and the heading focused when the user moved to the page.
 */
export function useSittingHeading(
  page: SittingPage,
  summary: { readonly numberRoman: string; readonly bodyName: string } | null,
  view: SittingView | null,
  focusHeading = false,
) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const roman = summary?.numberRoman ?? (view ? toRoman(view.setup.number) : null);
  const eyebrow = t(`${page}.eyebrow`);
  useDocumentTitle(roman === null ? eyebrow : t(`${page}.documentTitle`, { number: roman }));
  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading]);
  const heading =
    summary !== null
      ? t('sittings.heading', { number: summary.numberRoman, body: summary.bodyName })
      : roman !== null
        ? t('live.fallbackTitle', { number: roman })
        : eyebrow;
  return { eyebrow, heading, headingRef };
}
