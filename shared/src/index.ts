/** @rvw/shared: the typed wire protocol (socket.io and HTTP), error codes, domain types and the kiosk bridge contract. */
export * from './errors';
export * from './identity';
export * from './domain';
export * from './protocol';
export * from './http';
export * from './bridge';
export * from './idcard/reader-status';
export * from './catalogue';
// The reconnect policies are plain logic: the kiosk host (Node, no WebRTC) takes them from here.
export * from './call/reconnect-policy';
export * from './form';
export * from './case';
export * from './paper';
export * from './routing';
export * from './fleet';
export * from './privacy';
