// Who is calling, as established by the session cookie or an API token.
import type { Viewer } from "../../../core/access/distribution.ts";

export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  party: string | null;
  role: NonNullable<Viewer["role"]>;
  totpEnabled: boolean;
}

export interface AuthContext {
  user: AuthUser;
  viewer: Viewer;
  via: "session" | "token";
  sessionId: string | null;
  tokenId: string | null;
  csrfToken: string | null;
  scopes: readonly string[];
}
