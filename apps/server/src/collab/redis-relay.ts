import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

const CHANNEL = 'concerto:collab:updates';

/**
 * Shares durable updates between server processes through Redis pub/sub: the process that accepted an update
 * stores it, then publishes it; the others apply it to their copy (if loaded) and relay it to their clients.
 * After any Redis outage, `onResync` reloads every loaded document from the database, so no process and no
 * client stays behind.
 */
export class RedisRelay {
  private readonly logger = new Logger('RedisRelay');
  private readonly instance = randomBytes(8);
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private wasReady = false;
  private lost = false;

  constructor(
    url: string,
    private readonly onUpdate: (doc: string, update: Uint8Array) => void,
    private readonly onResync: () => void,
  ) {
    const options = { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: (n: number) => Math.min(100 * n, 2000) };
    this.publisher = new Redis(url, options);
    this.subscriber = new Redis(url, { ...options, enableOfflineQueue: true });
    for (const client of [this.publisher, this.subscriber]) {
      client.on('error', (error: Error) => this.logger.debug(`redis: ${error.message}`));
    }
    this.subscriber.on('close', () => {
      if (this.wasReady) this.lost = true;
    });
    this.subscriber.on('ready', () => {
      void this.subscriber.subscribe(CHANNEL).then(() => {
        if (this.lost) {
          this.lost = false;
          this.logger.warn('Redis is back: resyncing loaded documents from the database');
          this.onResync();
        }
        this.wasReady = true;
      });
    });
    this.subscriber.on('messageBuffer', (_channel: Buffer, message: Buffer) => this.receive(message));
  }

  publish(doc: string, update: Uint8Array): void {
    const encoder = encoding.createEncoder();
    encoding.writeUint8Array(encoder, this.instance);
    encoding.writeVarString(encoder, doc);
    encoding.writeVarUint8Array(encoder, update);
    this.publisher.publish(CHANNEL, Buffer.from(encoding.toUint8Array(encoder))).catch(() => {
      this.lost = true; // the resync after reconnecting brings the other processes up to date
    });
  }

  async close(): Promise<void> {
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }

  private receive(message: Buffer): void {
    try {
      const decoder = decoding.createDecoder(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
      const instance = decoding.readUint8Array(decoder, 8);
      if (Buffer.compare(Buffer.from(instance), this.instance) === 0) return;
      const doc = decoding.readVarString(decoder);
      this.onUpdate(doc, decoding.readVarUint8Array(decoder));
    } catch (error) {
      this.logger.warn(`ignored a malformed relay message: ${String(error)}`);
    }
  }
}
