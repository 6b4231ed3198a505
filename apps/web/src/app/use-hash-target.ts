import { useEffect } from 'react';
import { useLocation } from 'react-router';

/** How long a page may take to draw the element a link points at (data loaded, panel opened). */
const WAIT_MS = 10_000;

/** Ids a notification's link may point at: a comment, an agenda item, a vote, a decision, a milestone, a funding line. */
const LINKED = /^(commentaire|point|vote|decision|jalon|financement)s?-/;

/**
 * Brings the element a link names with `#…` into view and focus once the page has drawn it: the notifications lead
 * to the exact place (`/seances/<id>#vote-<id>`, `…/projets/<id>#jalon-<id>`, `…/diagnostic#commentaire-<id>`), which
 * pages draw only after their data has loaded, too late for the browser's own scrolling. Watches the page for at most
 * ten seconds; the element is highlighted by `:target`-like styling through `data-linked`.
 */
export function useHashTarget(): void {
  const { hash, pathname } = useLocation();
  useEffect(() => {
    const id = decodeURIComponent(hash.slice(1));
    if (!LINKED.test(id)) return;
    let observer: MutationObserver | undefined;
    const reach = (): boolean => {
      const target = document.getElementById(id);
      if (!target) return false;
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.setAttribute('data-linked', 'true');
      target.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
      return true;
    };
    // After the page's own focus handling (its main heading) has run.
    const start = window.setTimeout(() => {
      if (reach()) return;
      observer = new MutationObserver(() => {
        if (reach()) observer?.disconnect();
      });
      observer.observe(document.body, { childList: true, subtree: true });
    }, 0);
    const stop = window.setTimeout(() => observer?.disconnect(), WAIT_MS);
    return () => {
      window.clearTimeout(start);
      window.clearTimeout(stop);
      observer?.disconnect();
    };
  }, [hash, pathname]);
}
