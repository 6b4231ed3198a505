import { useEffect, useRef, type RefObject } from 'react';
import { useLocation } from 'react-router';

/** Sections of one page (the tabs of a space) count as the same page: focus stays on the tab. */
function pageKey(pathname: string): string {
  const space = /^\/espaces\/[^/]+/.exec(pathname);
  return space ? space[0] : pathname;
}

/**
 * After client-side navigation to another page, moves focus to its main heading (or to
 * `<main>`), as a full page load would, so keyboard and screen-reader users start there.
 */
export function useFocusOnNavigation(mainRef: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const key = pageKey(pathname);
  const isFirstRender = useRef(true);

  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    const main = mainRef.current;
    if (!main) return;
    const heading = main.querySelector<HTMLElement>('h1');
    const target = heading ?? main;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
  }, [key, mainRef]);
}
