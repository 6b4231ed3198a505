export interface DiffRun {
  op: 'same' | 'added' | 'removed';
  text: string;
}

const tokens = (text: string): string[] => text.match(/\s+|[^\s]+/g) ?? [];

/** Past this many token pairs the comparison works on lines instead of words (bounded time and memory). */
const MAX_CELLS = 4_000_000;

function lcsRuns(a: string[], b: string[]): DiffRun[] {
  const n = a.length;
  const m = b.length;
  // Common prefix and suffix cost nothing.
  let start = 0;
  while (start < n && start < m && a[start] === b[start]) start += 1;
  let end = 0;
  while (end < n - start && end < m - start && a[n - 1 - end] === b[m - 1 - end]) end += 1;
  const aMid = a.slice(start, n - end);
  const bMid = b.slice(start, m - end);
  const rows = aMid.length;
  const cols = bMid.length;
  const table = new Uint32Array((rows + 1) * (cols + 1));
  for (let i = rows - 1; i >= 0; i -= 1) {
    for (let j = cols - 1; j >= 0; j -= 1) {
      table[i * (cols + 1) + j] =
        aMid[i] === bMid[j] ? table[(i + 1) * (cols + 1) + j + 1] + 1 : Math.max(table[(i + 1) * (cols + 1) + j], table[i * (cols + 1) + j + 1]);
    }
  }
  const runs: DiffRun[] = [];
  const push = (op: DiffRun['op'], text: string) => {
    const last = runs[runs.length - 1];
    if (last?.op === op) last.text += text;
    else runs.push({ op, text });
  };
  a.slice(0, start).forEach((t) => push('same', t));
  let i = 0;
  let j = 0;
  while (i < rows && j < cols) {
    if (aMid[i] === bMid[j]) {
      push('same', aMid[i]);
      i += 1;
      j += 1;
    } else if (table[(i + 1) * (cols + 1) + j] >= table[i * (cols + 1) + j + 1]) {
      push('removed', aMid[i++]);
    } else {
      push('added', bMid[j++]);
    }
  }
  while (i < rows) push('removed', aMid[i++]);
  while (j < cols) push('added', bMid[j++]);
  a.slice(n - end).forEach((t) => push('same', t));
  return runs;
}

/** What was removed from `before` and added in `after`, word by word (line by line for very long texts). */
export function wordDiff(before: string, after: string): DiffRun[] {
  let a = tokens(before);
  let b = tokens(after);
  if (a.length * b.length > MAX_CELLS) {
    a = before.split(/(?<=\n)/);
    b = after.split(/(?<=\n)/);
  }
  return lcsRuns(a, b);
}
