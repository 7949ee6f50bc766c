/** Schemas of the HTTP API's request and response bodies (see docs/protocol.md). */
import { z } from 'zod';
import { Agent, Kiosk, Role } from './domain';
import { ResidentIdentity } from './identity';

export const LoginRequest = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginResponse = z.object({ token: z.string(), agent: Agent, expiresAt: z.string() });
export type LoginResponse = z.infer<typeof LoginResponse>;

export const CreateKioskRequest = z.object({
  name: z.string().min(1).max(100),
  location: z.string().min(1).max(200),
});
export type CreateKioskRequest = z.infer<typeof CreateKioskRequest>;

/** The kiosk's secret token appears only in this response, once. */
export const CreateKioskResponse = z.object({ kiosk: Kiosk, token: z.string() });
export type CreateKioskResponse = z.infer<typeof CreateKioskResponse>;

export const CreateAgentRequest = z.object({
  username: z
    .string()
    .min(2)
    .max(64)
    .regex(/^[a-z0-9._-]+$/),
  displayName: z.string().min(1).max(100),
  password: z.string().min(10).max(256),
  role: Role,
});
export type CreateAgentRequest = z.infer<typeof CreateAgentRequest>;

/** Sent by the kiosk's main process (never the renderer) after the resident consents. */
export const AttachIdentityRequest = z.object({
  ticketId: z.string().min(1).max(64),
  consent: z.literal(true),
  identity: ResidentIdentity,
});
export type AttachIdentityRequest = z.infer<typeof AttachIdentityRequest>;

/** Every HTTP error body. */
export const HttpError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type HttpError = z.infer<typeof HttpError>;
