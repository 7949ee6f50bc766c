/** Cases: outcome, signature, rating, consent ledger, case number and the live case state. */
export * from './case-number';
export * from './case-state';
export * from './consent';
export * from './outcome';
export * from './rating';
export * from './signature';
