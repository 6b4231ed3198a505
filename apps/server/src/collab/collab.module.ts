import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { CollabAccessService } from './collab-access.service.js';
import { CollabGateway } from './collab.gateway.js';
import { CollabService } from './collab.service.js';

@Module({ imports: [AuthModule], providers: [CollabGateway, CollabService, CollabAccessService], exports: [CollabService] })
export class CollabModule {}
