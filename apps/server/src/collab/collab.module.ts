import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { CollabAccessSweep } from './collab-access-sweep.service.js';
import { CollabBroadcaster } from './collab-broadcaster.js';
import { CollabConnections } from './collab-connections.js';
import { CollabContributionsRepository } from './collab-contributions.repository.js';
import { CollabDocumentsRepository } from './collab-documents.repository.js';
import { CollabPresenceService } from './collab-presence.service.js';
import { CollabShutdown } from './collab-shutdown.js';
import { CollabSyncService } from './collab-sync.service.js';
import { CollabGateway } from './collab.gateway.js';
import { CollabService } from './collab.service.js';
import { ContributionTracker } from './contributions.js';
import { DocumentRegistry } from './document-registry.js';
import { DocumentStore } from './document-store.js';
import { RedisRelay } from './redis-relay.js';
import { SingleProcessRelay, UpdateRelay } from './update-relay.js';

/** With REDIS_URL, updates are shared with the other server processes through Redis; without, there is one process. */
const updateRelay = {
  provide: UpdateRelay,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): UpdateRelay => (config.redisUrl ? new RedisRelay(config.redisUrl) : new SingleProcessRelay()),
};

@Module({
  imports: [AuthModule],
  providers: [
    CollabDocumentsRepository,
    CollabContributionsRepository,
    DocumentStore,
    ContributionTracker,
    CollabBroadcaster,
    updateRelay,
    DocumentRegistry,
    CollabPresenceService,
    CollabConnections,
    CollabSyncService,
    CollabAccessSweep,
    CollabService,
    CollabShutdown,
    CollabGateway,
  ],
  exports: [CollabService],
})
export class CollabModule {}
