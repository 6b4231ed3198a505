import type { MemberView, SpaceRole } from '@concerto/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { spacePath } from '../../api/space-path';

const memberPath = (spaceId: string, accountId: string) => `${spacePath(spaceId)}/members/${encodeURIComponent(accountId)}`;

export function useMembers(spaceId: string) {
  return useQuery({
    queryKey: queryKeys.members(spaceId),
    queryFn: () => api.get<MemberView[]>(`${spacePath(spaceId)}/members`),
  });
}

export function useUpdateMemberRole(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ accountId, role }: { accountId: string; role: SpaceRole }) => api.patch<unknown>(memberPath(spaceId, accountId), { role }),
    // Show the chosen role at once; the refetch below restores the truth if the server refused.
    onMutate: async ({ accountId, role }) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.members(spaceId) });
      queryClient.setQueryData<MemberView[]>(queryKeys.members(spaceId), (members) =>
        members?.map((member) => (member.accountId === accountId ? { ...member, role } : member)),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.space(spaceId) }),
  });
}

export function useRemoveMember(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string) => api.delete(memberPath(spaceId, accountId)),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.space(spaceId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.spaceList });
    },
  });
}
