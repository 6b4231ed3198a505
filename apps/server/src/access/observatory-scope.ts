import { defaultStatuses, type ObservatoryQuery } from '@concerto/domain';

/**
 * What the observatory may read for an account, as SQL shared by every figure: the spaces (and their poles) the
 * caller belongs to, whatever the role, narrowed by the pole filters, and the condition on funding lines (period,
 * statuses, level, project stage). Part of the access policy: aggregates are computed only over what the caller may
 * read, and this is the only place that says what that is.
 */
export class ObservatoryScope {
  readonly params: unknown[] = [];
  readonly scopeCte: string;
  readonly lineCondition: string;
  readonly yearCondition: (column: string) => string;
  readonly levelCondition: (column: string) => string;
  readonly referenceYear: string;

  constructor(accountId: string, query: ObservatoryQuery) {
    const p = (value: unknown) => {
      this.params.push(value);
      return `$${this.params.length}`;
    };
    const poleWhere = [`m.account_id = ${p(accountId)}`];
    const poleFilter = Boolean(query.territory || query.region || query.departement || query.poleStage || query.implantation || query.sector);
    if (query.spaceId) poleWhere.push(`s.id = ${p(query.spaceId)}`);
    if (query.spaceIds) poleWhere.push(`s.id = ANY(${p(query.spaceIds)}::uuid[])`);
    if (query.territory) poleWhere.push(`po.territory ILIKE ${p(`%${query.territory.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
    if (query.region) poleWhere.push(`po.region_code = ${p(query.region)}`);
    if (query.departement) poleWhere.push(`po.departement_code = ${p(query.departement)}`);
    // A saved sample selection: its poles, only when it is the caller's own (the guard answers 404 before). Not
    // correlated with the membership row, so that it is read once (a hashed subplan), not once per space.
    if (query.selectionId) {
      poleWhere.push(
        `s.pole_id IN (SELECT sp.pole_id FROM sample_selection ss JOIN sample_selection_pole sp ON sp.selection_id = ss.id
                        WHERE ss.id = ${p(query.selectionId)} AND ss.account_id = ${p(accountId)})`,
      );
    }
    if (query.poleStage) poleWhere.push(`po.stage = ${p(query.poleStage)}`);
    if (query.implantation) poleWhere.push(`po.implantation = ${p(query.implantation)}`);
    if (query.sector) poleWhere.push(`${p(query.sector)} = ANY(po.sectors)`);
    // The pole is joined only when a filter needs it.
    this.scopeCte = `scope AS (
        SELECT s.id AS space_id, s.pole_id FROM space_membership m JOIN space s ON s.id = m.space_id
               ${poleFilter ? 'JOIN pole po ON po.id = s.pole_id' : ''}
         WHERE ${poleWhere.join(' AND ')})`;

    const from = query.from === undefined ? null : p(query.from);
    const to = query.to === undefined ? null : p(query.to);
    this.yearCondition = (column) => [from ? `${column} >= ${from}` : 'true', to ? `${column} <= ${to}` : 'true'].join(' AND ');
    const level = query.level ? p(query.level) : null;
    this.levelCondition = (column) => (level ? `${column} = ${level}` : 'true');
    const lineWhere = [`f.status = ANY(${p(defaultStatuses(query))}::text[])`, this.yearCondition('f.year'), this.levelCondition('f.funder_level')];
    if (query.projectStage) lineWhere.push(`p.stage = ${p(query.projectStage)}`);
    this.lineCondition = lineWhere.join(' AND ');
    // Ages are counted at the end of the period (this year when open-ended).
    this.referenceYear = to ?? 'extract(year FROM now())::int';
  }

  /** Funding lines counted by the observatory, with their project and the project's pole. */
  get countedLinesCte(): string {
    return `counted_lines AS (
        SELECT f.id, f.project_id, f.funder_id, f.funder_level, f.amount_cents, f.year, s.pole_id
          FROM funding_line f JOIN project p ON p.id = f.project_id JOIN scope s ON s.space_id = p.space_id
         WHERE ${this.lineCondition})`;
  }
}
