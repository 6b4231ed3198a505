import type { Workbox } from 'workbox-window';

/** How often an open page asks whether a new version was deployed (besides each page load). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

let reloadIntoNewVersion: (() => void) | null = null;
const listeners = new Set<() => void>();

/**
 * Installs the service worker that lets the app open and reload offline (production builds only), after the first
 * paint: workbox-window is a chunk of its own, loaded once the page is there.
 */
export function registerOfflineShell(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    import('workbox-window').then(({ Workbox }) => startWorker(new Workbox('/sw.js'))).catch(() => undefined);
  });
}

async function startWorker(workbox: Workbox): Promise<void> {
  // A new version installed beside the running one: offer the reload (fired too when a page opens while it waits).
  workbox.addEventListener('waiting', () => offerUpdate(workbox));
  await workbox.register();
  setInterval(() => void workbox.update().catch(() => undefined), UPDATE_CHECK_MS);
}

function offerUpdate(workbox: Workbox): void {
  reloadIntoNewVersion = () => {
    void navigator.serviceWorker.getRegistration().then((registration) => {
      // Another tab may already have switched to it: then this page only needs reloading.
      if (!registration?.waiting) return window.location.reload();
      navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
      workbox.messageSkipWaiting();
    });
  };
  listeners.forEach((listener) => listener());
}

/** Whether a new version waits for the person to reload (for `useSyncExternalStore`). */
export const updateWaiting = (): boolean => reloadIntoNewVersion !== null;

export function onUpdateWaiting(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Switches to the waiting version and reloads the page into it. */
export function reloadIntoUpdate(): void {
  reloadIntoNewVersion?.();
}

/** Forgets what the device kept for offline use (at sign-out). */
export function forgetOfflineData(): void {
  navigator.serviceWorker?.controller?.postMessage('forget');
}
