/** The service catalogue's schema: items, field descriptions, eligibility rules and readable errors. */
export * from './text';
export * from './fields';
export * from './eligibility';
export * from './item';
export * from './issues';
