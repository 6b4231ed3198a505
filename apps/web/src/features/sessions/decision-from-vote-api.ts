import type { DecisionView } from '@concerto/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { sessionPath } from './sessions-api';

/** Records an adopted consent vote as a decision (its proposal, on its agenda item) in one action. */
export function useDecisionFromVote(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (voteId: string) => api.post<DecisionView>(`${sessionPath(sessionId)}/votes/${encodeURIComponent(voteId)}/decision`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.sessionDecisions(sessionId) }),
  });
}
