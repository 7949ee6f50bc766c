/** The fleet (issue 12): health reports, levels and problems, readiness, alert rules, diagnostics, updates. */
export * from './alert-rules';
export * from './diagnostics';
export * from './fleet-kiosk';
export * from './health-report';
export * from './problems';
export * from './readiness';
export * from './updates';
