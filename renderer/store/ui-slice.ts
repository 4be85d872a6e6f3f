// What the UI shows that is not chat data: the one error alert (so there is never more than one
// role="alert" to find). Errors are stored as translation keys and rendered through t(), so a
// language change re-renders them correctly.
import type { en } from '../i18n/en';

export type ErrorKey =
  | `errors.${keyof typeof en.errors}`
  | 'files.tooLarge'
  | 'files.cancelled'
  | 'composer.tooLong';

export interface UiError {
  key: ErrorKey;
  params?: Record<string, string | number>;
}

export interface UiState {
  error: UiError | null;
}

export const initialUiState: UiState = { error: null };
