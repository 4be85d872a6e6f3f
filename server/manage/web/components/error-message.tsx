// A failure from the server, in the user's language (the server's code picks the message).
import { useTranslation } from 'react-i18next';
import type { ManageError } from '../api-client';

export function ErrorMessage({ error }: { error: ManageError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {t(`errors.${error.code}`, { detail: error.code === 'bad_request' ? (error.detail ?? '') : '' })}
    </p>
  );
}
