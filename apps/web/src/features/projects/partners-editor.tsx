import { PartnerRole, type ProjectPartnerInput } from '@concerto/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisations } from '../../api/organisations';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { Button } from '../../ui/button';
import { FieldError } from '../../ui/field';
import { organisationKindLabel } from '../../ui/organisation-kind';

/** The project's partner organisations and their role; the whole list is saved with the project. */
export function PartnersEditor({
  value,
  onChange,
  names,
  error,
}: {
  value: readonly ProjectPartnerInput[];
  onChange: (value: ProjectPartnerInput[]) => void;
  /** Names of partners already on the project (organisations may not all be listed). */
  names: ReadonlyMap<string, string>;
  error?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const organisations = useOrganisations();
  const [organisationId, setOrganisationId] = useState('');
  const [role, setRole] = useState<PartnerRole>('partner');
  const roleOptions = vocabularyOptions(t, PartnerRole);
  const nameOf = (orgId: string) => organisations.data?.find((org) => org.id === orgId)?.name ?? names.get(orgId) ?? t('projects.partners.unknown');
  const sorted = [...(organisations.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  const add = () => {
    if (!organisationId) return;
    if (!value.some((p) => p.organisationId === organisationId && p.role === role)) onChange([...value, { organisationId, role }]);
    setOrganisationId('');
  };

  return (
    <fieldset className={error ? 'choices choices--error' : 'choices'} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="choices__legend">{t('projects.fields.partners')}</legend>
      {error ? <FieldError id={`${id}-error`} message={error} /> : null}
      {value.length === 0 ? <p className="muted">{t('projects.partners.none')}</p> : null}
      <ul className="partner-list">
        {value.map((partner, index) => (
          <li className="partner-list__item" key={`${partner.organisationId}:${partner.role}`}>
            <span className="partner-list__name" id={`${id}-p${index}`}>
              {nameOf(partner.organisationId)}
            </span>
            <select
              className="input input--select input--compact"
              aria-label={t('projects.partners.roleOf', { name: nameOf(partner.organisationId) })}
              value={partner.role}
              onChange={(e) => onChange(value.map((p, i) => (i === index ? { ...p, role: e.target.value as PartnerRole } : p)))}
            >
              {roleOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
            <Button variant="secondary" aria-describedby={`${id}-p${index}`} onClick={() => onChange(value.filter((_, i) => i !== index))}>
              {t('projects.partners.remove')}
            </Button>
          </li>
        ))}
      </ul>
      <div className="partner-add">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-org`}>
            {t('projects.partners.organisation')}
          </label>
          <select id={`${id}-org`} className="input input--select" value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
            <option value="">{t('projects.partners.choose')}</option>
            {sorted.map((org) => (
              <option key={org.id} value={org.id}>
                {org.name} ({organisationKindLabel(t, org)})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-role`}>
            {t('projects.partners.role')}
          </label>
          <select id={`${id}-role`} className="input input--select" value={role} onChange={(e) => setRole(e.target.value as PartnerRole)}>
            {roleOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <Button variant="secondary" disabled={!organisationId} onClick={add}>
          {t('projects.partners.add')}
        </Button>
      </div>
    </fieldset>
  );
}
