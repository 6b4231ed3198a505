import type { BoardNote } from '@concerto/collab';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import { Button } from '../../ui/button';
import { errorMessage } from '../../ui/form-feedback';
import { guideRoutes } from '../guide/guide-keys';
import { useTestimonyFromContribution } from '../guide/testimonies-api';

/** The testimony a contribution already became: the 409 `testimony_exists` answer names it. */
function existingTestimonyId(error: unknown): string | null {
  if (!isApiError(error, 409) || error.code !== 'testimony_exists') return null;
  const body = error.body as { testimonyId?: unknown } | undefined;
  return typeof body?.testimonyId === 'string' ? body.testimonyId : null;
}

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** « En faire un témoignage » on a contribution marked « Témoignage »: creates it, then links to it. */
export function MakeTestimonyButton({ sessionId, spaceId, note }: { sessionId: string; spaceId: string; note: BoardNote }) {
  const { t } = useTranslation();
  const make = useTestimonyFromContribution(sessionId, spaceId);
  const madeId = make.data?.id ?? existingTestimonyId(make.error);
  return (
    <div className="note__testimony" role="status">
      {madeId ? (
        <Link to={guideRoutes.testimony(spaceId, madeId)}>{t('board.testimony.open', { text: short(note.text) })}</Link>
      ) : (
        <Button variant="secondary" busy={make.isPending} disabled={make.isPending} onClick={() => make.mutate({ noteId: note.id })}>
          {t('board.testimony.make')}
          <span className="sr-only"> {t('board.testimony.of', { text: short(note.text) })}</span>
        </Button>
      )}
      {make.isError && !madeId ? <p className="field__error">{errorMessage(t, make.error)}</p> : null}
    </div>
  );
}
