import { CreateTestimonyRequest, Lever, TestimonyStatus, roleAtLeast, type TestimonyView } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Notice } from '../../ui/alert';
import { Button } from '../../ui/button';
import { DataTable } from '../../ui/data-table';
import { SelectField, TextField } from '../../ui/field';
import { useFormFeedback, validate } from '../../ui/form-feedback';
import { ErrorAlert } from '../../ui/alert';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { useSpaceContext } from '../spaces/space-context';
import { guideRoutes } from './guide-keys';
import { filterTestimonies, type TestimonyFilters } from './guide-model';
import { BackToGuide, LoadFailure, TestimonyStatusBadge } from './guide-parts';
import { useCreateTestimony, useTestimonies } from './testimonies-api';
import './guide.css';

/** The space's testimonies: a filtered table and, for contributeurs, the creation form. */
export function TestimoniesPage() {
  const { t } = useTranslation();
  const { space } = useSpaceContext();
  useDocumentTitle(`${t('guide.testimonies.title')} – ${space.title}`);
  const testimonies = useTestimonies(space.id);
  const [filters, setFilters] = useState<TestimonyFilters>({ status: '', lever: '' });
  const canEdit = roleAtLeast(space.myRole, 'contributeur');
  const shown = testimonies.data ? filterTestimonies(testimonies.data, filters) : [];
  const any = { value: '', label: t('guide.filters.any') };

  return (
    <section className="section guide" aria-labelledby="testimonies-title">
      <BackToGuide to={guideRoutes.landing(space.id)} label={t('guide.back')} />
      <h2 id="testimonies-title">{t('guide.testimonies.title')}</h2>
      <p>{t('guide.testimonies.intro')}</p>
      {canEdit ? null : <Notice>{t('guide.readOnly')}</Notice>}
      <fieldset className="guide-filters">
        <legend>{t('guide.filters.legend')}</legend>
        <SelectField
          label={t('guide.filters.status')}
          options={[any, ...vocabularyOptions(t, TestimonyStatus)]}
          value={filters.status}
          onChange={(e) => setFilters({ ...filters, status: e.target.value as TestimonyFilters['status'] })}
        />
        <SelectField
          label={t('guide.filters.lever')}
          options={[any, ...vocabularyOptions(t, Lever)]}
          value={filters.lever}
          onChange={(e) => setFilters({ ...filters, lever: e.target.value as TestimonyFilters['lever'] })}
        />
      </fieldset>
      {testimonies.isPending ? <Loading /> : null}
      {testimonies.isError ? <LoadFailure error={testimonies.error} onRetry={() => void testimonies.refetch()} /> : null}
      {testimonies.data && testimonies.data.length === 0 ? <p className="empty">{t('guide.testimonies.empty')}</p> : null}
      {testimonies.data && testimonies.data.length > 0 && shown.length === 0 ? <p className="empty">{t('guide.testimonies.noMatch')}</p> : null}
      {shown.length > 0 ? <TestimoniesTable spaceId={space.id} testimonies={shown} /> : null}
      {canEdit ? <NewTestimonyForm spaceId={space.id} poleTerritory={space.pole.territory} /> : null}
    </section>
  );
}

function TestimoniesTable({ spaceId, testimonies }: { spaceId: string; testimonies: TestimonyView[] }) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={t('guide.testimonies.caption')}
      columns={[
        {
          key: 'title',
          header: t('guide.testimonies.columns.title'),
          rowHeader: true,
          cell: (row) => <Link to={guideRoutes.testimony(spaceId, row.id)}>{row.title}</Link>,
        },
        {
          key: 'pole',
          header: t('guide.testimonies.columns.pole'),
          cell: (row) => [row.pole.name, row.territory || row.pole.territory].filter(Boolean).join(' – '),
        },
        {
          key: 'levers',
          header: t('guide.testimonies.columns.levers'),
          cell: (row) =>
            row.levers.length === 0 ? (
              t('guide.none')
            ) : (
              <ul className="guide-tags">
                {row.levers.map((lever) => (
                  <li key={lever}>{t(`vocab.lever.${lever}`)}</li>
                ))}
              </ul>
            ),
        },
        { key: 'status', header: t('guide.testimonies.columns.status'), cell: (row) => <TestimonyStatusBadge status={row.status} /> },
      ]}
      rows={testimonies}
      rowKey={(row) => row.id}
    />
  );
}

function NewTestimonyForm({ spaceId, poleTerritory }: { spaceId: string; poleTerritory: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateTestimony(spaceId);
  const [title, setTitle] = useState('');
  const [territory, setTerritory] = useState('');
  const { formRef, fieldErrors, formError, clear, showFieldErrors, showError } = useFormFeedback({ fields: ['title', 'territory'] });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    clear();
    const checked = validate(t, CreateTestimonyRequest, { title, territory });
    if (!checked.ok) return showFieldErrors(checked.errors);
    create.mutate(checked.data, {
      onSuccess: (testimony) => void navigate(guideRoutes.testimony(spaceId, testimony.id)),
      onError: showError,
    });
  };

  return (
    <form className="form card guide-create" ref={formRef} noValidate onSubmit={submit} aria-labelledby="new-testimony-title">
      <h3 id="new-testimony-title">{t('guide.testimonies.create.title')}</h3>
      {formError ? <ErrorAlert>{formError}</ErrorAlert> : null}
      <TextField
        label={t('guide.testimonies.fields.title')}
        name="title"
        required
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={fieldErrors.title}
      />
      <TextField
        label={t('guide.testimonies.fields.territory')}
        hint={t('guide.testimonies.fields.territoryHint', { territory: poleTerritory || '—' })}
        name="territory"
        value={territory}
        onChange={(e) => setTerritory(e.target.value)}
        error={fieldErrors.territory}
      />
      <div className="form__actions">
        <Button type="submit" busy={create.isPending}>
          {t('guide.testimonies.create.submit')}
        </Button>
      </div>
    </form>
  );
}
