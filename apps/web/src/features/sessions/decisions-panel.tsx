import { CreateDecisionRequest } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionData } from './sessions-api';
import { useAddDecision, useDecisions, useDecisionToProject, useRemoveDecision } from './votes-api';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { SelectField, TextAreaField } from '../../ui/field';
import { errorMessage, useFormFeedback, validate } from '../../ui/form-feedback';
import { useConfirmedMutation } from '../../ui/use-confirmed-mutation';
import { IconButton } from './icon-button';

const short = (text: string) => (text.length > 50 ? `${text.slice(0, 50)}…` : text);

/** Decisions per agenda item; the animateur records them, removes them, or turns one into a shared project. */
export function DecisionsPanel({ session, itemId }: { session: SessionData; itemId: string | null }) {
  const { t } = useTranslation();
  const decisions = useDecisions(session.id);
  const remove = useRemoveDecision(session.id);
  const confirmRemove = useConfirmedMutation(remove);
  const toProject = useDecisionToProject(session.id);
  const [message, setMessage] = useState<string | null>(null);
  const animateur = session.myRole === 'animateur';
  const titleOf = (id: string | null) => session.agenda.find((item) => item.id === id)?.title ?? t('decisions.noItem');
  const failure = remove.error ?? toProject.error;

  return (
    <section className="section decisions" aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">{t('decisions.heading')}</h2>
      {decisions.data?.length === 0 ? <p className="empty">{t('decisions.empty')}</p> : null}
      <ul className="decisions__list">
        {decisions.data?.map((decision) => (
          <li key={decision.id} className="card decision" id={`decision-${decision.id}`}>
            <p className="decision__item muted">{titleOf(decision.agendaItemId)}</p>
            <p className="decision__text">{decision.text}</p>
            <div className="actions">
              {decision.projectId ? (
                <Link to={`/espaces/${session.spaceId}/projets/${decision.projectId}`}>{t('decisions.project')}</Link>
              ) : animateur ? (
                <Button
                  variant="secondary"
                  busy={toProject.isPending}
                  aria-label={t('decisions.toProjectLabel', { text: short(decision.text) })}
                  onClick={() => toProject.mutate(decision.id, { onSuccess: () => setMessage(t('decisions.projectCreated')) })}
                >
                  {t('decisions.toProject')}
                </Button>
              ) : null}
              {animateur && session.status !== 'closed' ? (
                <IconButton
                  variant="danger"
                  symbol="×"
                  label={t('decisions.delete', { text: short(decision.text) })}
                  onClick={() => confirmRemove(decision.id, { question: t('decisions.confirmDelete', { text: short(decision.text) }) })}
                />
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      <ErrorAlert>{failure ? errorMessage(t, failure) : null}</ErrorAlert>
      <StatusMessage>{message}</StatusMessage>
      {animateur && session.status !== 'closed' ? <DecisionForm session={session} itemId={itemId} /> : null}
    </section>
  );
}

function DecisionForm({ session, itemId }: { session: SessionData; itemId: string | null }) {
  const { t } = useTranslation();
  const add = useAddDecision(session.id);
  const [text, setText] = useState('');
  // Follows the item under way (the board's item) until the animateur picks another; a pick lasts until the decision is recorded.
  const [picked, setPicked] = useState<string | null>(null);
  const item = picked ?? itemId ?? '';
  const [added, setAdded] = useState<string | null>(null);
  const { formRef, fieldErrors, formError, clear, showFieldErrors, showError } = useFormFeedback({ fields: ['text', 'agendaItemId'] });
  const items = [{ value: '', label: t('decisions.noItem') }, ...session.agenda.map((i) => ({ value: i.id, label: i.title }))];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    clear();
    setAdded(null);
    const checked = validate(t, CreateDecisionRequest, { text, agendaItemId: item || null });
    if (!checked.ok) return showFieldErrors(checked.errors);
    add.mutate(checked.data, {
      onSuccess: () => {
        setText('');
        setPicked(null);
        setAdded(t('decisions.added'));
      },
      onError: showError,
    });
  };
  return (
    <form className="card form" ref={formRef} noValidate onSubmit={submit} aria-label={t('decisions.add')}>
      <ErrorAlert>{formError}</ErrorAlert>
      <TextAreaField label={t('decisions.text')} rows={2} value={text} onChange={(e) => setText(e.target.value)} error={fieldErrors.text} />
      <SelectField label={t('decisions.item')} options={items} value={item} onChange={(e) => setPicked(e.target.value)} error={fieldErrors.agendaItemId} />
      <Button type="submit" busy={add.isPending}>
        {t('decisions.add')}
      </Button>
      <StatusMessage>{added}</StatusMessage>
    </form>
  );
}
