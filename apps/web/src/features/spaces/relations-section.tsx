import type { RelationView } from '@concerto/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteRelation, useRelations } from './relations-api';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { DataTable } from '../../ui/data-table';
import { errorMessage } from '../../ui/form-feedback';
import { Loading } from '../../ui/loading';
import { useActionFeedback, useConfirmedMutation } from '../../ui/use-confirmed-mutation';
import { RelationForm } from './relation-form';

/** How each collectivité's relation with the pole evolved, year by year. */
export function RelationsSection({ spaceId, canEdit }: { spaceId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const relations = useRelations(spaceId);
  const feedback = useActionFeedback();
  const remove = useConfirmedMutation(useDeleteRelation(spaceId), feedback);
  const years = [...new Set((relations.data ?? []).map((r) => r.year))].sort((a, b) => b - a);

  const onDelete = (relation: RelationView) => {
    const what = { name: relation.organisation.name, year: relation.year };
    remove(relation.id, { question: t('relations.confirmDelete', what), success: t('relations.deleted', what) });
  };

  return (
    <section className="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('relations.title')}</h2>
      <p className="muted">{t('relations.intro')}</p>
      <ErrorAlert>{feedback.error}</ErrorAlert>
      <StatusMessage>{feedback.status}</StatusMessage>
      {relations.isPending ? <Loading /> : null}
      {relations.isError ? <ErrorAlert>{errorMessage(t, relations.error)}</ErrorAlert> : null}
      {relations.data?.length === 0 ? <p className="empty">{t('relations.empty')}</p> : null}
      {years.map((year) => (
        <DataTable
          key={year}
          caption={t('relations.caption', { year })}
          captionClassName="table__caption"
          rows={(relations.data ?? []).filter((r) => r.year === year)}
          rowKey={(relation) => relation.id}
          columns={[
            {
              key: 'collectivite',
              header: t('relations.collectivite'),
              rowHeader: true,
              cellId: (relation) => `${id}-${relation.id}`,
              cell: (relation) => (
                <>
                  {relation.organisation.name}
                  {relation.organisation.collectiviteLevel ? (
                    <span className="table__sub">{t(`vocab.collectiviteLevel.${relation.organisation.collectiviteLevel}`)}</span>
                  ) : null}
                </>
              ),
            },
            {
              key: 'evolution',
              header: t('relations.evolution'),
              cell: (relation) => <span className={`status status--relation-${relation.evolution}`}>{t(`vocab.relationEvolution.${relation.evolution}`)}</span>,
            },
            { key: 'cause', header: t('relations.cause'), cell: (relation) => relation.cause || '—' },
            canEdit && {
              key: 'actions',
              header: t('members.actions'),
              cell: (relation) => (
                <Button variant="secondary" aria-describedby={`${id}-${relation.id}`} onClick={() => onDelete(relation)}>
                  {t('relations.delete')}
                </Button>
              ),
            },
          ]}
        />
      ))}
      {canEdit ? <RelationForm spaceId={spaceId} /> : null}
    </section>
  );
}
