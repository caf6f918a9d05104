import { SetMetadata } from '@nestjs/common';

export const PUBLIC_KEY = 'parley:public';
/**
 * The roles a route needs (auth's `@Roles`); the platform reads it too, to
 * document that a caller without them hears 404.
 */
export const ROLES_KEY = 'parley:roles';

/**
 * No authentication: health, docs, sign-in flows, shared links. It lives in the
 * platform so that platform controllers can opt out of the global auth guard
 * without depending on the auth module.
 */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
