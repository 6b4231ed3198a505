import * as Y from 'yjs';
import { DIAGNOSTIC_SECTIONS, sectionContentKey } from '@concerto/collab';
import type { SpaceRole } from '@concerto/domain';
import { checkUpdate } from '../src/collab/document-policy.js';
import { refs } from './yjs-updates.js';

/** The diagnostic section the policy specs write in. */
export const SECTION = 'grid-territory';
export const sectionText = (doc: Y.Doc) => doc.getXmlFragment(sectionContentKey(SECTION));
export const sections = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>(DIAGNOSTIC_SECTIONS);

/** Checks then, if allowed, applies, as CollabSyncService does with an edit; returns the refusal. */
export function send(server: Y.Doc, update: Uint8Array, role: SpaceRole = 'contributeur', ref = refs.diagnostic) {
  const violation = checkUpdate(server, ref, update, role);
  if (!violation) Y.applyUpdate(server, update);
  return violation;
}
