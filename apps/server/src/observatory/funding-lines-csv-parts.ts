import { promisify } from 'node:util';
import { gzip, gzipSync } from 'node:zlib';
import type { ObservatoryQuery } from '@concerto/domain';
import { ObservatoryCache } from './observatory-cache.js';
import type { ChangeSource, ObservatoryChange } from './observatory-facts.repository.js';
import { FUNDING_LINES_CSV_HEAD, fundingLinesCsvRows, type OpenFundingLine } from './observatory-export.js';
import type { ScopeRow } from './observatory-figures.js';
import type { ObservatoryRepository } from './observatory.repository.js';

/**
 * One part of the open lines' file: the spaces of a scope whose poles bear one name (one space, nearly always). The
 * file is sorted by pole name first, so it is its parts in the order of their name, each sorted within.
 */
export interface FundingLinesPart {
  /** The part's spaces, sorted and joined: the same spaces make the same part whoever reads them. */
  key: string;
  spaceIds: string[];
  poleIds: string[];
}

/** Each line keeps the level it was recorded at: a change of an organisation's level leaves the lines be, not its name. */
export const FUNDING_LINES_SOURCES: ChangeSource[] = ['projects', 'pole', 'names'];

/** Parts kept (one per space and set of line filters in use). */
const MAX_PARTS = 50_000;
/** Members per chunk of a file sent (a few hundred KiB): a download is a few large writes, not one per part. */
const CHUNK_MEMBERS = 400;
/** Callers' last files kept for their chunks. */
const MAX_LAST_FILES = 64;

const gzipText = promisify((text: string, done: (error: Error | null, result: Buffer) => void) => gzip(text, done));

/** The line filters: what a part's content depends on beside its spaces (the others choose the spaces). */
const lineFiltersOf = ({ from, to, level, statuses, projectStage }: ObservatoryQuery): ObservatoryQuery => ({ from, to, level, statuses, projectStage });

/** The scope's parts in the order of the file, from its poles sorted by name in PostgreSQL (the file's own order). */
export function fundingLinesLayout(scope: ScopeRow[], polesByName: { id: string; name: string }[]): FundingLinesPart[] {
  const spacesOfPole = new Map<string, string[]>();
  for (const { spaceId, poleId } of scope) spacesOfPole.set(poleId, [...(spacesOfPole.get(poleId) ?? []), spaceId]);
  const parts: { name: string; poleIds: string[] }[] = [];
  for (const pole of polesByName) {
    const last = parts.at(-1);
    if (last && last.name === pole.name) last.poleIds.push(pole.id);
    else parts.push({ name: pole.name, poleIds: [pole.id] });
  }
  return parts.map(({ poleIds }) => {
    const spaceIds = [...new Set(poleIds.flatMap((id) => spacesOfPole.get(id) ?? []))].sort();
    return { key: spaceIds.join(','), spaceIds, poleIds };
  });
}

/** A file's members and the chunks they were joined in. */
export interface ChunkedFile {
  members: Buffer[];
  chunks: Buffer[];
  perChunk: number;
}

/**
 * The members end to end in chunks of `perChunk` members (the last one shorter); a chunk made of the same members
 * (identity) as the same chunk of `last` is taken from it rather than copied again.
 */
export function chunkMembers(members: Buffer[], last: ChunkedFile | undefined, perChunk: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let start = 0, chunk = 0; start < members.length; start += perChunk, chunk += 1) {
    const end = Math.min(start + perChunk, members.length);
    // The same chunk of the last file covered [start, min(start + perChunk, its length)): the same span when…
    const sameSpan = last !== undefined && last.perChunk === perChunk && chunk < last.chunks.length && Math.min(start + perChunk, last.members.length) === end;
    const reused = sameSpan && members.slice(start, end).every((member, i) => member === last.members[start + i]);
    chunks.push(reused ? last.chunks[chunk] : Buffer.concat(members.slice(start, end)));
  }
  return chunks;
}

/**
 * The open funding lines as a CSV file kept in parts, each gzip-compressed on its own and kept until a change
 * touches its poles: a write in one space makes that space's part again, not the file. The file is the compressed
 * head (byte order mark and header line) followed by the parts, a valid gzip stream of several members whose text is
 * exactly `fundingLinesCsv` of every line (same rows, same order). Parts are shared by every caller whose scope holds
 * their spaces (their content depends on the spaces and the line filters only); which spaces a caller reads is decided
 * by the access policy before (the layout comes from their scope), and the lines are read through it again.
 */
export class FundingLinesCsvParts {
  private readonly parts = new ObservatoryCache(MAX_PARTS);
  private readonly head = gzipSync(FUNDING_LINES_CSV_HEAD);
  private readonly sources = new Set(FUNDING_LINES_SOURCES);
  /** Each layout's part keys per set of line filters (strings made once, their hash kept). */
  private readonly keys = new WeakMap<FundingLinesPart[], Map<string, string[]>>();
  /** Each caller's last file (per set of line filters), whose unchanged chunks the next one reuses. */
  private readonly lastFiles = new Map<string, ChunkedFile>();

  constructor(private readonly observatory: ObservatoryRepository) {}

  /** Forgets the parts the changes touch. */
  apply(changes: ObservatoryChange[]): void {
    this.parts.apply(changes);
  }

  /**
   * The file as its gzip members in order (empty parts left out), in chunks of about CHUNK_MEMBERS members; the
   * missing parts are read in one statement. A chunk whose members are those of the caller's last file is reused.
   */
  async file(accountId: string, query: ObservatoryQuery, layout: FundingLinesPart[]): Promise<Buffer[]> {
    const lineFilters = lineFiltersOf(query);
    const filtersKey = JSON.stringify(Object.entries(lineFilters).filter(([, v]) => v !== undefined));
    const members = await this.members(accountId, lineFilters, filtersKey, layout);
    const fileKey = `${accountId}|${filtersKey}`;
    const chunks = chunkMembers(members, this.lastFiles.get(fileKey), CHUNK_MEMBERS);
    this.lastFiles.delete(fileKey);
    this.lastFiles.set(fileKey, { members, chunks, perChunk: CHUNK_MEMBERS });
    if (this.lastFiles.size > MAX_LAST_FILES) this.lastFiles.delete(this.lastFiles.keys().next().value as string);
    return chunks;
  }

  /** The head and the parts' gzip members in order, empty parts left out. */
  private async members(accountId: string, lineFilters: ObservatoryQuery, filtersKey: string, layout: FundingLinesPart[]): Promise<Buffer[]> {
    let keysOf = this.keys.get(layout);
    if (!keysOf) this.keys.set(layout, (keysOf = new Map()));
    let keys = keysOf.get(filtersKey);
    if (!keys) keysOf.set(filtersKey, (keys = layout.map((part) => `${filtersKey}|${part.key}`)));
    const missing: FundingLinesPart[] = [];
    let release!: (parts: Map<string, Buffer>) => void;
    let fail!: (error: unknown) => void;
    const batch = new Promise<Map<string, Buffer>>((resolve, reject) => {
      release = resolve;
      fail = reject;
    });
    // Kept parts are taken at once (thousands of them); a missing part's computation starts synchronously within
    // `get`: the loop collects them all before the batch runs.
    const members = layout.map((part, i) => {
      const key = keys[i];
      return (
        this.parts.peek<Buffer>(key) ??
        this.parts.get(key, async () => {
          missing.push(part);
          return {
            value: (await batch).get(part.key) ?? Buffer.alloc(0),
            dependencies: { accountId: '', poles: new Set(part.poleIds), poleFiltered: false, sources: this.sources },
          };
        })
      );
    });
    if (missing.length === 0) release(new Map());
    else this.compute(accountId, lineFilters, missing).then(release, fail);
    // Parts being computed for another reader are waited for as well.
    const waited = members.every((member) => Buffer.isBuffer(member)) ? (members as Buffer[]) : await Promise.all(members);
    return [this.head, ...waited.filter((member) => member.length > 0)];
  }

  private async compute(accountId: string, lineFilters: ObservatoryQuery, missing: FundingLinesPart[]): Promise<Map<string, Buffer>> {
    const spaceIds = missing.flatMap((part) => part.spaceIds);
    const lines = await this.observatory.openFundingLinesWithSpace(accountId, { ...lineFilters, spaceIds });
    const partOfSpace = new Map(missing.flatMap((part) => part.spaceIds.map((spaceId) => [spaceId, part.key] as const)));
    const linesOfPart = new Map<string, OpenFundingLine[]>();
    for (const line of lines) {
      const key = partOfSpace.get(line.spaceId) as string;
      const partLines = linesOfPart.get(key);
      if (partLines) partLines.push(line);
      else linesOfPart.set(key, [line]);
    }
    const compressed = await Promise.all([...linesOfPart].map(async ([key, partLines]) => [key, await gzipText(fundingLinesCsvRows(partLines))] as const));
    return new Map(compressed);
  }
}
