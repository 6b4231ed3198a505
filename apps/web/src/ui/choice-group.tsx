import { useId, type ReactNode } from 'react';
import { FieldError, type Option } from './field';

interface GroupProps {
  legend: string;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}

/** A fieldset whose legend names a group of checkboxes or radio buttons. */
function ChoiceFieldset({ legend, hint, error, children }: GroupProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <fieldset className={error ? 'choices choices--error' : 'choices'} aria-describedby={describedBy || undefined}>
      <legend className="choices__legend">{legend}</legend>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={`${id}-error`} message={error} /> : null}
      {children}
    </fieldset>
  );
}

interface CheckboxGroupProps<V extends string> {
  legend: string;
  name: string;
  options: readonly Option<V>[];
  value: readonly V[];
  onChange: (value: V[]) => void;
  hint?: ReactNode;
  error?: string;
}

export function CheckboxGroup<V extends string>({ legend, name, options, value, onChange, hint, error }: CheckboxGroupProps<V>) {
  const toggle = (option: V, checked: boolean) => {
    const next = checked ? [...value, option] : value.filter((v) => v !== option);
    // Keep the vocabulary's order, whatever the clicking order.
    onChange(options.map((o) => o.value).filter((v) => next.includes(v)));
  };
  return (
    <ChoiceFieldset legend={legend} hint={hint} error={error}>
      <div className="choices__list">
        {options.map((option) => (
          <label className="choice" key={option.value}>
            <input
              type="checkbox"
              name={name}
              value={option.value}
              checked={value.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </ChoiceFieldset>
  );
}

interface RadioGroupProps<V extends string> {
  legend: string;
  name: string;
  options: readonly (Option<V> & { description?: string })[];
  value: V | null;
  onChange: (value: V) => void;
  hint?: ReactNode;
  error?: string;
}

export function RadioGroup<V extends string>({ legend, name, options, value, onChange, hint, error }: RadioGroupProps<V>) {
  return (
    <ChoiceFieldset legend={legend} hint={hint} error={error}>
      <div className="choices__list">
        {options.map((option) => (
          <label className="choice" key={option.value}>
            <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
            <span>
              {option.label}
              {option.description ? <span className="choice__description"> {option.description}</span> : null}
            </span>
          </label>
        ))}
      </div>
    </ChoiceFieldset>
  );
}
