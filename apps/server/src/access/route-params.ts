import { uuid } from '@concerto/domain';
import { badRequest } from '../common/api-exception.js';

/** Every `…Id` route parameter must be a UUID: a clear 400 before any lookup. */
export function requireUuidParams(params: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(params)) {
    if (name.endsWith('Id') && !uuid.safeParse(value).success) throw badRequest([{ path: name, message: 'Invalid UUID' }]);
  }
}
