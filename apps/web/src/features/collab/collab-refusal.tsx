import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/alert';
import type { RefusalCode } from './use-collab-document';

/** Says plainly that a change was refused by the server and removed from this copy, and why. */
export function CollabRefusal({ code }: { code: RefusalCode | null }) {
  const { t } = useTranslation();
  return code ? <ErrorAlert>{t(`collab.refusal.${code}`)}</ErrorAlert> : null;
}
