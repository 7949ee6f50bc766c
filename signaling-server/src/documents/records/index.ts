/** Other government systems' results that documents print (issue 10). */
export type { AssessmentResult, ExternalRecords } from './types';
export { DEMO_ASSESSMENT_RESULTS, demoExternalRecords } from './demo';
