import type { ReactNode } from 'react';

/** An error announced immediately to assistive technologies. */
export function ErrorAlert({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <div className="alert alert--error" role="alert">
      {children}
    </div>
  );
}

/**
 * A polite live region; it stays in the page while empty so that screen readers
 * announce the message when it appears.
 */
export function StatusMessage({ children, tone = 'success' }: { children?: ReactNode; tone?: 'success' | 'info' }) {
  return (
    <div className={children ? `alert alert--${tone}` : 'status-empty'} role="status">
      {children}
    </div>
  );
}

/** A static information box (not announced). */
export function Notice({ children }: { children: ReactNode }) {
  return <div className="alert alert--info">{children}</div>;
}
