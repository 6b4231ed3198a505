import type { SessionData } from './sessions-api';

/**
 * Where the room's screen shows the join code and its QR code (`JoinCodePanel`, joining a session without an account).
 * Empty until that panel exists; the projection keeps its place in the layout.
 */
export function ProjectionJoinCode({ session }: { session: SessionData }) {
  void session;
  return null;
}
