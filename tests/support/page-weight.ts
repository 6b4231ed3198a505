import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One module of Vite's build manifest (`dist/.vite/manifest.json`). */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** The budget of the first pages (sign-in, then the spaces list), in bytes of gzip-compressed JavaScript. */
export const FIRST_PAGE_BUDGET = 200_000;

/**
 * Pages by the modules the router loads for them (`apps/web/src/app/router.tsx`): what a page needs beyond the entry
 * is the static closure of these. Signed-in pages also open the /events socket (loaded once signed in); a space's
 * pages, a live session's and the observatory also load the French strings of their areas.
 */
const EVENTS = 'src/api/events-connection.ts';
/** The French strings of the areas past the spaces list (loaded by the router with those pages). */
const AREA_STRINGS = 'src/app/ui-strings-areas.ts';
const SPACE = ['src/app/space-routes.ts', AREA_STRINGS, EVENTS];

export const PAGES: readonly { name: string; modules: readonly string[] }[] = [
  { name: 'sign-in (first page)', modules: ['src/features/auth/sign-in-page.tsx'] },
  { name: 'sign-up', modules: ['src/features/auth/sign-up-page.tsx'] },
  { name: 'invitation', modules: ['src/features/invitations/invitation-page.tsx'] },
  { name: 'spaces list', modules: ['src/features/spaces/spaces-page.tsx', EVENTS] },
  { name: 'profile', modules: ['src/features/auth/profile-page.tsx', EVENTS] },
  { name: 'space: pole profile, members, invitations', modules: SPACE },
  { name: 'space: diagnostic', modules: [...SPACE, 'src/features/diagnostic/diagnostic-routes.ts'] },
  { name: 'space: projects', modules: [...SPACE, 'src/features/projects/projects-routes.ts'] },
  { name: 'space: sessions', modules: [...SPACE, 'src/features/sessions/sessions-routes.ts'] },
  { name: 'space: guide', modules: [...SPACE, 'src/features/guide/guide-routes.ts'] },
  { name: 'live session', modules: ['src/features/sessions/sessions-routes.ts', AREA_STRINGS, EVENTS] },
  { name: 'observatory', modules: ['src/features/observatory/observatory-page.tsx', AREA_STRINGS, EVENTS] },
  { name: 'notifications', modules: ['src/features/notifications/notifications-page.tsx', AREA_STRINGS, EVENTS] },
  { name: 'notification preferences', modules: ['src/features/notifications/notification-preferences-page.tsx', AREA_STRINGS, EVENTS] },
];

export interface PageWeight {
  name: string;
  /** Gzip bytes of JavaScript the page adds to the entry. */
  addedBytes: number;
  /** Gzip bytes of all the JavaScript the page loads (entry included). */
  totalBytes: number;
  /** The files it loads. */
  files: string[];
}

export interface BuildWeights {
  entry: PageWeight;
  pages: PageWeight[];
}

/** Reads the built web app (`apps/web/dist`) and weighs each page's JavaScript, gzip-compressed (level 9). */
export function weighPages(webDist: string): BuildWeights {
  const manifestFile = join(webDist, '.vite/manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`no build manifest at ${manifestFile}: build the web app first (npx nx run web:build)`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  const gzipped = new Map<string, number>();
  const weight = (file: string) => {
    if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(join(webDist, file)), { level: 9 }).length);
    return gzipped.get(file)!;
  };
  const closure = (keys: readonly string[]): Set<string> => {
    const seen = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk) throw new Error(`the build manifest has no module ${key} (was it renamed? update tests/support/page-weight.ts)`);
      if (seen.has(chunk.file)) return;
      seen.add(chunk.file);
      for (const imported of chunk.imports ?? []) visit(imported);
    };
    keys.forEach(visit);
    return seen;
  };
  const entryKeys = Object.entries(manifest)
    .filter(([, chunk]) => chunk.isEntry)
    .map(([key]) => key);
  const entryFiles = closure(entryKeys);
  // The entry's files are those index.html loads (its script and modulepreloads): check they agree.
  const html = readFileSync(join(webDist, 'index.html'), 'utf8');
  const loaded = new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]));
  if ([...loaded].sort().join() !== [...entryFiles].sort().join()) throw new Error('index.html loads other scripts than the manifest says');
  const sum = (files: Iterable<string>) => [...files].reduce((total, file) => total + weight(file), 0);
  const entryBytes = sum(entryFiles);
  const entry: PageWeight = { name: 'entry (every page)', addedBytes: entryBytes, totalBytes: entryBytes, files: [...entryFiles] };
  const pages = PAGES.map(({ name, modules }) => {
    const added = [...closure(modules)].filter((file) => !entryFiles.has(file));
    return { name, addedBytes: sum(added), totalBytes: entryBytes + sum(added), files: [...entryFiles, ...added] };
  });
  return { entry, pages };
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1);

/** The weights as a Markdown table (kB = 1 000 bytes, gzip level 9). */
export function weightsTable({ entry, pages }: BuildWeights): string {
  const rows = [entry, ...pages].map((page) => `| ${page.name} | ${kb(page.addedBytes)} | ${kb(page.totalBytes)} |`);
  return ['| page | JavaScript it adds, kB gzip | in all, kB gzip |', '| --- | --- | --- |', ...rows].join('\n');
}
