// Who is signed in, to which server, and the server's effective configuration (PROTOCOL §2
// `session` / `config:updated`). The config starts at the documented defaults and is replaced
// as soon as the server says otherwise.
import { DEFAULT_CONFIG } from '../../common/config';
import type { EffectiveConfig, User } from '../../common/protocol';

/** starting: reading the stored token; signed-out: show the form; connecting/connected/reconnecting: socket states. */
export type ConnectionStatus = 'starting' | 'signed-out' | 'signing-in' | 'connecting' | 'connected' | 'reconnecting';

export interface SessionState {
  status: ConnectionStatus;
  serverUrl: string;
  token: string | null;
  user: User | null;
  config: EffectiveConfig;
  serverVersion: string | null;
}

export const initialSessionState: SessionState = {
  status: 'starting',
  serverUrl: '',
  token: null,
  user: null,
  config: { ...DEFAULT_CONFIG },
  serverVersion: null,
};
