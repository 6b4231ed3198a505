import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProjectRoot } from './app-config.js';
import { loadDotEnv } from './dot-env.js';

describe('.env', () => {
  it('fills in what the environment does not set, and the environment wins', () => {
    const root = mkdtempSync(join(tmpdir(), 'concerto-dotenv-'));
    try {
      writeFileSync(join(root, '.env'), '# réglages\nPORT=4100\nPUBLIC_URL="https://concertation.exemple.fr"\nSEED_DEMO=false\n');
      const env: NodeJS.ProcessEnv = { PORT: '3000' };
      expect(loadDotEnv(root, env)).toBe(join(root, '.env'));
      expect(env).toEqual({ PORT: '3000', PUBLIC_URL: 'https://concertation.exemple.fr', SEED_DEMO: 'false' });
      expect(loadDotEnv(join(root, 'nowhere'), env)).toBeUndefined();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('.env.example lists every variable of the README’s configuration table', () => {
    const root = findProjectRoot();
    const documented = [...readFileSync(join(root, 'README.md'), 'utf8').matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    const example = new Set([...readFileSync(join(root, '.env.example'), 'utf8').matchAll(/^# ([A-Z_]+)=/gm)].map((m) => m[1]));
    expect(documented.length).toBeGreaterThan(20);
    expect(documented.filter((name) => !example.has(name))).toEqual([]);
  });
});
