import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { SpacesModule } from '../spaces/spaces.module.js';
import { EventsGateway } from './events.gateway.js';

@Module({ imports: [AuthModule, SpacesModule], providers: [EventsGateway] })
export class EventsModule {}
