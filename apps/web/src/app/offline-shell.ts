/** Installs the service worker that lets the app open and reload offline (production builds only). */
export function registerOfflineShell(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}

/** Forgets what the device kept for offline use (at sign-out). */
export function forgetOfflineData(): void {
  navigator.serviceWorker?.controller?.postMessage('forget');
}
