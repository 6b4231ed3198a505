import { Global, Module } from '@nestjs/common';
import { AccessChanges } from '../auth/access-changes.js';
import { ConcertationSignals } from './concertation-signals.js';
import { EventsPublisher } from './events-publisher.js';

/** The signals every area may send or follow: change notices, access changes, concertation session signals. */
@Global()
@Module({
  providers: [EventsPublisher, AccessChanges, ConcertationSignals],
  exports: [EventsPublisher, AccessChanges, ConcertationSignals],
})
export class EventsPublisherModule {}
