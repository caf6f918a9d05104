/** Route metadata written by `@Access`: read by its guard, and by the authorization tests. */
export const ACCESS_KEY = 'parley:access';

/** The path parameter `param` names a resource of `kind` that the caller must be able to reach. */
export interface AccessRule {
  kind: string;
  param: string;
}
