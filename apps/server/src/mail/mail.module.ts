import { Module } from '@nestjs/common';
import { MailMessagesRepository } from './mail-messages.repository.js';
import { MailService } from './mail.service.js';
import { MailWorker } from './mail-worker.js';

/**
 * Outgoing mail (see `mail.service.ts` for how to send one). Import it in the module of an area that sends mail and
 * inject `MailService`. The worker runs once per process whatever the number of importing modules.
 */
@Module({
  providers: [MailMessagesRepository, MailService, MailWorker],
  exports: [MailService],
})
export class MailModule {}
