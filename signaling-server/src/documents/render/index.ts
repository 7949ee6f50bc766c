/** The server's PDF renderer for case documents (issue 10): plan which documents a case gets, render each. */
export type {
  AssessmentResult,
  DocumentInput,
  DocumentPlanEntry,
  ExternalRecords,
  FontOptions,
  RenderOptions,
  RenderedDocument,
} from './types';
export { documentItem } from './types';
export { GENERIC_RECEIPT_TITLE, ONE_TIME_NOTICE_TITLE, applicationFormTitle, planDocuments } from './plan';
export { renderDocument } from './render';
export { demoExternalRecords, DEMO_ASSESSMENT_RESULTS } from '../records';
// Sample input for benchmarks and tests (invented people).
export { SAMPLE_GROUP, sampleInput, sampleStrokes } from './sample-input';
