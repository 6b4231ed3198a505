// The guide's pages load as one chunk; the co-editing editor comes later, with the first page that shows co-edited text.
export { GuideTab } from './guide-tab';
export { TestimoniesPage } from './testimonies-page';
export { TestimonyPage } from './testimony-page';
export { RecommendationsPage } from './recommendations-page';
export { RecommendationPage } from './recommendation-page';
export { AnalysesPage } from './analyses-page';
export { AnalysisPage } from './analysis-page';
