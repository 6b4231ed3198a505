import { GroupCommitQueue } from './group-commit.js';

describe('GroupCommitQueue', () => {
  it('writes entries that arrive during a write together in the next batch', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    let first = true;
    const queue = new GroupCommitQueue<number>(async (items) => {
      batches.push(items);
      if (first) {
        first = false;
        await new Promise<void>((r) => (release = r));
      }
    });
    const a = queue.append(1);
    await new Promise((r) => setTimeout(r, 5));
    const rest = [2, 3, 4].map((n) => queue.append(n));
    release();
    await Promise.all([a, ...rest]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('settles an entry only after its write has finished', async () => {
    let committed = false;
    const queue = new GroupCommitQueue<string>(async () => {
      await new Promise((r) => setTimeout(r, 20));
      committed = true;
    });
    await queue.append('x');
    expect(committed).toBe(true);
  });

  it('rejects every entry of a batch whose write keeps failing, then goes on', async () => {
    let calls = 0;
    const queue = new GroupCommitQueue<string>(
      async (items) => {
        calls++;
        if (items.includes('bad')) throw new Error('disk full');
      },
      { maxBatch: 100, delayMs: 1, retries: 1 },
    );
    await expect(queue.append('bad')).rejects.toThrow('disk full');
    expect(calls).toBe(2);
    await expect(queue.append('good')).resolves.toBeUndefined();
  });

  it('resolves a barrier once earlier entries are settled', async () => {
    const written: string[] = [];
    const queue = new GroupCommitQueue<string>(async (items) => {
      await new Promise((r) => setTimeout(r, 10));
      written.push(...items);
    });
    void queue.append('a');
    void queue.append('b');
    await queue.barrier();
    expect(written).toEqual(['a', 'b']);
    await expect(queue.barrier()).resolves.toBeUndefined();
  });
});
