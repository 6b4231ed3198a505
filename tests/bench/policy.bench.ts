import { cpus } from 'node:os';
import * as Y from 'yjs';
import { CollabErrorCode, DIAGNOSTIC_SECTIONS, type DocumentRef, RICH_TEXT_MARKS, RICH_TEXT_NODES, isSafeHref, sectionContentKey } from '@concerto/collab';
import type { SpaceRole } from '@concerto/domain';
import { type InsertionShape, checkUpdate, paragraph, policyRefs, replica, serverDoc, unmergedInsertions } from '@concerto/server/testing';
import { writeResults } from './performance-doc.js';
import { markdownTable, round } from './stats.js';

const SIZES = [1000, 4000, 16_000];
/** The previous policy is measured at this size only: it is cubic (4,000 structs took about 70 s). */
const BEFORE_SIZE = 1000;
const SHAPES: InsertionShape[] = ['keystrokes', 'reverse', 'random'];
const RUNS = Number(process.env.BENCH_POLICY_RUNS ?? 7);
const SECTION = sectionContentKey('grid-territory');

/**
 * The update a contributor sends, `size` one-character insertions into a section's paragraph (each its own struct),
 * and a server document that has the paragraph: what CollabService.message checks then applies.
 */
function scenario(size: number, shape: InsertionShape): { server: () => Y.Doc; update: Uint8Array } {
  const base = serverDoc();
  const client = replica(base);
  client.transact(() => client.getXmlFragment(SECTION).insert(0, [paragraph('')]));
  Y.applyUpdate(base, Y.encodeStateAsUpdate(client));
  const state = Y.encodeStateAsUpdate(base);
  const text = (client.getXmlFragment(SECTION).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const update = unmergedInsertions(client, text, size, shape);
  return {
    update,
    server: () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      return doc;
    },
  };
}

type Check = (doc: Y.Doc, ref: DocumentRef, update: Uint8Array, role: SpaceRole) => CollabErrorCode | undefined;

/** Median over RUNS of checking (and, with `apply`, then applying) on a fresh copy of the server document. */
function measure(check: Check, s: ReturnType<typeof scenario>, apply: boolean, runs = RUNS): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const doc = s.server();
    const started = performance.now();
    const violation = check(doc, policyRefs.diagnostic, s.update, 'contributeur');
    if (apply) Y.applyUpdate(doc, s.update);
    samples.push(performance.now() - started);
    expect(violation).toBeUndefined();
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

/**
 * The time to check, and to check then apply, one update of 1k, 4k and 16k unmerged structs, in three shapes, with
 * the policy of a contributor in a diagnostic (sections guarded: the previous policy's worst path). The previous
 * policy (`checkUpdateBefore`, copied below) is measured at 1k only.
 */
describe('document policy benchmark', () => {
  it('measures', () => {
    const rows: (string | number)[][] = [];
    const warmUp = scenario(4000, 'random');
    for (let i = 0; i < 5; i++) measure(checkUpdate, warmUp, true, 1);
    for (const shape of SHAPES) {
      for (const size of SIZES) {
        const s = scenario(size, shape);
        measure(checkUpdate, s, true, 1); // warm-up
        const check = measure(checkUpdate, s, false);
        const checkApply = measure(checkUpdate, s, true);
        const applyOnly = measure(() => undefined, s, true);
        const before = size === BEFORE_SIZE ? [measure(checkUpdateBefore, s, false, 3), measure(checkUpdateBefore, s, true, 3)] : ['', ''];
        rows.push([
          shape,
          size.toLocaleString('en'),
          round(s.update.byteLength / 1024),
          round(check),
          round(checkApply),
          round(applyOnly),
          ...before.map((v) => (typeof v === 'number' ? round(v) : v)),
        ]);
      }
    }
    const table = markdownTable(
      ['shape', 'structs', 'update KiB', 'check ms', 'check + apply ms', 'apply alone ms', 'previous policy: check ms', 'previous: check + apply ms'],
      rows,
    );
    const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}`;
    process.stdout.write(`\nDocument policy benchmark — ${machine}\n${table}\n`);
    writeResults('policy', `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}; median of ${RUNS} runs (previous policy: 3).\n\n${table}`);
  });
});

// The policy as it was before (commit 1669f8a), kept here only to compare: linear lookups per struct and a walk
// of the origin chain per struct.
const NODES = new Set<string>(RICH_TEXT_NODES);
const MARKS = new Set<string>(RICH_TEXT_MARKS);
type Struct = Y.Item | Y.GC | { id: Y.ID; length: number };

function lookup(doc: Y.Doc, own: Map<number, Struct[]>, id: Y.ID): Y.Item | undefined {
  const found = own.get(id.client)?.find((s) => s.id.clock <= id.clock && id.clock < s.id.clock + s.length);
  if (found) return found instanceof Y.Item ? found : undefined;
  if (id.clock >= Y.getState(doc.store, id.client)) return undefined;
  const item = Y.getItem(doc.store, id);
  return item instanceof Y.Item ? item : undefined;
}

function topLevelName(doc: Y.Doc, own: Map<number, Struct[]>, start: Y.Item): string | undefined {
  let item: Y.Item | undefined = start;
  for (let steps = 0; item && steps < 10_000; steps += 1) {
    const parent = item.parent as unknown;
    if (typeof parent === 'string') return parent;
    if (parent instanceof Y.AbstractType) {
      if (parent._item === null) return Y.findRootTypeKey(parent);
      item = parent._item;
    } else if (parent && typeof parent === 'object' && 'client' in parent) {
      item = lookup(doc, own, parent as Y.ID);
    } else {
      const sibling = item.origin ?? item.rightOrigin;
      item = sibling ? lookup(doc, own, sibling) : undefined;
    }
  }
  return undefined;
}

function contentViolation(item: Y.Item): CollabErrorCode | undefined {
  const content = item.content;
  if (content instanceof Y.ContentType && content.type instanceof Y.XmlElement && !NODES.has(content.type.nodeName)) return CollabErrorCode.invalidContent;
  if (content instanceof Y.ContentFormat) {
    if (!MARKS.has(content.key)) return CollabErrorCode.invalidContent;
    const value = content.value as { href?: unknown } | null;
    if (content.key === 'link' && value !== null && !isSafeHref(value?.href)) return CollabErrorCode.invalidContent;
  }
  if (content instanceof Y.ContentEmbed) return CollabErrorCode.invalidContent;
  return undefined;
}

function checkUpdateBefore(doc: Y.Doc, ref: DocumentRef, update: Uint8Array, role: SpaceRole): CollabErrorCode | undefined {
  const { structs, ds } = Y.decodeUpdate(update) as unknown as { structs: Struct[]; ds: { clients: Map<number, { clock: number; len: number }[]> } };
  const own = new Map<number, Struct[]>();
  for (const struct of structs) own.set(struct.id.client, [...(own.get(struct.id.client) ?? []), struct]);
  const guardSections = ref.kind === 'diagnostic' && role !== 'animateur';
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const violation = contentViolation(struct);
    if (violation) return violation;
    if (guardSections && topLevelName(doc, own, struct) === DIAGNOSTIC_SECTIONS) return CollabErrorCode.notAllowed;
  }
  if (guardSections) {
    for (const [client, ranges] of ds.clients) {
      for (const { clock, len } of ranges) {
        for (let at = clock; at < clock + len;) {
          const item = lookup(doc, own, Y.createID(client, at));
          if (!item) break;
          if (topLevelName(doc, own, item) === DIAGNOSTIC_SECTIONS) return CollabErrorCode.notAllowed;
          at = item.id.clock + item.length;
        }
      }
    }
  }
  return undefined;
}
