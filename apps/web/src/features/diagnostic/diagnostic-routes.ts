export { DiagnosticTab } from './diagnostic-tab';
