import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Piscina } from 'piscina';
import { ApiException } from '../../common/api-exception.js';
import { APP_CONFIG, type AppConfig, findProjectRoot } from '../../config/app-config.js';
import type { GuideExportTask } from './export-worker.js';

export type { GuideExportTask } from './export-worker.js';

export interface GuideExportPoolOptions {
  /** Worker threads rendering at the same time. */
  threads: number;
  /** Exports waiting for a thread; one more is refused with 503 `export_busy`. */
  maxQueue: number;
  /** An export running (or waiting) longer is stopped — its thread ended — and answered 503 `export_busy`. */
  taskTimeoutMs: number;
  /** A thread left without work this long ends: no thread lingers when nobody exports. */
  idleTimeoutMs: number;
  /** Total size of the frozen versions' files kept in memory. */
  cacheBytes: number;
}

/** Where the worker module is, and how a thread loads it; null when there is no file a thread can load. */
export interface ExportWorkerFile {
  filename: string;
  execArgv: string[];
}

/**
 * The worker module next to this file: the compiled `export-worker.js` (apps/server/dist, the Docker image); else,
 * when the server runs from its TypeScript sources (jest), `export-worker.ts` with the test hooks that compile it
 * (apps/server/testing/ts-worker-hooks.mjs, swc). Null when neither is there.
 */
export function exportWorkerFile(dir = dirname(fileURLToPath(import.meta.url))): ExportWorkerFile | null {
  const compiled = join(dir, 'export-worker.js');
  if (existsSync(compiled)) return { filename: pathToFileURL(compiled).href, execArgv: [] };
  const source = join(dir, 'export-worker.ts');
  const hooks = join(findProjectRoot(dir), 'apps/server/testing/ts-worker-hooks.mjs');
  if (existsSync(source) && existsSync(hooks)) return { filename: pathToFileURL(source).href, execArgv: ['--import', pathToFileURL(hooks).href] };
  return null;
}

export const exportPoolOptions = (config: AppConfig): GuideExportPoolOptions => ({
  threads: config.guideExport.threads,
  maxQueue: config.guideExport.maxQueue,
  taskTimeoutMs: config.guideExport.timeoutMs,
  idleTimeoutMs: 30_000,
  cacheBytes: 64 * 1024 * 1024,
});

const busy = () => new ApiException(503, 'export_busy');

/** Files of frozen versions, least recently used first out, bounded by their total size. */
class FrozenFiles {
  private readonly files = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): Buffer | undefined {
    const file = this.files.get(key);
    if (file) {
      this.files.delete(key);
      this.files.set(key, file);
    }
    return file;
  }

  set(key: string, file: Buffer): void {
    if (file.byteLength > this.maxBytes || this.files.has(key)) return;
    this.files.set(key, file);
    this.bytes += file.byteLength;
    for (const [oldest, old] of this.files) {
      if (this.bytes <= this.maxBytes) break;
      this.files.delete(oldest);
      this.bytes -= old.byteLength;
    }
  }
}

/**
 * The guide's DOCX and PDF exports, made in worker threads (piscina) so that a long render — pdfmake lays a 50 page
 * guide out in one synchronous run of 1–2 s — never stalls the event loop, i.e. everyone else's requests and
 * co-editing. Bounded: `threads` renders at a time, `maxQueue` waiting, each stopped after `taskTimeoutMs`; beyond,
 * 503 `export_busy`. A frozen version never changes, so its files are kept (LRU by total bytes): a published guide
 * downloaded by many is rendered once per format and language.
 */
@Injectable()
export class GuideExportPool implements OnApplicationShutdown {
  private readonly logger = new Logger('GuideExportPool');
  private readonly pool: Piscina<GuideExportTask, Uint8Array> | null;
  private readonly frozen: FrozenFiles;
  private readonly options: GuideExportPoolOptions;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.options = exportPoolOptions(config);
    this.frozen = new FrozenFiles(this.options.cacheBytes);
    const worker = exportWorkerFile();
    if (!worker) {
      this.logger.warn(
        'No export worker file next to export-pool (neither export-worker.js nor export-worker.ts): guide exports render IN-PROCESS, blocking the event loop',
      );
      this.pool = null;
      return;
    }
    this.pool = new Piscina({
      filename: worker.filename,
      execArgv: worker.execArgv,
      minThreads: 0,
      maxThreads: this.options.threads,
      idleTimeout: this.options.idleTimeoutMs,
      maxQueue: this.options.maxQueue,
    });
  }

  /**
   * The file's bytes. `versionId`: the frozen version the view is (its files are kept); omit it for a live guide.
   * Throws 503 `export_busy` when the queue is full or the render takes too long.
   */
  async render(task: GuideExportTask, versionId?: string): Promise<Buffer> {
    const key = versionId ? `${versionId}:${task.format}:${task.locale}` : null;
    const kept = key ? this.frozen.get(key) : undefined;
    if (kept) return kept;
    const body = await this.run(task);
    if (key) this.frozen.set(key, body);
    return body;
  }

  private async run(task: GuideExportTask): Promise<Buffer> {
    if (!this.pool) {
      const { default: renderGuideExport } = await import('./export-worker.js');
      return Buffer.from(await renderGuideExport(task));
    }
    if (this.pool.queueSize >= this.options.maxQueue) throw busy();
    try {
      const bytes = await this.pool.run(task, { signal: AbortSignal.timeout(this.options.taskTimeoutMs) });
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      if (error instanceof Error && (error.name === 'AbortError' || error.message === 'Task queue is at limit')) {
        if (error.name === 'AbortError') this.logger.warn(`A guide ${task.format.toUpperCase()} export took over ${this.options.taskTimeoutMs} ms: stopped`);
        throw busy();
      }
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.destroy();
  }
}
