import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findProjectRoot, freePort } from '@concerto/server/testing';

export interface ServerProcess {
  url: string;
  output: () => string;
  /** Graceful stop (SIGTERM), as Ctrl-C would. */
  stop(): Promise<void>;
  child: ChildProcess;
}

/**
 * The node flags `npm start` gives the server: its script ends with `node <flags> apps/server/dist/main.js` (read from
 * `root`'s package.json, so an earlier checkout runs with its own). The image's CMD gives the same flags
 * (tests/e2e/docker-layout.e2e-spec.ts), so tests and benchmarks run the server as production does.
 */
export function serverNodeFlags(root = findProjectRoot()): string[] {
  const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: { start?: string } };
  const start = packageJson.scripts?.start ?? '';
  const command = /(?:^|&&\s*)node((?:\s+--\S+)*)\s+apps\/server\/dist\/main\.js\s*$/.exec(start);
  if (!command) throw new Error(`the start script of ${root}/package.json does not end with node … apps/server/dist/main.js: ${start}`);
  return command[1].split(/\s+/).filter(Boolean);
}

/**
 * Starts the built server exactly as `npm start` does (node, the flags of the start script, apps/server/dist/main.js)
 * and waits until it is ready; `root` runs it from another folder holding the same layout (the image's file set).
 * `nodeArgs` come after the start script's flags (a later V8 flag wins: a benchmark can try another value).
 */
export async function startServerProcess(
  env: Record<string, string | undefined>,
  options: { root?: string; /** e.g. `['taskset', '-c', '1']` (the benchmark pins the server to one core) */ wrap?: string[]; nodeArgs?: string[] } = {},
): Promise<ServerProcess> {
  const root = options.root ?? findProjectRoot();
  const main = join(root, 'apps/server/dist/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build the server first (nx run server:build)`);
  const port = await freePort();
  const childEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env })) {
    if (value !== undefined) childEnv[key] = value;
  }
  const [command, ...args] = [...(options.wrap ?? []), process.execPath, ...serverNodeFlags(root), ...(options.nodeArgs ?? []), main];
  const child = spawn(command, args, { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server not ready after 60 s:\n${output}`)), 60_000);
    const check = () => {
      if (output.includes('Concerto est prêt')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
