import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { ResilientRedis, ThrottledWarning } from '../events/resilient-redis.js';
import { type RelayReceiver, UpdateRelay } from './update-relay.js';

const CHANNEL = 'concerto:collab:updates';

/** A message naming no document: "reload your loaded documents from the database", sent once publishing works again after a dropped update. */
const RESYNC_REQUEST = '';

/**
 * Shares durable updates between server processes through Redis pub/sub: the process that accepted an update
 * stores it, then publishes it; the others apply it to their copy (if loaded) and relay it to their clients.
 * After any Redis outage, the receiver's `resyncAll` reloads every loaded document from the database, so no process and no
 * client stays behind: this process's when its subscription is back, and the others' when this process could not
 * publish an update (it asks them to, once it can publish again).
 *
 * Redis being down never ends the process nor stops co-editing on it (updates are stored first): both clients
 * retry for ever with a capped backoff, and every command's rejection is handled (`ResilientRedis`).
 */
export class RedisRelay extends UpdateRelay {
  private readonly logger = new Logger('RedisRelay');
  private readonly dropped = new ThrottledWarning(this.logger);
  private readonly instance = randomBytes(8);
  private readonly publisher: ResilientRedis;
  private readonly subscriber: ResilientRedis;
  /** The subscription was down (an outage, or a start while Redis was unreachable): updates may have been missed. */
  private lost = false;
  /** An update could not be published: the other processes must reload once this one can publish again. */
  private unpublished = false;
  private receiver: RelayReceiver | undefined;
  /** A resync was due before anyone listened (Redis came back while the server was starting). */
  private resyncMissed = false;

  constructor(url: string) {
    super();
    const onFailure = (command: string, error: Error) => this.logger.debug(`redis ${command}: ${error.message}`);
    // Publishing is never queued (an update is published now or the others reload later); the subscription is
    // made on every 'ready' below, so the subscriber's queue holds nothing while Redis is away.
    this.publisher = new ResilientRedis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false }, onFailure);
    this.subscriber = new ResilientRedis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: true }, onFailure);
    for (const client of [this.publisher, this.subscriber]) {
      client.on('error', (error: Error) => this.logger.debug(`redis: ${error.message}`));
    }
    this.subscriber.on('close', () => {
      this.lost = true;
    });
    this.subscriber.on('ready', () => {
      this.subscriber
        .subscribe(CHANNEL)
        .then(() => {
          if (this.lost) {
            this.lost = false;
            this.logger.warn('Redis is back: resyncing loaded documents from the database');
            this.resync();
          }
        })
        // The connection dropped again before the subscription: the next 'ready' subscribes (and resyncs).
        .catch((error: Error) => this.logger.debug(`redis subscribe: ${error.message}`));
    });
    this.publisher.on('ready', () => {
      if (!this.unpublished) return;
      this.unpublished = false;
      this.send(RESYNC_REQUEST, new Uint8Array(0));
    });
    this.subscriber.on('messageBuffer', (_channel: Buffer, message: Buffer) => this.receive(message));
  }

  publish(doc: string, update: Uint8Array): void {
    this.send(doc, update);
  }

  listen(receiver: RelayReceiver): void {
    this.receiver = receiver;
    if (this.resyncMissed) this.resync();
  }

  private send(doc: string, update: Uint8Array): void {
    const encoder = encoding.createEncoder();
    encoding.writeUint8Array(encoder, this.instance);
    encoding.writeVarString(encoder, doc);
    encoding.writeVarUint8Array(encoder, update);
    this.publisher.publish(CHANNEL, Buffer.from(encoding.toUint8Array(encoder))).catch((error: Error) => {
      // The update is stored: the other processes reload it from the database once this one can publish again.
      this.unpublished = true;
      this.dropped.warn(`Redis unavailable: other server processes will reload the documents changed meanwhile (${error.message})`);
    });
  }

  async close(): Promise<void> {
    this.subscriber.close();
    this.publisher.close();
  }

  private resync(): void {
    this.resyncMissed = !this.receiver;
    void this.receiver?.resyncAll();
  }

  private receive(message: Buffer): void {
    try {
      const decoder = decoding.createDecoder(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
      const instance = decoding.readUint8Array(decoder, 8);
      if (Buffer.compare(Buffer.from(instance), this.instance) === 0) return;
      const doc = decoding.readVarString(decoder);
      if (doc === RESYNC_REQUEST) {
        this.logger.warn('another server process could not publish during a Redis outage: resyncing loaded documents from the database');
        this.resync();
        return;
      }
      this.receiver?.applyRemote(doc, decoding.readVarUint8Array(decoder));
    } catch (error) {
      this.logger.warn(`ignored a malformed relay message: ${String(error)}`);
    }
  }
}
