import type { BallotRequest, BallotView, CreateDecisionRequest, CreateVoteRequest, DecisionView, VoteView } from '@concerto/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { sessionPath } from './sessions-api';

const votesPath = (sessionId: string) => `${sessionPath(sessionId)}/votes`;
const votePath = (sessionId: string, voteId: string) => `${votesPath(sessionId)}/${encodeURIComponent(voteId)}`;

export function useVotes(sessionId: string) {
  return useQuery({ queryKey: queryKeys.sessionVotes(sessionId), queryFn: () => api.get<VoteView[]>(votesPath(sessionId)) });
}

export function useCreateVote(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateVoteRequest) => api.post<VoteView>(votesPath(sessionId), body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.sessionVotes(sessionId) }),
  });
}

export function useCloseVote(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (voteId: string) => api.post<VoteView>(`${votePath(sessionId, voteId)}/close`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.sessionVotes(sessionId) }),
  });
}

export function useBallot(sessionId: string, voteId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.sessionBallot(sessionId, voteId),
    queryFn: () => api.get<BallotView>(`${votePath(sessionId, voteId)}/ballot`),
    enabled,
  });
}

/** My ballot changes: the answer is my ballot as stored; the results follow through the vote notice. */
function useBallotMutation<V>(sessionId: string, voteId: string, request: (variables: V) => Promise<BallotView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (ballot) => {
      queryClient.setQueryData(queryKeys.sessionBallot(sessionId, voteId), ballot);
      void queryClient.invalidateQueries({ queryKey: queryKeys.sessionVotes(sessionId) });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: queryKeys.sessionBallot(sessionId, voteId) }),
  });
}

export function usePutBallot(sessionId: string, voteId: string) {
  return useBallotMutation(sessionId, voteId, (body: BallotRequest) => api.put<BallotView>(`${votePath(sessionId, voteId)}/ballot`, body));
}

export function useDot(sessionId: string, voteId: string) {
  return useBallotMutation(sessionId, voteId, (body: { option: string; delta: 1 | -1 }) => api.post<BallotView>(`${votePath(sessionId, voteId)}/dots`, body));
}

const decisionsPath = (sessionId: string) => `${sessionPath(sessionId)}/decisions`;

/** The session's decisions; `enabled: false` for who may not read them (a participant who joined by code). */
export function useDecisions(sessionId: string, enabled = true) {
  return useQuery({ queryKey: queryKeys.sessionDecisions(sessionId), queryFn: () => api.get<DecisionView[]>(decisionsPath(sessionId)), enabled });
}

function useDecisionMutation<V, R>(sessionId: string, request: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.sessionDecisions(sessionId) }),
  });
}

export function useAddDecision(sessionId: string) {
  return useDecisionMutation(sessionId, (body: CreateDecisionRequest) => api.post<DecisionView>(decisionsPath(sessionId), body));
}

export function useRemoveDecision(sessionId: string) {
  return useDecisionMutation(sessionId, (decisionId: string) => api.delete(`${decisionsPath(sessionId)}/${encodeURIComponent(decisionId)}`));
}

export function useDecisionToProject(sessionId: string) {
  return useDecisionMutation(sessionId, (decisionId: string) =>
    api.post<DecisionView>(`${decisionsPath(sessionId)}/${encodeURIComponent(decisionId)}/project`),
  );
}
