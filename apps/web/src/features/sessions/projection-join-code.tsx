import { JoinCodePanel } from '../session-join/join-code-panel';
import type { SessionData } from './sessions-api';

/**
 * The join code, its link and QR code on the room's screen (the animateur's `JoinCodePanel`, without its buttons),
 * while the session is live: people in the room join from their phone without an account.
 */
export function ProjectionJoinCode({ session }: { session: SessionData }) {
  if (session.myRole !== 'animateur' || session.status !== 'live') return null;
  return <JoinCodePanel sessionId={session.id} controls={false} />;
}
