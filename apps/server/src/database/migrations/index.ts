import { Foundation1763800000000 } from './1763800000000-foundation.js';
import { CollabDocuments1763900000000 } from './1763900000000-collab-documents.js';
import { ProjectsAndFunding1764000000000 } from './1764000000000-projects-and-funding.js';
import { ConcertationSessions1764100000000 } from './1764100000000-concertation-sessions.js';
import { Diagnostics1764200000000 } from './1764200000000-diagnostics.js';
import { ObservatoryRevision1764300000000 } from './1764300000000-observatory-revision.js';
import { Guide1764400000000 } from './1764400000000-guide.js';
import { GuideDocument1764500000000 } from './1764500000000-guide-document.js';
import { TestimonyComments1764600000000 } from './1764600000000-testimony-comments.js';
import { Mail1764700000000 } from './1764700000000-mail.js';
import { Notifications1764800000000 } from './1764800000000-notifications.js';
import { ObservatoryRollups1764900000000 } from './1764900000000-observatory-rollups.js';
import { Survey1765100000000 } from './1765100000000-survey.js';
import { IndicatorRollups1765000000000 } from './1765000000000-indicator-rollups.js';
import { PoleLocation1765060000000 } from './1765060000000-pole-location.js';
import { SampleSelections1765200000000 } from './1765200000000-sample-selections.js';
import { VoteClosingTime1765300000000 } from './1765300000000-vote-closing-time.js';
import { SessionJoin1765400000000 } from './1765400000000-session-join.js';
import { DecisionFromVote1765500000000 } from './1765500000000-decision-from-vote.js';

/** Every migration, in order. Listed explicitly so the same list runs from src (tests) and dist (production). */
export const MIGRATIONS = [
  Foundation1763800000000,
  CollabDocuments1763900000000,
  ProjectsAndFunding1764000000000,
  ConcertationSessions1764100000000,
  Diagnostics1764200000000,
  ObservatoryRevision1764300000000,
  Guide1764400000000,
  GuideDocument1764500000000,
  TestimonyComments1764600000000,
  Mail1764700000000,
  Notifications1764800000000,
  ObservatoryRollups1764900000000,
  IndicatorRollups1765000000000,
  PoleLocation1765060000000,
  Survey1765100000000,
  SampleSelections1765200000000,
  VoteClosingTime1765300000000,
  SessionJoin1765400000000,
  DecisionFromVote1765500000000,
];
