import type {
  CreateIndicatorRequest,
  CreateMilestoneRequest,
  CreateProjectRequest,
  IndicatorView,
  MilestoneView,
  ProjectChangeView,
  ProjectDetail,
  ProjectListQuery,
  ProjectSummary,
  UpdateMilestoneRequest,
  UpdateProjectRequest,
} from '@concerto/domain';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { searchString } from '../../api/search-params';
import { spacePath } from '../../api/space-path';

export const projectsPath = (spaceId: string) => `${spacePath(spaceId)}/projects`;
export const projectPath = (spaceId: string, projectId: string) => `${projectsPath(spaceId)}/${encodeURIComponent(projectId)}`;

export const projectQuery = (spaceId: string, projectId: string) =>
  queryOptions({
    queryKey: queryKeys.project(spaceId, projectId),
    queryFn: () => api.get<ProjectDetail>(projectPath(spaceId, projectId)),
  });

export function useProjects(spaceId: string, filters: ProjectListQuery = {}) {
  return useQuery({
    queryKey: queryKeys.projectList(spaceId, filters),
    queryFn: () => api.get<ProjectSummary[]>(`${projectsPath(spaceId)}${searchString(filters)}`),
    placeholderData: (previous) => previous,
  });
}

export function useProject(spaceId: string, projectId: string) {
  return useQuery(projectQuery(spaceId, projectId));
}

export function useProjectChanges(spaceId: string, projectId: string) {
  return useQuery({
    queryKey: queryKeys.projectChanges(spaceId, projectId),
    queryFn: () => api.get<ProjectChangeView[]>(`${projectPath(spaceId, projectId)}/changes`),
  });
}

/** After any change to a project: its page, the board and the observatory figures. */
function useRefreshProjects(spaceId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.projects(spaceId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.observatory });
  };
}

export function useCreateProject(spaceId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshProjects(spaceId);
  return useMutation({
    mutationFn: (body: CreateProjectRequest) => api.post<ProjectDetail>(projectsPath(spaceId), body),
    onSuccess: (project) => {
      queryClient.setQueryData(queryKeys.project(spaceId, project.id), project);
      refresh();
    },
  });
}

export function useUpdateProject(spaceId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshProjects(spaceId);
  return useMutation({
    mutationFn: ({ projectId, body }: { projectId: string; body: UpdateProjectRequest }) => api.patch<ProjectDetail>(projectPath(spaceId, projectId), body),
    onSuccess: (project) => {
      queryClient.setQueryData(queryKeys.project(spaceId, project.id), project);
      refresh();
    },
  });
}

export function useDeleteProject(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (projectId: string) => api.delete(projectPath(spaceId, projectId)),
    // Only the lists: the page of the deleted project is left by the caller, not refetched into a 404.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [...queryKeys.projects(spaceId), 'list'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.observatory });
    },
  });
}

/** Mutations on the parts of one project (milestones, indicators, funding lines) refresh it as a whole. */
export function useProjectPartMutation<V, R>(spaceId: string, request: (variables: V) => Promise<R>) {
  const refresh = useRefreshProjects(spaceId);
  return useMutation({ mutationFn: request, onSettled: refresh });
}

export function useCreateMilestone(spaceId: string, projectId: string) {
  return useProjectPartMutation(spaceId, (body: CreateMilestoneRequest) => api.post<MilestoneView>(`${projectPath(spaceId, projectId)}/milestones`, body));
}

export function useUpdateMilestone(spaceId: string, projectId: string) {
  return useProjectPartMutation(spaceId, ({ milestoneId, body }: { milestoneId: string; body: UpdateMilestoneRequest }) =>
    api.patch<MilestoneView>(`${projectPath(spaceId, projectId)}/milestones/${encodeURIComponent(milestoneId)}`, body),
  );
}

export function useDeleteMilestone(spaceId: string, projectId: string) {
  return useProjectPartMutation(spaceId, (milestoneId: string) =>
    api.delete(`${projectPath(spaceId, projectId)}/milestones/${encodeURIComponent(milestoneId)}`),
  );
}

export function useCreateIndicator(spaceId: string, projectId: string) {
  return useProjectPartMutation(spaceId, (body: CreateIndicatorRequest) => api.post<IndicatorView>(`${projectPath(spaceId, projectId)}/indicators`, body));
}

export function useDeleteIndicator(spaceId: string, projectId: string) {
  return useProjectPartMutation(spaceId, (indicatorId: string) =>
    api.delete(`${projectPath(spaceId, projectId)}/indicators/${encodeURIComponent(indicatorId)}`),
  );
}
