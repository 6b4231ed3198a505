import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AccessModule } from './access/access.module.js';
import { ParticipantScopeGuard } from './access/participant-scope.guard.js';
import { SpaceRoleGuard } from './access/space-role.guard.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AuthModule } from './auth/auth.module.js';
import { CollabModule } from './collab/collab.module.js';
import { ApiExceptionFilter } from './common/api-exception.filter.js';
import { ContractInterceptor } from './common/contract.interceptor.js';
import { RequestOriginGuard } from './common/request-origin.guard.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { DiagnosticsModule } from './diagnostics/diagnostics.module.js';
import { DocsModule } from './docs/docs.module.js';
import { EventsPublisherModule } from './events/events-publisher.module.js';
import { EventsModule } from './events/events.module.js';
import { GuideModule } from './guide/guide.module.js';
import { HealthController } from './health/health.controller.js';
import { RequestLoggingModule } from './logging/request-logging.module.js';
import { OrganisationsModule } from './organisations/organisations.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ObservatoryModule } from './observatory/observatory.module.js';
import { PolesModule } from './poles/poles.module.js';
import { ProjectsModule } from './projects/projects.module.js';
import { SampleModule } from './sample/sample.module.js';
import { SessionsModule } from './sessions/sessions.module.js';
import { SpacesModule } from './spaces/spaces.module.js';
import { SurveyModule } from './observatory/survey.module.js';

@Module({})
export class AppModule {
  /** The data source is opened (and migrated) before the app is built, by main.ts or by the test harness. */
  static forRoot(config: AppConfig, dataSource: DataSource): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSource.options }),
          dataSourceFactory: async () => dataSource,
        }),
        RequestLoggingModule.forRoot(config),
        EventsPublisherModule,
        AccessModule,
        AuthModule,
        NotificationsModule,
        OrganisationsModule,
        PolesModule,
        SpacesModule,
        ProjectsModule,
        ObservatoryModule,
        SurveyModule,
        SampleModule,
        SessionsModule,
        DiagnosticsModule,
        GuideModule,
        EventsModule,
        CollabModule,
        DocsModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: ContractInterceptor },
        // Order matters: foreign-origin writes are refused first, then the session is resolved, then the space role checked.
        { provide: APP_GUARD, useClass: RequestOriginGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: ParticipantScopeGuard },
        { provide: APP_GUARD, useClass: SpaceRoleGuard },
      ],
      exports: [APP_CONFIG],
    };
  }
}
