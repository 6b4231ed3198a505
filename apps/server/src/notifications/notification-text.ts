/**
 * A short plain-text excerpt for a notification's words: white space folded, cut at `max` characters (between code
 * points, never inside a surrogate pair) with an ellipsis. Never interpreted as HTML or Markdown by any reader.
 */
export function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= max
    ? flat
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}
