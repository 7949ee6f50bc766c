/** Browser-side calls, shared by the kiosk renderer and the agent console: the call controller, its peer connection, media and reconnect policies. */
export * from './call-controller';
export * from './fake-peer';
export * from './held-media';
export * from './media';
export * from './peer-call';
export * from './prepared-peer';
export * from './reconnect-policy';
export * from './sdp';
