import { SetMetadata } from '@nestjs/common';

export const PUBLIC_KEY = 'parley:public';

/**
 * No authentication: health, docs, sign-in flows, shared links. It lives in the
 * platform so that platform controllers can opt out of the global auth guard
 * without depending on the auth module.
 */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
