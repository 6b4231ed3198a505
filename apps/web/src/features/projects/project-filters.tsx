import { Lever, type ProjectListQuery, type ProjectSummary } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { useOrganisations } from '../../api/organisations';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { Button } from '../../ui/button';
import { SelectField, type Option } from '../../ui/field';

const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label);

/** Filters of the board: lever, partner and funder (choices drawn from the space's projects). */
export function ProjectFilters({
  projects,
  value,
  onChange,
}: {
  projects: readonly ProjectSummary[];
  value: ProjectListQuery;
  onChange: (value: ProjectListQuery) => void;
}) {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const any = { value: '', label: t('projects.filters.any') };

  const partners = new Map<string, string>();
  for (const project of projects) for (const partner of project.partners) partners.set(partner.organisationId, partner.name);
  const orgNames = new Map((organisations.data ?? []).map((org) => [org.id, org.name]));
  const funders = new Map<string, string>();
  for (const project of projects) for (const id of project.funderIds) funders.set(id, orgNames.get(id) ?? t('projects.filters.unknownFunder'));

  const set = (key: 'lever' | 'partnerId' | 'funderId') => (next: string) => onChange({ ...value, [key]: next === '' ? undefined : next });

  return (
    <fieldset className="board-filters">
      <legend className="choices__legend">{t('projects.filters.legend')}</legend>
      <div className="board-filters__row">
        <SelectField
          label={t('projects.filters.lever')}
          options={[any, ...vocabularyOptions(t, Lever)]}
          value={value.lever ?? ''}
          onChange={(e) => set('lever')(e.target.value)}
          className="input input--select input--compact"
        />
        <SelectField
          label={t('projects.filters.partner')}
          options={[any, ...[...partners].map(([id, name]) => ({ value: id, label: name })).sort(byLabel)]}
          value={value.partnerId ?? ''}
          onChange={(e) => set('partnerId')(e.target.value)}
          className="input input--select input--compact"
        />
        <SelectField
          label={t('projects.filters.funder')}
          options={[any, ...[...funders].map(([id, name]) => ({ value: id, label: name })).sort(byLabel)]}
          value={value.funderId ?? ''}
          onChange={(e) => set('funderId')(e.target.value)}
          className="input input--select input--compact"
        />
        {value.lever || value.partnerId || value.funderId ? (
          <Button variant="secondary" onClick={() => onChange({})}>
            {t('projects.filters.reset')}
          </Button>
        ) : null}
      </div>
    </fieldset>
  );
}
