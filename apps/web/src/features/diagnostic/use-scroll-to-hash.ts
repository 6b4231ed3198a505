import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * Brings the element named by the address's `#fragment` into view once it exists: a link to a section
 * (`…/diagnostic#section-grid-territory`, from a recommendation) lands on it although the sections are drawn only
 * after the co-edited document has loaded, too late for the browser's own scrolling.
 */
export function useScrollToHash(ready: boolean): void {
  const { hash } = useLocation();
  const reached = useRef<string | null>(null);
  useEffect(() => {
    if (!ready || !hash || reached.current === hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    reached.current = hash;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }, [ready, hash]);
}
