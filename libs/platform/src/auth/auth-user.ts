import { Role } from './roles.js';

/** Who is calling, as the access token says; the base of every scoped query. */
export interface AuthUser {
  id: string;
  role: Role;
  /** For employer accounts: the organisation they act for. */
  employerId?: string;
  /** For brokers and officers: GB/T 2260 county codes they are assigned to. */
  countyCodes: string[];
}

export interface AccessTokenClaims {
  sub: string;
  role: Role;
  emp?: string;
  cty?: string[];
  typ: 'access';
}
