import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { findProjectRoot } from '@concerto/server/testing';

/**
 * docker/ cannot run here (no Docker engine): its files are checked as data instead — a valid compose file
 * with the production layout, health checks everywhere, a proxy that forwards WebSocket upgrades and keeps a
 * client on one replica, and every variable it sets documented in the README's configuration table.
 */
describe('docker production layout', () => {
  const root = findProjectRoot();
  const compose = parse(readFileSync(join(root, 'docker/compose.yaml'), 'utf8'), { merge: true }) as {
    services: Record<
      string,
      { image?: string; build?: unknown; environment?: Record<string, string>; healthcheck?: { test: unknown }; depends_on?: unknown; ports?: string[] }
    >;
  };
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const nginx = readFileSync(join(root, 'docker/nginx.conf'), 'utf8');
  const dockerfile = readFileSync(join(root, 'docker/server.Dockerfile'), 'utf8');
  const documented = new Set([...readme.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]));

  it('runs PostgreSQL, Redis, two or more server replicas and a proxy, each with a health check', () => {
    const services = compose.services;
    expect(services.postgres.image).toMatch(/^postgres:/);
    expect(services.redis.image).toMatch(/^redis:/);
    const replicas = Object.entries(services).filter(([, s]) => s.build);
    expect(replicas.length).toBeGreaterThanOrEqual(2);
    for (const [, replica] of replicas) {
      expect(replica.environment?.DATABASE_URL).toMatch(/^postgres:\/\/.+@postgres:5432\//);
      expect(replica.environment?.REDIS_URL).toBe('redis://redis:6379');
      expect(replica.environment?.HOST).toBe('0.0.0.0');
    }
    for (const [name, service] of Object.entries(services)) expect([name, Boolean(service.healthcheck?.test)]).toEqual([name, true]);
    expect(services.proxy.ports?.length).toBeGreaterThan(0);
  });

  it('forwards WebSocket upgrades and keeps a client on one replica', () => {
    expect(nginx).toMatch(/proxy_set_header Upgrade \$http_upgrade/);
    expect(nginx).toMatch(/proxy_set_header Connection \$connection_upgrade/);
    expect(nginx).toMatch(/ip_hash;/);
    const replicas = Object.keys(compose.services).filter((n) => compose.services[n].build);
    for (const replica of replicas) expect(nginx).toContain(`server ${replica}:3000`);
  });

  it('documents in the README every variable the layout and the image set', () => {
    const used = new Set<string>();
    for (const service of Object.values(compose.services)) {
      if (service.build) for (const key of Object.keys(service.environment ?? {})) used.add(key);
    }
    const envLines = dockerfile.split('\n').filter((line) => line.startsWith('ENV '));
    for (const line of envLines) for (const m of line.matchAll(/\b([A-Z_]+)=/g)) if (m[1] !== 'NODE_ENV') used.add(m[1]);
    expect([...used].filter((key) => !documented.has(key))).toEqual([]);
  });

  it('documents in the README every variable the server reads', () => {
    const config = readFileSync(join(root, 'apps/server/src/config/app-config.ts'), 'utf8');
    const schema = config.slice(config.indexOf('const EnvSchema'), config.indexOf('export interface AppConfig'));
    const read = [...schema.matchAll(/^\s+([A-Z_]+):/gm)].map((m) => m[1]);
    expect(read.length).toBeGreaterThan(10);
    expect(read.filter((key) => !documented.has(key))).toEqual([]);
  });
});
