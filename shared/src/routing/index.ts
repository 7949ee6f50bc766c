/** Routing (issue 11): centres, needs and skills, agent status, priority, estimates, offers, transfer, appointments, supervision. */
export * from './centre';
export * from './needs';
export * from './agent-status';
export * from './priority';
export * from './estimate';
export * from './offer';
export * from './transfer';
export * from './appointment';
export * from './supervision';
