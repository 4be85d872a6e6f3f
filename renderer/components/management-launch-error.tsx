// Why "Manage room" / "Create room" could not open the management page, beside the button.
import { useTranslation } from 'react-i18next';
import type { UiError } from '../store/ui-slice';

export function ManagementLaunchError({ error }: { error: UiError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p role="alert" className="management-error">
      {t(error.key, error.params)}
    </p>
  );
}
