import type { SamplePole } from '@concerto/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert, Notice, StatusMessage } from '../../../ui/alert';
import { RadioGroup } from '../../../ui/choice-group';
import { errorMessage } from '../../../ui/form-feedback';
import { Loading } from '../../../ui/loading';
import { useDocumentTitle } from '../../../ui/use-document-title';
import { CoverageMatrix } from './coverage-matrix';
import { PolePicker } from './pole-picker';
import { useCoverage, useSelection } from './sample-api';
import { SelectionPanel } from './selection-panel';
import { Suggestions } from './suggestions';
import './sample.css';

type SetKind = 'selection' | 'scope';

/**
 * The sample builder (« critères d'échantillonnage »): pick poles of my spaces (or take them all), see how they cover
 * each value of the grid, which values none of them has, add the poles suggested to fill the gaps, save the selection
 * and use it as a filter of the observatory.
 */
export function SamplePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('sample.title'));
  const [params, setParams] = useSearchParams();
  const [kind, setKind] = useState<SetKind>('selection');
  const [picked, setPicked] = useState<SamplePole[]>([]);
  const [name, setName] = useState('');
  const [outOfScope, setOutOfScope] = useState(0);
  const [status, setStatus] = useState<string | null>(null);
  const selectionId = params.get('selection');
  // A saved selection (from the list or the address) fills the builder once; later edits are the person's.
  const saved = useSelection(selectionId);
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  if (selectionId && saved.data && loadedFor !== selectionId) {
    setLoadedFor(selectionId);
    setKind('selection');
    setPicked(saved.data.poles);
    setName(saved.data.name);
    setOutOfScope(saved.data.outOfScopeCount);
  }
  const coverage = useCoverage(kind === 'scope' ? null : picked.map((p) => p.id));
  const scopeCount = coverage.data?.scopePoleCount;

  const add = (pole: SamplePole) => {
    setPicked((current) => (current.some((p) => p.id === pole.id) ? current : [...current, pole]));
    setStatus(t('sample.picker.addedStatus', { name: pole.name }));
  };
  const remove = (pole: SamplePole) => {
    setPicked((current) => current.filter((p) => p.id !== pole.id));
    setStatus(t('sample.picker.removedStatus', { name: pole.name }));
  };
  const load = (id: string | null) => {
    setParams(id ? { selection: id } : {}, { replace: true });
    if (!id) {
      setLoadedFor(null);
      setPicked([]);
      setName('');
      setOutOfScope(0);
    }
  };

  return (
    <div className="page observatory sample">
      <p>
        <Link to="/observatoire">{t('sample.backToObservatory')}</Link>
      </p>
      <h1>{t('sample.title')}</h1>
      <p>{t('sample.intro')}</p>
      <RadioGroup<SetKind>
        legend={t('sample.set.legend')}
        name="sample-set"
        options={[
          { value: 'selection', label: t('sample.set.selection') },
          { value: 'scope', label: t('sample.set.scope', { count: scopeCount ?? 0 }) },
        ]}
        value={kind}
        onChange={setKind}
      />
      {saved.isError ? <ErrorAlert>{errorMessage(t, saved.error)}</ErrorAlert> : null}
      {kind === 'selection' ? (
        <>
          <SelectionPanel
            selectionId={selectionId}
            name={name}
            poleIds={picked.map((p) => p.id)}
            onName={setName}
            onLoad={load}
            onSaved={(id) => {
              setLoadedFor(id);
              setParams({ selection: id }, { replace: true });
            }}
          />
          {outOfScope > 0 ? <Notice>{t('sample.outOfScope', { count: outOfScope })}</Notice> : null}
          <PolePicker picked={picked} onAdd={add} onRemove={remove} />
        </>
      ) : null}
      <StatusMessage tone="info">{status}</StatusMessage>
      {coverage.isPending ? <Loading /> : null}
      {coverage.isError ? <ErrorAlert>{errorMessage(t, coverage.error)}</ErrorAlert> : null}
      {coverage.data ? (
        <>
          {coverage.data.ignoredPoleIds.length > 0 ? <Notice>{t('sample.ignored', { count: coverage.data.ignoredPoleIds.length })}</Notice> : null}
          <p className="sample-summary">
            {coverage.data.gaps.length > 0 ? t('sample.matrix.gaps', { count: coverage.data.gaps.length }) : t('sample.matrix.noGap')}
          </p>
          {kind === 'selection' ? <Suggestions coverage={coverage.data} onAccept={add} /> : null}
          <CoverageMatrix coverage={coverage.data} />
        </>
      ) : null}
    </div>
  );
}
