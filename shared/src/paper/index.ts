/** Paper in and out (issue 10): case documents, print jobs, materials from the document camera. */
export * from './document';
export * from './material';
export * from './print-job';
