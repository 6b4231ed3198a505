export * from './vocabulary.js';
export * from './collectivite.js';
export * from './pole.js';
export * from './organisation.js';
export * from './space-role.js';
export * from './levers.js';
export * from './errors.js';
export * from './project.js';
export * from './funding.js';
export * from './session.js';
export * from './diagnostic.js';
export * from './guide.js';
export * from './sample.js';
export * from './french-territories.js';

import { CollectiviteLevel, CollectiviteService, RelationEvolution } from './collectivite.js';
import { ActivityNature, GridEntry, Implantation, LegalForm, Perimeter, PoleStage, Sector, StructureKind } from './pole.js';
import { CooperationSize, SampleField } from './sample.js';
import { OrganisationKind } from './organisation.js';
import { SpaceRole } from './space-role.js';
import { Lever, SupportStage } from './levers.js';
import { ErrorCode, TextIssue } from './errors.js';
import { IndicatorKind, PartnerRole, PolicyFrame, ProjectStage, ProjectStatus } from './project.js';
import { FunderLevel, FundingKind, FundingStatus } from './funding.js';
import { SectionStatus, VersionKind } from './diagnostic.js';
import { AnalysisScopeKind, LiveMeasure, RecommendationOrigin, RecommendationStatus, TestimonyStatus } from './guide.js';
import { AgendaItemStatus, ConsentAnswer, NoteCategory, ResultsVisibility, SessionMode, SessionStatus, VoteKind } from './session.js';

/** Every vocabulary, for i18n resources and completeness checks. */
export const ALL_VOCABULARIES = [
  CollectiviteLevel,
  CollectiviteService,
  RelationEvolution,
  LegalForm,
  PoleStage,
  Perimeter,
  Implantation,
  StructureKind,
  Sector,
  ActivityNature,
  GridEntry,
  SampleField,
  CooperationSize,
  OrganisationKind,
  SpaceRole,
  Lever,
  SupportStage,
  ErrorCode,
  TextIssue,
  ProjectStage,
  ProjectStatus,
  PolicyFrame,
  PartnerRole,
  IndicatorKind,
  FunderLevel,
  FundingKind,
  FundingStatus,
  SessionMode,
  SessionStatus,
  AgendaItemStatus,
  VoteKind,
  ConsentAnswer,
  ResultsVisibility,
  NoteCategory,
  SectionStatus,
  VersionKind,
  TestimonyStatus,
  RecommendationStatus,
  RecommendationOrigin,
  AnalysisScopeKind,
  LiveMeasure,
] as const;
