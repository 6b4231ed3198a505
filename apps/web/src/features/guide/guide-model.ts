import type {
  FunderLevel,
  Lever,
  RecommendationStatus,
  RecommendationView,
  SpaceRole,
  SupportStage,
  TestimonyFigureInput,
  TestimonyFigureView,
  TestimonyStatus,
  TestimonyView,
} from '@concerto/domain';
import { formatEuros, formatNumber } from '../../ui/format';

/** How many items of each status, every status present (zero included), in the vocabulary's order. */
export function countByStatus<K extends string>(items: readonly { status: K }[], statuses: readonly K[]): Record<K, number> {
  const counts = Object.fromEntries(statuses.map((status) => [status, 0])) as Record<K, number>;
  for (const item of items) if (item.status in counts) counts[item.status] += 1;
  return counts;
}

export interface TestimonyFilters {
  status: TestimonyStatus | '';
  lever: Lever | '';
}

export function filterTestimonies(testimonies: readonly TestimonyView[], { status, lever }: TestimonyFilters): TestimonyView[] {
  return testimonies.filter((testimony) => (!status || testimony.status === status) && (!lever || testimony.levers.includes(lever)));
}

export interface RecommendationFilters {
  lever: Lever | '';
  stage: SupportStage | '';
  level: FunderLevel | '';
}

/** The recommendations that match the filters, in one column per status (every status present). */
export function groupRecommendations(
  recommendations: readonly RecommendationView[],
  statuses: readonly RecommendationStatus[],
  { lever, stage, level }: RecommendationFilters,
): Record<RecommendationStatus, RecommendationView[]> {
  const groups = Object.fromEntries(statuses.map((status) => [status, [] as RecommendationView[]])) as Record<RecommendationStatus, RecommendationView[]>;
  for (const recommendation of recommendations) {
    const matches =
      (!lever || recommendation.levers.includes(lever)) &&
      (!stage || recommendation.stages.includes(stage)) &&
      (!level || recommendation.levels.includes(level));
    if (matches) groups[recommendation.status]?.push(recommendation);
  }
  return groups;
}

/**
 * The statuses a testimony may move to from `current`, for this role (the server decides again):
 * contributeurs move it between brouillon and relu, animateurs also validate it and take a validation back.
 */
export function nextTestimonyStatuses(current: TestimonyStatus, role: SpaceRole): TestimonyStatus[] {
  if (role === 'observateur') return [];
  switch (current) {
    case 'draft':
      return ['reviewed'];
    case 'reviewed':
      return role === 'animateur' ? ['draft', 'validated'] : ['draft'];
    case 'validated':
      return role === 'animateur' ? ['reviewed'] : [];
  }
}

/**
 * The statuses a recommendation may move to: contributeurs between proposée and débattue, animateurs also decide
 * (retenue / écartée) and may reopen a decision as débattue.
 */
export function nextRecommendationStatuses(current: RecommendationStatus, role: SpaceRole): RecommendationStatus[] {
  if (role === 'observateur') return [];
  const decide: RecommendationStatus[] = role === 'animateur' ? ['retained', 'set_aside'] : [];
  switch (current) {
    case 'proposed':
      return ['debated', ...decide];
    case 'debated':
      return ['proposed', ...decide];
    case 'retained':
      return role === 'animateur' ? ['debated', 'set_aside'] : [];
    case 'set_aside':
      return role === 'animateur' ? ['debated', 'retained'] : [];
  }
}

/** A key figure's value as read: euros for funding (cents), a count otherwise, a typed value with its unit. */
export function formatFigureValue(figure: TestimonyFigureView, language: string): string {
  if (figure.kind === 'typed') return figure.unit ? `${formatNumber(figure.value, language)}\u00a0${figure.unit}` : formatNumber(figure.value, language);
  return figure.source.measure === 'funding_total' ? formatEuros(figure.value, language) : formatNumber(figure.value, language, 0);
}

/** The figures as the editor sends them back: what was typed, or what a live figure reads (not the value read). */
export function toFigureInputs(figures: readonly TestimonyFigureView[]): TestimonyFigureInput[] {
  return figures.map((figure) =>
    figure.kind === 'typed'
      ? { kind: 'typed', label: figure.label, value: figure.value, unit: figure.unit }
      : { kind: 'live', label: figure.label, source: { ...figure.source } },
  );
}

export interface PositionChange {
  id: string;
  position: number;
}

/**
 * Moving the chapter at `index` one place up (-1) or down (+1): the positions to save, numbering the chapters in
 * their new order 0, 1, 2… and keeping only those that change (positions left equal by earlier moves are repaired).
 */
export function movedPositions(items: readonly { id: string; position: number }[], index: number, direction: -1 | 1): PositionChange[] {
  const target = index + direction;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [];
  const order = [...items];
  [order[index], order[target]] = [order[target], order[index]];
  return order
    .map((item, position) => ({ id: item.id, position, changed: item.position !== position }))
    .filter((c) => c.changed)
    .map(({ id, position }) => ({ id, position }));
}
