import { Lever } from '@concerto/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { SelectField, TextField } from '../../ui/field';
import type { FieldErrors } from '../../ui/form-feedback';
import { diagnosticSectionOptions } from './diagnostic-sections';

export interface AgendaDraft {
  key: string;
  title: string;
  duration: string;
  lever: string;
  section: string;
}

let nextKey = 0;
export const emptyItem = (): AgendaDraft => ({ key: `item-${(nextKey += 1)}`, title: '', duration: '15', lever: '', section: '' });

/** The draft as the contract's agenda item (validated by the caller). */
export const toAgendaInput = (item: AgendaDraft) => ({
  title: item.title,
  durationMinutes: item.duration.trim() === '' ? Number.NaN : Number(item.duration),
  lever: item.lever || null,
  diagnosticSectionId: item.section || null,
});

/** Adds, removes and reorders agenda items; each move or change is announced politely. */
export function AgendaEditor({ items, onChange, errors }: { items: AgendaDraft[]; onChange: (items: AgendaDraft[]) => void; errors: FieldErrors }) {
  const { t } = useTranslation();
  const [announce, setAnnounce] = useState('');
  const none = { value: '', label: t('sessions.agenda.none') };
  const levers = [none, ...vocabularyOptions(t, Lever)];
  const sections = [none, ...diagnosticSectionOptions(t)];
  const update = (index: number, patch: Partial<AgendaDraft>) => onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  const move = (index: number, to: number) => {
    const next = [...items];
    const [item] = next.splice(index, 1);
    next.splice(to, 0, item);
    onChange(next);
    setAnnounce(t('sessions.agenda.moved', { number: to + 1 }));
  };

  return (
    <fieldset className="choices agenda-editor">
      <legend className="choices__legend">{t('sessions.agenda.legend')}</legend>
      {items.length === 0 ? <p className="field__hint">{t('sessions.agenda.empty')}</p> : null}
      <ol className="agenda-editor__list">
        {items.map((item, index) => {
          const number = index + 1;
          return (
            <li key={item.key} className="agenda-editor__item">
              <p className="agenda-editor__number">{t('sessions.agenda.item', { number })}</p>
              <div className="form__row">
                <TextField
                  label={t('sessions.agenda.itemTitle', { number })}
                  value={item.title}
                  onChange={(e) => update(index, { title: e.target.value })}
                  error={errors[`agenda.${index}.title`]}
                />
                <TextField
                  label={t('sessions.agenda.duration', { number })}
                  className="input input--short"
                  inputMode="numeric"
                  value={item.duration}
                  onChange={(e) => update(index, { duration: e.target.value })}
                  error={errors[`agenda.${index}.durationMinutes`]}
                />
              </div>
              <div className="form__row">
                <SelectField
                  label={t('sessions.agenda.lever', { number })}
                  options={levers}
                  value={item.lever}
                  onChange={(e) => update(index, { lever: e.target.value })}
                />
                <SelectField
                  label={t('sessions.agenda.section', { number })}
                  options={sections}
                  value={item.section}
                  onChange={(e) => update(index, { section: e.target.value })}
                />
              </div>
              <div className="actions">
                <Button variant="secondary" disabled={index === 0} onClick={() => move(index, index - 1)}>
                  {t('sessions.agenda.up', { number })}
                </Button>
                <Button variant="secondary" disabled={index === items.length - 1} onClick={() => move(index, index + 1)}>
                  {t('sessions.agenda.down', { number })}
                </Button>
                <Button
                  variant="danger"
                  onClick={() => {
                    onChange(items.filter((_, i) => i !== index));
                    setAnnounce(t('sessions.agenda.removed'));
                  }}
                >
                  {t('sessions.agenda.remove', { number })}
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <Button
        variant="secondary"
        onClick={() => {
          onChange([...items, emptyItem()]);
          setAnnounce(t('sessions.agenda.added', { number: items.length + 1 }));
        }}
      >
        {t('sessions.agenda.add')}
      </Button>
      <StatusMessage tone="info">{announce || null}</StatusMessage>
    </fieldset>
  );
}
