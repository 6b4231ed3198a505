import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { AccountsRepository } from './accounts.repository.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { AuthSessionsRepository } from './auth-sessions.repository.js';
import { PasswordResetService } from './password-reset.service.js';
import { PasswordResetsRepository } from './password-resets.repository.js';
import { SessionCache } from './session-cache.js';

@Module({
  imports: [OrganisationsModule, MailModule],
  controllers: [AuthController],
  providers: [AccountsRepository, AuthSessionsRepository, PasswordResetsRepository, SessionCache, AuthService, PasswordResetService],
  exports: [AuthService],
})
export class AuthModule {}
