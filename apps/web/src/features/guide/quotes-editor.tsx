import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { TextAreaField, TextField } from '../../ui/field';
import type { FieldErrors } from '../../ui/form-feedback';
import type { TestimonyFormValues } from './testimony-form-model';

type Quotes = TestimonyFormValues['quotes'];

/** Quotes of the people who acted: text, author and the author's role. */
export function QuotesEditor({
  value,
  onChange,
  errors,
  readOnly,
}: {
  value: Quotes;
  onChange: (next: Quotes) => void;
  errors: FieldErrors;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<Quotes[number]>) => onChange(value.map((q, i) => (i === index ? { ...q, ...patch } : q)));
  return (
    <fieldset className="choices guide-group">
      <legend className="choices__legend">{t('guide.quotes.legend')}</legend>
      {value.length === 0 ? <p className="empty">{t('guide.quotes.none')}</p> : null}
      {value.map((quote, index) => (
        <fieldset className="guide-group__item" key={index} disabled={readOnly}>
          <legend>{t('guide.quotes.item', { n: index + 1 })}</legend>
          <TextAreaField
            label={t('guide.quotes.text')}
            value={quote.text}
            onChange={(e) => set(index, { text: e.target.value })}
            error={errors[`quotes.${index}.text`]}
          />
          <div className="form__row">
            <TextField
              label={t('guide.quotes.author')}
              value={quote.author}
              onChange={(e) => set(index, { author: e.target.value })}
              error={errors[`quotes.${index}.author`]}
            />
            <TextField
              label={t('guide.quotes.role')}
              hint={t('guide.optional')}
              value={quote.role}
              onChange={(e) => set(index, { role: e.target.value })}
              error={errors[`quotes.${index}.role`]}
            />
          </div>
          {readOnly ? null : (
            <Button variant="secondary" onClick={() => onChange(value.filter((_, i) => i !== index))}>
              {t('guide.quotes.remove', { n: index + 1 })}
            </Button>
          )}
        </fieldset>
      ))}
      {readOnly ? null : (
        <Button variant="secondary" onClick={() => onChange([...value, { text: '', author: '', role: '' }])}>
          {t('guide.quotes.add')}
        </Button>
      )}
    </fieldset>
  );
}
