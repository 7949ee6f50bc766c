/** The kiosk bridge contract (host <-> renderer): one file per area, merged in contract.ts. */
export * from './spec';
export * from './empty';
export * from './config';
export * from './idcard';
export * from './server';
export * from './case';
export * from './paper';
export * from './routing';
export * from './fleet';
export * from './demo';
export * from './views';
export * from './contract';
export * from './errors';
export * from './transport';
export * from './client';
