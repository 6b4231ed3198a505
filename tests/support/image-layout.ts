import { cpSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** One `COPY --from=build /app/<source> <target>` line of the image's final stage. */
export interface ImageCopy {
  /** Paths in the build stage, relative to its /app (the repository with its builds done). */
  sources: string[];
  /** Where they land in the image, relative to its WORKDIR. */
  target: string;
}

/** The final stage of a multi-stage Dockerfile: its COPY lines from the build stage, its WORKDIR, its ENV and CMD. */
export interface FinalStage {
  copies: ImageCopy[];
  workdir: string;
  env: Record<string, string>;
  command: string[];
}

export function readFinalStage(dockerfile: string): FinalStage {
  const lines = dockerfile.replace(/\\\n/g, ' ').split('\n');
  const start = lines.map((line, index) => (/^FROM\s/i.test(line) ? index : -1)).filter((index) => index >= 0);
  const stage = lines.slice(start[start.length - 1] + 1);
  const copies: ImageCopy[] = [];
  const env: Record<string, string> = {};
  let workdir = '/';
  let command: string[] = [];
  for (const line of stage) {
    const words = line.trim().split(/\s+/);
    const instruction = words[0]?.toUpperCase();
    if (instruction === 'WORKDIR') workdir = words[1];
    if (instruction === 'ENV') for (const pair of words.slice(1)) env[pair.split('=')[0]] = pair.slice(pair.indexOf('=') + 1);
    if (instruction === 'CMD') command = JSON.parse(line.trim().slice(3).trim()) as string[];
    if (instruction !== 'COPY') continue;
    const args = words.slice(1);
    if (!args[0]?.startsWith('--from=')) throw new Error(`a COPY of the final stage that does not come from the build stage: ${line}`);
    const paths = args.slice(1);
    const target = paths.pop()!;
    copies.push({ sources: paths.map((path) => path.replace(/^\/app\/?/, '')), target });
  }
  return { copies, workdir, env, command };
}

/**
 * Rebuilds the image's file set in a fresh folder from the repository (whose builds are done): each COPY of the final
 * stage, and `node_modules` as the build stage leaves it after `npm prune --omit=dev` (the lockfile's dev packages
 * removed; files hard-linked where the file system allows it, copied otherwise). Returns the folder.
 */
export function assembleImage(root: string, stage: FinalStage): string {
  const folder = join(tmpdir(), `concerto-image-${process.pid}-${Date.now()}`);
  mkdirSync(folder, { recursive: true });
  for (const copy of stage.copies) {
    const toDirectory = copy.sources.length > 1 || copy.target.endsWith('/');
    for (const source of copy.sources) {
      const from = join(root, source);
      if (!existsSync(from)) throw new Error(`the image copies ${source}, which the build does not produce`);
      const to = toDirectory ? join(folder, copy.target, source.split('/').pop()!) : join(folder, copy.target);
      if (source === 'node_modules') productionModules(root, to);
      else cpSync(from, to, { recursive: true });
    }
  }
  return folder;
}

/** node_modules without the packages the lockfile marks as dev-only, as `npm prune --omit=dev` leaves it. */
function productionModules(root: string, to: string): void {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  const dev = new Set(
    Object.entries(lock.packages)
      .filter(([path, entry]) => path.startsWith('node_modules/') && entry.dev)
      .map(([path]) => path),
  );
  linkTree(root, 'node_modules', to, dev);
}

function linkTree(root: string, relative: string, to: string, skip: Set<string>): void {
  if (skip.has(relative)) return;
  const from = join(root, relative);
  const stat = statSync(from, { throwIfNoEntry: false });
  if (!stat) return;
  if (!stat.isDirectory() || relative.startsWith('node_modules/.bin')) {
    mkdirSync(dirname(to), { recursive: true });
    cpSync(from, to, { recursive: true, verbatimSymlinks: true });
    return;
  }
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const child = `${relative}/${entry.name}`;
    if (entry.isSymbolicLink()) cpSync(join(root, child), join(to, entry.name), { verbatimSymlinks: true });
    else if (entry.isDirectory()) linkTree(root, child, join(to, entry.name), skip);
    else if (!skip.has(child)) hardLinkOrCopy(join(root, child), join(to, entry.name));
  }
}

function hardLinkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    cpSync(from, to);
  }
}

export function removeImage(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}
