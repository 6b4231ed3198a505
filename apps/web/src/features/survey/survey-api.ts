import type {
  OpenSurveyCampaignRequest,
  SpaceSurveyItem,
  SurveyAnswers,
  SurveyCampaignSummary,
  SurveyCampaignView,
  SurveyFormView,
  SurveyReminderResult,
} from '@concerto/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

/**
 * Campaigns live under the observatory's key: a pole's submission sends pole, funding and relation notices, which
 * the events provider turns into observatory refreshes, so the response rate moves with the figures.
 */
export const surveyCampaignsKey = [...queryKeys.observatory, 'surveys'] as const;
const campaignKey = (campaignId: string) => [...surveyCampaignsKey, campaignId] as const;
/** A pole's form lives under its space: every notice of the space refreshes it. */
const spaceSurveysKey = (spaceId: string) => [...queryKeys.space(spaceId), 'surveys'] as const;
const formKey = (spaceId: string, campaignId: string) => [...spaceSurveysKey(spaceId), campaignId] as const;

export function useSurveyCampaigns() {
  return useQuery({ queryKey: surveyCampaignsKey, queryFn: () => api.get<SurveyCampaignSummary[]>('/api/observatory/surveys') });
}

export function useSurveyCampaign(campaignId: string) {
  return useQuery({ queryKey: campaignKey(campaignId), queryFn: () => api.get<SurveyCampaignView>(`/api/observatory/surveys/${campaignId}`) });
}

export function useOpenSurveyCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenSurveyCampaignRequest) => api.post<SurveyCampaignView>('/api/observatory/surveys', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: surveyCampaignsKey }),
  });
}

export function useRemindSurvey(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<SurveyReminderResult>(`/api/observatory/surveys/${campaignId}/reminders`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignKey(campaignId) }),
  });
}

export function useSpaceSurveys(spaceId: string) {
  return useQuery({ queryKey: spaceSurveysKey(spaceId), queryFn: () => api.get<SpaceSurveyItem[]>(`/api/spaces/${spaceId}/surveys`) });
}

export function useSurveyForm(spaceId: string, campaignId: string) {
  return useQuery({ queryKey: formKey(spaceId, campaignId), queryFn: () => api.get<SurveyFormView>(`/api/spaces/${spaceId}/surveys/${campaignId}`) });
}

/** Saves a draft or submits; the answer comes back as the form. */
export function useSaveSurvey(spaceId: string, campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ answers, submit }: { answers: SurveyAnswers; submit: boolean }) =>
      submit
        ? api.post<SurveyFormView>(`/api/spaces/${spaceId}/surveys/${campaignId}/submit`, answers)
        : api.put<SurveyFormView>(`/api/spaces/${spaceId}/surveys/${campaignId}/draft`, answers),
    onSuccess: (form) => {
      queryClient.setQueryData(formKey(spaceId, campaignId), form);
      void queryClient.invalidateQueries({ queryKey: spaceSurveysKey(spaceId) });
    },
  });
}
