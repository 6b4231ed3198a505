import type { CreateFundingLineRequest, FundingLineView, UpdateFundingLineRequest } from '@concerto/domain';
import { api } from '../../api/client';
import { projectPath, useProjectPartMutation } from './projects-api';

const linesPath = (spaceId: string, projectId: string) => `${projectPath(spaceId, projectId)}/funding-lines`;
const linePath = (spaceId: string, projectId: string, lineId: string) => `${linesPath(spaceId, projectId)}/${encodeURIComponent(lineId)}`;

export function useCreateFundingLine(spaceId: string, projectId: string) {
  return useProjectPartMutation(spaceId, (body: CreateFundingLineRequest) => api.post<FundingLineView>(linesPath(spaceId, projectId), body));
}

export function useUpdateFundingLine(spaceId: string, projectId: string) {
  return useProjectPartMutation(spaceId, ({ lineId, body }: { lineId: string; body: UpdateFundingLineRequest }) =>
    api.patch<FundingLineView>(linePath(spaceId, projectId, lineId), body),
  );
}

export function useDeleteFundingLine(spaceId: string, projectId: string) {
  return useProjectPartMutation(spaceId, (lineId: string) => api.delete(linePath(spaceId, projectId, lineId)));
}
