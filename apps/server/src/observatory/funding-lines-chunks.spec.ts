import { chunkMembers, type ChunkedFile } from './funding-lines-csv-parts.js';

/** Random member lists changed step by step (a part made again, added, removed), chunked with the last file's chunks. */
describe('chunks of the open lines file', () => {
  let seed = 11;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const member = (text: string) => Buffer.from(text);

  it('holds the members end to end and reuses exactly the chunks whose members did not change', () => {
    let members = Array.from({ length: 23 }, (_, i) => member(`part ${i};`));
    let last: ChunkedFile | undefined;
    let remade = -1;
    for (let step = 0; step < 240; step += 1) {
      const perChunk = 1 + (Math.floor(step / 20) % 6);
      const chunks = chunkMembers(members, last, perChunk);
      expect(Buffer.concat(chunks).toString()).toBe(Buffer.concat(members).toString());
      expect(chunks.length).toBe(Math.ceil(members.length / perChunk));
      chunks.forEach((chunk, i) => {
        const span = members.slice(i * perChunk, (i + 1) * perChunk);
        expect(chunk.length).toBe(span.reduce((n, m) => n + m.length, 0));
        const reused = last !== undefined && chunk === last.chunks[i];
        // Taken from the last file only over the same members; after one member remade (same size of chunks), every
        // other chunk is taken from it.
        if (reused) expect(span.every((m, j) => m === last!.members[i * perChunk + j])).toBe(true);
        if (remade >= 0 && step % 20 !== 0) expect(reused).toBe(Math.floor(remade / perChunk) !== i);
      });
      last = { members, chunks, perChunk };
      members = [...members];
      const at = Math.floor(random() * members.length);
      const change = random();
      remade = -1;
      if (change < 0.5) members[(remade = at)] = member(`remade ${step};`);
      else if (change < 0.75) members.splice(at, 0, member(`added ${step};`));
      else if (members.length > 1) members.splice(at, 1);
    }
  });
});
