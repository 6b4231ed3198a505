import type { AccountView } from '@concerto/domain';
import type { Account } from './account.entity.js';

export function toAccountView(account: Account): AccountView {
  return {
    id: account.id,
    email: account.email,
    displayName: account.displayName,
    locale: account.locale,
    organisation: account.organisation ? { id: account.organisation.id, name: account.organisation.name, kind: account.organisation.kind } : null,
  };
}
