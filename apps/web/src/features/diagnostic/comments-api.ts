import type { CommentView, CreateCommentRequest, UpdateCommentRequest } from '@concerto/domain';
import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api } from '../../api/client';

/**
 * A commented document, as the comment components reach it: the diagnostic (`diagnosticComments`) or a testimony's
 * story (the guide's). Its key lives under the space, so a `comment` notice on /events refreshes it.
 */
export interface CommentsTarget {
  spaceId: string;
  /** The collection's URL (`…/comments`); a comment is `${path}/${id}`. */
  path: string;
  queryKey: QueryKey;
  /** Other queries a comment changes (the diagnostic's open-comment counts per section). */
  alsoRefresh?: QueryKey[];
}

const enc = encodeURIComponent;

export function useComments(target: CommentsTarget) {
  return useQuery({ queryKey: target.queryKey, queryFn: () => api.get<CommentView[]>(target.path) });
}

/** Comment mutations refresh the comments and whatever counts them. */
function useCommentMutation<V, R>(target: CommentsTarget, request: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSettled: () => {
      for (const queryKey of [target.queryKey, ...(target.alsoRefresh ?? [])]) void queryClient.invalidateQueries({ queryKey });
    },
  });
}

export function useCreateComment(target: CommentsTarget) {
  return useCommentMutation(target, (body: CreateCommentRequest) => api.post<CommentView>(target.path, body));
}

export function useUpdateComment(target: CommentsTarget) {
  return useCommentMutation(target, ({ commentId, body }: { commentId: string; body: UpdateCommentRequest }) =>
    api.patch<CommentView>(`${target.path}/${enc(commentId)}`, body),
  );
}

export function useDeleteComment(target: CommentsTarget) {
  return useCommentMutation(target, (commentId: string) => api.delete(`${target.path}/${enc(commentId)}`));
}
