import { Lever, SupportStage, type GuideReferenceAttributes, type GuideReferenceKind } from '@concerto/domain';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { RadioGroup } from '../../ui/choice-group';
import { SelectField, TextField, type Option } from '../../ui/field';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { useAnalyses } from './analyses-api';
import {
  FILTERED_KINDS,
  INSERTABLE_KINDS,
  TARGETED_KINDS,
  YEAR_KINDS,
  buildReference,
  emptyChoices,
  type BuiltReference,
  type ReferenceChoices,
} from './live-reference-attrs';
import { useRecommendations } from './recommendations-api';
import { useTestimonies } from './testimonies-api';

type Errors = Extract<BuiltReference, { ok: false }>['errors'];

/** The items one reference may point at, from the space's lists (already cached by the guide's pages). */
function useTargets(spaceId: string, kind: GuideReferenceKind): Option[] | null {
  const testimonies = useTestimonies(spaceId);
  const recommendations = useRecommendations(spaceId);
  const analyses = useAnalyses(spaceId);
  if (kind === 'testimony') return testimonies.data?.map((item) => ({ value: item.id, label: item.title })) ?? null;
  if (kind === 'recommendation') return recommendations.data?.map((item) => ({ value: item.id, label: item.statement })) ?? null;
  if (kind === 'analysis') return analyses.data?.map((item) => ({ value: item.id, label: item.title })) ?? null;
  return [];
}

/**
 * « Insérer une référence vivante »: a modal dialog (native `<dialog>`: focus kept inside, Escape closes, focus goes
 * back to the toolbar button) to choose what the reference shows — the kind, the item, a stage or lever, the years.
 */
export function LiveReferenceDialog(props: {
  spaceId: string;
  open: boolean;
  onInsert: (attributes: GuideReferenceAttributes, itemName?: string) => void;
  onClose: () => void;
}) {
  const { open, onClose } = props;
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    else if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog ref={dialog} className="live-reference-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-intro`} onClose={onClose}>
      {/* Mounted while open only: each opening starts afresh, and the lists are read only then. */}
      {open ? (
        <ReferenceForm
          spaceId={props.spaceId}
          id={id}
          onCancel={() => dialog.current?.close()}
          onInsert={(attributes, itemName) => {
            // Closed first, so that the focus goes back to the editor (not the toolbar button) once inserted.
            dialog.current?.close();
            props.onInsert(attributes, itemName);
          }}
        />
      ) : null}
    </dialog>
  );
}

function ReferenceForm({
  spaceId,
  onInsert,
  onCancel,
  id,
}: {
  spaceId: string;
  onInsert: (attributes: GuideReferenceAttributes, itemName?: string) => void;
  onCancel: () => void;
  id: string;
}) {
  const { t } = useTranslation();
  const [choices, setChoices] = useState<ReferenceChoices>(() => emptyChoices());
  const [errors, setErrors] = useState<Errors>({});
  const targets = useTargets(spaceId, choices.kind);

  const set = (patch: Partial<ReferenceChoices>) => setChoices((current) => ({ ...current, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = buildReference(choices);
    if (!built.ok) return setErrors(built.errors);
    onInsert(built.attributes, targets?.find((target) => target.value === built.attributes.target)?.label);
  };
  const error = (key: keyof Errors) => (errors[key] ? t(`guide.reference.errors.${errors[key]}`) : undefined);
  const kind = choices.kind;

  return (
    <form className="form" onSubmit={submit} noValidate>
      <h2 id={`${id}-title`}>{t('guide.reference.insert')}</h2>
      <p id={`${id}-intro`}>{t('guide.reference.intro')}</p>
      <SelectField
        label={t('guide.reference.kind')}
        value={kind}
        options={INSERTABLE_KINDS.map((value) => ({ value, label: t(`guide.reference.kinds.${value}`) }))}
        onChange={(e) => {
          setErrors({});
          set({ ...emptyChoices(e.target.value as GuideReferenceKind) });
        }}
      />
      {TARGETED_KINDS.has(kind) ? (
        targets && targets.length === 0 ? (
          <p className="muted">{t('guide.reference.noItems')}</p>
        ) : (
          <SelectField
            label={t(`guide.reference.targets.${kind as 'testimony' | 'recommendation' | 'analysis'}`)}
            value={choices.target}
            error={error('target')}
            options={[{ value: '', label: t('guide.reference.choose') }, ...(targets ?? [])]}
            onChange={(e) => set({ target: e.target.value })}
          />
        )
      ) : null}
      {FILTERED_KINDS.has(kind) ? (
        <>
          <RadioGroup
            legend={t('guide.reference.filterBy')}
            name={`${id}-filter`}
            value={choices.filterBy === '' ? 'none' : choices.filterBy}
            options={[
              { value: 'none', label: t('guide.reference.filterNone') },
              { value: 'stage', label: t('guide.reference.filterStage') },
              { value: 'lever', label: t('guide.reference.filterLever') },
            ]}
            onChange={(value) => set({ filterBy: value === 'none' ? '' : value })}
          />
          {choices.filterBy === 'stage' ? (
            <SelectField
              label={t('guide.reference.stage')}
              value={choices.stage}
              error={error('filter')}
              options={[{ value: '', label: t('guide.reference.choose') }, ...vocabularyOptions(t, SupportStage)]}
              onChange={(e) => set({ stage: e.target.value as SupportStage })}
            />
          ) : null}
          {choices.filterBy === 'lever' ? (
            <SelectField
              label={t('guide.reference.lever')}
              value={choices.lever}
              error={error('filter')}
              options={[{ value: '', label: t('guide.reference.choose') }, ...vocabularyOptions(t, Lever)]}
              onChange={(e) => set({ lever: e.target.value as Lever })}
            />
          ) : null}
        </>
      ) : null}
      {YEAR_KINDS.has(kind) ? (
        <div className="live-reference-dialog__years">
          <TextField
            label={t('guide.reference.from')}
            hint={t('guide.reference.yearsHint')}
            inputMode="numeric"
            maxLength={4}
            value={choices.from}
            error={error('from')}
            onChange={(e) => set({ from: e.target.value })}
          />
          <TextField
            label={t('guide.reference.to')}
            hint={t('guide.reference.yearsHint')}
            inputMode="numeric"
            maxLength={4}
            value={choices.to}
            error={error('to')}
            onChange={(e) => set({ to: e.target.value })}
          />
        </div>
      ) : null}
      <div className="actions">
        <Button type="submit">{t('guide.reference.submit')}</Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('guide.reference.cancel')}
        </Button>
      </div>
    </form>
  );
}
