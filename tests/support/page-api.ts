import type { Page } from 'playwright-core';

/** Same-origin API calls from a signed-in page (the server's origin rule lets the page's own requests through). */
export function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ([m, p, b]) => {
      const response = await fetch(p, {
        method: m,
        headers: b === undefined ? {} : { 'content-type': 'application/json' },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      if (!response.ok) throw new Error(`${m} ${p}: ${response.status} ${await response.text()}`);
      return response.status === 204 ? undefined : response.json();
    },
    [method, path, body] as const,
  ) as Promise<T>;
}

/**
 * Does what publishes a comment in the page (`publish`, e.g. a click) and returns the comment the server stored, read
 * from the POST's own answer; a refused comment fails here with the server's status and message.
 */
export async function publishedComment(page: Page, publish: () => Promise<void>): Promise<{ id: string; body: string }> {
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && /\/comments$/.test(new URL(r.url()).pathname));
  await publish();
  const response = await answer;
  if (response.status() !== 201) throw new Error(`comment refused: ${response.status()} ${await response.text()}`);
  return (await response.json()) as { id: string; body: string };
}
