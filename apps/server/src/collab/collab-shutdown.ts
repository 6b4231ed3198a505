import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { CollabAccessSweep } from './collab-access-sweep.service.js';
import { ContributionTracker } from './contributions.js';
import { DocumentRegistry } from './document-registry.js';
import { UpdateRelay } from './update-relay.js';

/**
 * Stops the co-editing engine in order (Nest would run each part's own hook at the same time): no more sweeps,
 * contributions written, every accepted update stored and handed to the relay, then the relay closed.
 */
@Injectable()
export class CollabShutdown implements OnModuleDestroy {
  constructor(
    private readonly sweep: CollabAccessSweep,
    private readonly contributions: ContributionTracker,
    private readonly registry: DocumentRegistry,
    private readonly relay: UpdateRelay,
  ) {}

  async onModuleDestroy(): Promise<void> {
    this.sweep.stop();
    this.contributions.close();
    await this.contributions.flush().catch(() => undefined);
    await this.registry.shutdown();
    await this.relay.close();
  }
}
