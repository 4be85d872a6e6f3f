import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: the bearer token or handoff code handed to the client. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** What is stored instead of the secret, so a copy of the database signs nobody in. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
