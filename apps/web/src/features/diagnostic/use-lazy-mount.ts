import { useEffect, useRef, useState, type FocusEvent } from 'react';

/**
 * Whether a section's editor should be mounted: while the section is near the viewport or holds the focus.
 * With 40 sections of several pages, only a few editors exist at a time; all share one Y.Doc.
 */
export function useLazyMount<T extends HTMLElement>(margin = '600px 0px') {
  const ref = useRef<T | null>(null);
  const [near, setNear] = useState(false);
  const [focused, setFocused] = useState(false);
  /** Last measured height of the mounted content, kept by the placeholder so the page does not jump. */
  const [height, setHeight] = useState<number | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (typeof IntersectionObserver === 'undefined') return void setNear(true);
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) setNear(entry.isIntersecting);
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [margin]);

  const mounted = near || focused;
  useEffect(() => {
    const element = ref.current;
    if (!mounted || !element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setHeight(element.offsetHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, [mounted]);

  const focusProps = {
    onFocus: () => setFocused(true),
    onBlur: (event: FocusEvent<T>) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false);
    },
  };
  return { ref, mounted, height, focusProps, mount: () => setFocused(true) };
}
