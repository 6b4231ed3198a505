import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { findProjectRoot } from './app-config.js';

/**
 * Reads `.env` at the project root when there is one (see `.env.example`): its variables fill in what the environment
 * does not already set (the environment wins). Returns the file read, if any.
 */
export function loadDotEnv(root = findProjectRoot(), env: NodeJS.ProcessEnv = process.env): string | undefined {
  const file = join(root, '.env');
  if (!existsSync(file)) return undefined;
  for (const [key, value] of Object.entries(parseEnv(readFileSync(file, 'utf8')))) {
    if (env[key] === undefined) env[key] = value;
  }
  return file;
}
