import type { RelationView } from '@concerto/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteRelation, useRelations } from './relations-api';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { errorMessage } from '../../ui/form-feedback';
import { Loading } from '../../ui/loading';
import { RelationForm } from './relation-form';

/** How each collectivité's relation with the pole evolved, year by year. */
export function RelationsSection({ spaceId, canEdit }: { spaceId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const relations = useRelations(spaceId);
  const remove = useDeleteRelation(spaceId);
  const [status, setStatus] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const years = [...new Set((relations.data ?? []).map((r) => r.year))].sort((a, b) => b - a);

  const onDelete = (relation: RelationView) => {
    const what = { name: relation.organisation.name, year: relation.year };
    if (!window.confirm(t('relations.confirmDelete', what))) return;
    setStatus(null);
    setActionError(null);
    remove.mutate(relation.id, {
      onSuccess: () => setStatus(t('relations.deleted', what)),
      onError: (error) => setActionError(errorMessage(t, error)),
    });
  };

  return (
    <section className="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('relations.title')}</h2>
      <p className="muted">{t('relations.intro')}</p>
      <ErrorAlert>{actionError}</ErrorAlert>
      <StatusMessage>{status}</StatusMessage>
      {relations.isPending ? <Loading /> : null}
      {relations.isError ? <ErrorAlert>{errorMessage(t, relations.error)}</ErrorAlert> : null}
      {relations.data?.length === 0 ? <p className="empty">{t('relations.empty')}</p> : null}
      {years.map((year) => (
        <div className="table-wrapper" role="region" aria-labelledby={`${id}-${year}`} tabIndex={0} key={year}>
          <table className="table">
            <caption id={`${id}-${year}`} className="table__caption">
              {t('relations.caption', { year })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('relations.collectivite')}</th>
                <th scope="col">{t('relations.evolution')}</th>
                <th scope="col">{t('relations.cause')}</th>
                {canEdit ? <th scope="col">{t('members.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {relations.data
                ?.filter((r) => r.year === year)
                .map((relation) => (
                  <tr key={relation.id}>
                    <th scope="row" id={`${id}-${relation.id}`}>
                      {relation.organisation.name}
                      {relation.organisation.collectiviteLevel ? (
                        <span className="table__sub">{t(`vocab.collectiviteLevel.${relation.organisation.collectiviteLevel}`)}</span>
                      ) : null}
                    </th>
                    <td>
                      <span className={`status status--relation-${relation.evolution}`}>{t(`vocab.relationEvolution.${relation.evolution}`)}</span>
                    </td>
                    <td>{relation.cause || '—'}</td>
                    {canEdit ? (
                      <td>
                        <Button variant="secondary" aria-describedby={`${id}-${relation.id}`} onClick={() => onDelete(relation)}>
                          {t('relations.delete')}
                        </Button>
                      </td>
                    ) : null}
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ))}
      {canEdit ? <RelationForm spaceId={spaceId} /> : null}
    </section>
  );
}
