/** Browser-side call helpers (simple-peer), shared by the kiosk renderer and the agent console. */
export * from './peer-call';
