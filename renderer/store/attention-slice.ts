// What asks for the user's attention beyond the open room (PROTOCOL §12): keyword alerts and
// their live matches, who invited the user where, which main view is shown (a room, the
// "Alerts" region or the room directory), and the user's own Settings choices. Mention counts
// and invitations themselves live on the room summaries (`mentions`, `invited`).
import type { Alert, AlertMatch } from '../../common/attention-protocol';
import { DEFAULT_PREFERENCES, type ClientSettings } from '../platform/platform';

/** Alert matches kept for the "Alerts" view: newest first, older ones fall off (search finds them). */
export const MAX_ALERT_MATCHES = 200;

export type MainView = 'room' | 'alerts' | 'directory';

export type Preferences = Pick<ClientSettings, 'theme' | 'language' | 'notifyMentions' | 'notifyAlerts'>;

export interface AttentionState {
  alerts: Alert[];
  alertsLoaded: boolean;
  /** Newest first, at most MAX_ALERT_MATCHES. */
  alertMatches: AlertMatch[];
  /** Matches that arrived since the "Alerts" view was last looked at (the link's count). */
  unseenAlertMatches: number;
  /** roomId → display name of who invited the user (from room:invited; absent after a reload). */
  invitedBy: Record<string, string>;
  view: MainView;
  preferences: Preferences;
}

export const initialAttentionState: AttentionState = {
  alerts: [],
  alertsLoaded: false,
  alertMatches: [],
  unseenAlertMatches: 0,
  invitedBy: {},
  view: 'room',
  preferences: { ...DEFAULT_PREFERENCES },
};
