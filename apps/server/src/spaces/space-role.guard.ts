// Moved to the access module; this re-export goes once every controller imports from there.
export { RequiresSpaceRole, SpaceRoleGuard } from '../access/space-role.guard.js';
