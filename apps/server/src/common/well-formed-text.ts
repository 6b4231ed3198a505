// A high surrogate not followed by a low one, or a low one not preceded by a high one (regex over UTF-16 code units).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');
const MAX_PATHS = 50;

export const hasLoneSurrogate = (text: string): boolean => LONE_SURROGATE.test(text);

interface Step {
  key: string;
  parent: Step | undefined;
}

/** `a.0.b` as in zod issues; a key's own lone surrogates shown as U+FFFD so that the answer stays valid text. */
function pathOf(step: Step | undefined): string {
  const keys: string[] = [];
  for (let s = step; s; s = s.parent) keys.push(s.key.replace(LONE_SURROGATES, '\uFFFD'));
  return keys.reverse().join('.');
}

/**
 * Paths of every string value or object key of a parsed JSON body or query that holds a lone UTF-16 surrogate:
 * such text is not Unicode (PostgreSQL refuses it in JSON and would store U+FFFD in a text column).
 * Walks without recursion and without copying paths (a body may nest deeply); stops after MAX_PATHS findings.
 */
export function malformedTextPaths(value: unknown): string[] {
  const found: string[] = [];
  const pending: { value: unknown; at: Step | undefined }[] = [{ value, at: undefined }];
  for (let next = pending.pop(); next && found.length < MAX_PATHS; next = pending.pop()) {
    const { value: current, at } = next;
    if (typeof current === 'string') {
      if (hasLoneSurrogate(current)) found.push(pathOf(at));
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) pending.push({ value: current[i], at: { key: String(i), parent: at } });
    } else if (current !== null && typeof current === 'object') {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i];
        // A malformed key is reported as such; what it holds is not looked at.
        pending.push(hasLoneSurrogate(key) ? { value: key, at: { key, parent: at } } : { value: child, at: { key, parent: at } });
      }
    }
  }
  return found;
}
