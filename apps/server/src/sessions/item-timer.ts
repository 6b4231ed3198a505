import type { AgendaItemView, ItemTimer } from '@concerto/domain';

/** The timer part of an agenda item, as the domain's timer functions take it. */
export const toTimer = (item: AgendaItemView): ItemTimer => ({
  status: item.status,
  plannedMs: item.plannedMs,
  extraMs: item.extraMs,
  elapsedMs: item.elapsedMs,
  runningSince: item.runningSince,
});
