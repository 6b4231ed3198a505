import { AnalysisScopeKind, CreateAnalysisRequest, Lever, SupportStage, roleAtLeast, type AnalysisView } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert, Notice, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { RadioGroup } from '../../ui/choice-group';
import { DataTable } from '../../ui/data-table';
import { SelectField, TextField } from '../../ui/field';
import { errorMessage, useFormFeedback, validate } from '../../ui/form-feedback';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { useSpaceContext } from '../spaces/space-context';
import { useAnalyses, useCreateAnalysis, useUpdateAnalysis } from './analyses-api';
import { scopeLabel } from './analysis-scope';
import { guideRoutes } from './guide-keys';
import { movedPositions } from './guide-model';
import { BackToGuide, LoadFailure } from './guide-parts';
import './guide.css';

/** The analysis chapters in the guide's order (moved up and down by contributeurs), and the creation form. */
export function AnalysesPage() {
  const { t } = useTranslation();
  const { space } = useSpaceContext();
  useDocumentTitle(`${t('guide.analyses.title')} – ${space.title}`);
  const analyses = useAnalyses(space.id);
  const move = useUpdateAnalysis(space.id);
  const [moved, setMoved] = useState<string | null>(null);
  const canEdit = roleAtLeast(space.myRole, 'contributeur');
  const ordered = [...(analyses.data ?? [])].sort((a, b) => a.position - b.position);

  const moveBy = (index: number, direction: -1 | 1) => {
    setMoved(null);
    const changes = movedPositions(ordered, index, direction);
    const title = ordered[index].title;
    void Promise.all(changes.map(({ id, position }) => move.mutateAsync({ analysisId: id, body: { position } })))
      .then(() => setMoved(t('guide.analyses.moved', { title })))
      .catch(() => undefined);
  };

  return (
    <section className="section guide" aria-labelledby="analyses-title">
      <BackToGuide to={guideRoutes.landing(space.id)} label={t('guide.back')} />
      <h2 id="analyses-title">{t('guide.analyses.title')}</h2>
      <p>{t('guide.analyses.intro')}</p>
      {canEdit ? null : <Notice>{t('guide.readOnly')}</Notice>}
      {analyses.isPending ? <Loading /> : null}
      {analyses.isError ? <LoadFailure error={analyses.error} onRetry={() => void analyses.refetch()} /> : null}
      {analyses.data?.length === 0 ? <p className="empty">{t('guide.analyses.empty')}</p> : null}
      {ordered.length > 0 ? (
        <DataTable<AnalysisView>
          caption={t('guide.analyses.caption')}
          columns={[
            { key: 'position', header: t('guide.analyses.columns.position'), numeric: true, cell: (_, index) => index + 1 },
            {
              key: 'title',
              header: t('guide.analyses.columns.title'),
              rowHeader: true,
              cell: (row) => <Link to={guideRoutes.analysis(space.id, row.id)}>{row.title}</Link>,
            },
            { key: 'scope', header: t('guide.analyses.columns.scope'), cell: (row) => scopeLabel(t, row.scope) },
            canEdit && {
              key: 'actions',
              header: t('guide.analyses.columns.actions'),
              cell: (row, index) => (
                <div className="actions">
                  <Button variant="secondary" disabled={index === 0 || move.isPending} onClick={() => moveBy(index, -1)}>
                    <span aria-hidden="true">↑ </span>
                    <span className="sr-only">{t('guide.analyses.moveUp', { title: row.title })}</span>
                  </Button>
                  <Button variant="secondary" disabled={index === ordered.length - 1 || move.isPending} onClick={() => moveBy(index, 1)}>
                    <span aria-hidden="true">↓ </span>
                    <span className="sr-only">{t('guide.analyses.moveDown', { title: row.title })}</span>
                  </Button>
                </div>
              ),
            },
          ]}
          rows={ordered}
          rowKey={(row) => row.id}
        />
      ) : null}
      {move.isError ? <ErrorAlert>{errorMessage(t, move.error)}</ErrorAlert> : null}
      <StatusMessage>{moved}</StatusMessage>
      {canEdit ? <NewAnalysisForm spaceId={space.id} /> : null}
    </section>
  );
}

function NewAnalysisForm({ spaceId }: { spaceId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateAnalysis(spaceId);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<AnalysisScopeKind>('stage');
  const [stage, setStage] = useState<SupportStage>(SupportStage.keys[0]);
  const [lever, setLever] = useState<Lever>(Lever.keys[0]);
  const { formRef, fieldErrors, formError, clear, showFieldErrors, showError } = useFormFeedback({
    fields: ['title', 'scope'],
    fieldFor: (path) => path.split('.')[0],
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    clear();
    const scope = kind === 'stage' ? { kind, stage } : kind === 'lever' ? { kind, lever } : { kind };
    const checked = validate(t, CreateAnalysisRequest, { title, scope }, (path) => path.split('.')[0]);
    if (!checked.ok) return showFieldErrors(checked.errors);
    create.mutate(checked.data, { onSuccess: (analysis) => void navigate(guideRoutes.analysis(spaceId, analysis.id)), onError: showError });
  };

  return (
    <form className="form card guide-create" ref={formRef} noValidate onSubmit={submit} aria-labelledby="new-analysis-title">
      <h3 id="new-analysis-title">{t('guide.analyses.create.title')}</h3>
      {formError ? <ErrorAlert>{formError}</ErrorAlert> : null}
      <TextField label={t('guide.analyses.fields.title')} required value={title} onChange={(e) => setTitle(e.target.value)} error={fieldErrors.title} />
      <RadioGroup
        legend={t('guide.analyses.fields.scope')}
        name="scope"
        options={vocabularyOptions(t, AnalysisScopeKind)}
        value={kind}
        onChange={setKind}
        error={fieldErrors.scope}
      />
      {kind === 'stage' ? (
        <SelectField
          label={t('guide.analyses.fields.stage')}
          options={vocabularyOptions(t, SupportStage)}
          value={stage}
          onChange={(e) => setStage(e.target.value as SupportStage)}
        />
      ) : null}
      {kind === 'lever' ? (
        <SelectField
          label={t('guide.analyses.fields.lever')}
          options={vocabularyOptions(t, Lever)}
          value={lever}
          onChange={(e) => setLever(e.target.value as Lever)}
        />
      ) : null}
      <div className="form__actions">
        <Button type="submit" busy={create.isPending}>
          {t('guide.analyses.create.submit')}
        </Button>
      </div>
    </form>
  );
}
