import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  SAMPLE_GRID,
  type SampleCoverageRequest,
  type SampleCoverageView,
  type SamplePoleSearchQuery,
  type SamplePoleSearchView,
  type SampleSelectionRequest,
  type SampleSelectionSummary,
  type SampleSelectionView,
  compareFrench,
} from '@concerto/domain';
import { AccessPolicy } from '../access/access-policy.js';
import { conflict, notFound } from '../common/api-exception.js';
import { type CoverageCount, SampleCoverageRepository } from './sample-coverage.repository.js';
import { chooseSuggestions } from './sample-suggestions.js';
import { SampleSelectionsRepository } from './sample-selections.repository.js';

/** Poles read to choose them from (those filling the most gaps). */
const CANDIDATES = 200;

/** The grid's rows from the grouped counts: every value of every field, in the vocabulary's order. */
function coverageFields(counts: CoverageCount[]): SampleCoverageView['fields'] {
  const of = new Map(counts.map((c) => [`${c.field}=${c.value}`, c]));
  return SAMPLE_GRID.map(({ field, entry, values }) => ({
    field,
    entry,
    values: values.map((value) => ({ value, poles: of.get(`${field}=${value}`)?.setPoles ?? 0, scopePoles: of.get(`${field}=${value}`)?.scopePoles ?? 0 })),
    unknown: of.get(`${field}=null`)?.setPoles ?? 0,
  }));
}

/**
 * The sample builder (« critères d'échantillonnage »): how a set of poles covers the values of the characterisation
 * grid, which values none of them has, which poles of the caller's scope would fill those gaps; and named selections,
 * private to their owner, that the observatory takes as a filter (`selectionId`).
 */
@Injectable()
export class SampleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly coverageRepository: SampleCoverageRepository,
    private readonly selections: SampleSelectionsRepository,
  ) {}

  async coverage(accountId: string, request: SampleCoverageRequest): Promise<SampleCoverageView> {
    const named = request.poleIds;
    const inScope = named ? await this.access.polesInScope(accountId, named) : new Set<string>();
    const poleIds = named ? named.filter((id) => inScope.has(id)) : null;
    const counts = await this.coverageRepository.coverage(accountId, poleIds);
    const totals = counts.find((c) => c.field === null) ?? { setPoles: 0, scopePoles: 0 };
    const fields = coverageFields(counts);
    const gaps = fields.flatMap(({ field, values }) => values.filter((v) => v.poles === 0).map(({ value }) => ({ field, value })));
    // Only values some pole of the scope has can be filled; the whole scope has nothing outside it to suggest.
    const fillable = gaps.filter((g) => (fields.find((f) => f.field === g.field)?.values.find((v) => v.value === g.value)?.scopePoles ?? 0) > 0);
    const [candidates, setPoles] = poleIds
      ? await Promise.all([this.coverageRepository.candidates(accountId, poleIds, fillable, CANDIDATES), this.coverageRepository.poles(poleIds)])
      : [[], []];
    const suggestions = chooseSuggestions(candidates, fillable);
    const poles = setPoles.sort((a, b) => compareFrench(a.name, b.name));
    return {
      scopePoleCount: totals.scopePoles,
      wholeScope: !poleIds,
      poles,
      setPoleCount: totals.setPoles,
      ignoredPoleIds: named ? named.filter((id) => !inScope.has(id)) : [],
      fields,
      gaps,
      suggestions,
    };
  }

  async searchPoles(accountId: string, query: SamplePoleSearchQuery): Promise<SamplePoleSearchView> {
    const found = await this.coverageRepository.searchPoles(accountId, query.q, query.limit);
    return { total: found.total, poles: found.poles.sort((a, b) => compareFrench(a.name, b.name)) };
  }

  async list(accountId: string): Promise<SampleSelectionSummary[]> {
    return (await this.selections.listOf(accountId)).sort((a, b) => compareFrench(a.name, b.name));
  }

  async get(accountId: string, selectionId: string): Promise<SampleSelectionView> {
    await this.access.requireSelectionOwner(selectionId, accountId);
    return this.view(selectionId);
  }

  /** A new selection: its name is free among the owner's, its poles all in the owner's scope (else 400, nothing saved). */
  async create(accountId: string, request: SampleSelectionRequest): Promise<SampleSelectionView> {
    const id = await this.dataSource.transaction(async (tx) => {
      await this.access.requirePolesInScope(accountId, request.poleIds, tx);
      if (await this.selections.nameTaken(accountId, request.name, null, tx)) throw conflict('selection_name_taken');
      const id = await this.selections.insert(accountId, request.name, tx);
      await this.selections.replacePoles(id, request.poleIds, tx);
      return id;
    });
    return this.view(id);
  }

  /** Renames the selection and makes it hold exactly these poles (same rules as a new one). */
  async replace(accountId: string, selectionId: string, request: SampleSelectionRequest): Promise<SampleSelectionView> {
    await this.dataSource.transaction(async (tx) => {
      await this.access.requireSelectionOwner(selectionId, accountId, tx);
      await this.access.requirePolesInScope(accountId, request.poleIds, tx);
      if (await this.selections.nameTaken(accountId, request.name, selectionId, tx)) throw conflict('selection_name_taken');
      // Touching the selection row logs the change: the owner's observatory figures follow it.
      await this.selections.rename(selectionId, request.name, tx);
      await this.selections.replacePoles(selectionId, request.poleIds, tx);
    });
    return this.view(selectionId);
  }

  async delete(accountId: string, selectionId: string): Promise<void> {
    await this.access.requireSelectionOwner(selectionId, accountId);
    await this.selections.delete(selectionId);
  }

  private async view(selectionId: string): Promise<SampleSelectionView> {
    const summary = await this.selections.summary(selectionId);
    if (!summary) throw notFound();
    const poles = await this.selections.poles(selectionId);
    const readable = poles.filter((p) => p.inScope).map(({ id, name, territory }) => ({ id, name, territory }));
    return {
      ...summary,
      poleCount: readable.length,
      poles: readable.sort((a, b) => compareFrench(a.name, b.name)),
      outOfScopeCount: poles.length - readable.length,
    };
  }
}
