import type { Page } from 'playwright-core';

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
