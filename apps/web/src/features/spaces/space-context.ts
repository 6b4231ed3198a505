import type { SpaceView } from '@concerto/domain';
import { useOutletContext } from 'react-router';

/** What the space page hands to its sections (tabs). */
export interface SpaceContext {
  space: SpaceView;
}

export function useSpaceContext(): SpaceContext {
  return useOutletContext<SpaceContext>();
}
