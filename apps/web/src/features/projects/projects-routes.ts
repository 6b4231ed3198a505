// The board and the project page load as one chunk; the rich-text editor comes with the project page's notes.
export { ProjectsTab } from './projects-tab';
export { ProjectPage } from './project-page';
