// The controls of the room form, every field of PROTOCOL §7's room body, each with a label.
// Stateless: the page owns the values and what happens on submit.
import { useTranslation } from 'react-i18next';
import type { Addin } from '../../../../common/protocol';
import type { CategoryChoice, RoomFields } from '../api-client';
import { NameListField } from './name-list-field';

interface Props {
  fields: RoomFields;
  onChange: (patch: Partial<RoomFields>) => void;
  categories: readonly CategoryChoice[];
  addins: readonly Addin[];
  /** Only administrators move a room to another category (PROTOCOL §7). */
  categoryEditable: boolean;
  readOnly: boolean;
}

const TYPES = ['normal', 'auditorium'] as const;
const PRIVACIES = ['open', 'closed', 'secret'] as const;

export function RoomFormFields({ fields, onChange, categories, addins, categoryEditable, readOnly }: Props) {
  const { t } = useTranslation();
  // A manager may not be in the room's category list (not a member or creator there): still show it.
  const categoryOptions: readonly { id: string; name: string }[] = categories.some((c) => c.id === fields.categoryId)
    ? categories
    : [{ id: fields.categoryId, name: fields.categoryId }, ...categories];

  return (
    <fieldset className="stack plain" disabled={readOnly}>
      <label>
        {t('form.name')}
        <input required maxLength={100} value={fields.name} onChange={(e) => onChange({ name: e.target.value })} />
      </label>
      <label>
        {t('form.category')}
        <select
          value={fields.categoryId}
          disabled={!categoryEditable}
          aria-describedby={categoryEditable ? undefined : 'category-locked'}
          onChange={(e) => onChange({ categoryId: e.target.value })}
        >
          {categoryOptions.map((category) => (
            <option key={category.id} value={category.id}>
              {category.name}
            </option>
          ))}
        </select>
      </label>
      {!categoryEditable && (
        <p id="category-locked" className="muted">
          {t('form.categoryLocked')}
        </p>
      )}
      <label>
        {t('form.description')}
        <textarea rows={3} maxLength={2000} value={fields.description} onChange={(e) => onChange({ description: e.target.value })} />
      </label>
      <div className="row">
        <label>
          {t('form.type')}
          <select value={fields.type} onChange={(e) => onChange({ type: TYPES.find((v) => v === e.target.value) ?? 'normal' })}>
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`type.${type}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('form.privacy')}
          <select
            value={fields.privacy}
            onChange={(e) => onChange({ privacy: PRIVACIES.find((v) => v === e.target.value) ?? 'closed' })}
          >
            {PRIVACIES.map((privacy) => (
              <option key={privacy} value={privacy}>
                {t(`privacy.${privacy}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('form.addin')}
          <select value={fields.addinId ?? ''} onChange={(e) => onChange({ addinId: e.target.value === '' ? null : e.target.value })}>
            <option value="">{t('form.noAddin')}</option>
            {addins.map((addin) => (
              <option key={addin.id} value={addin.id}>
                {addin.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="check">
        <input type="checkbox" checked={fields.invitations} onChange={(e) => onChange({ invitations: e.target.checked })} />
        {t('form.invitations')}
      </label>
      <label className="check">
        <input type="checkbox" checked={fields.disabled} onChange={(e) => onChange({ disabled: e.target.checked })} />
        {t('form.disabled')}
      </label>
      <NameListField legend={t('form.members')} addLabel={t('form.addMember')} names={fields.members} onChange={(members) => onChange({ members })} />
      <NameListField
        legend={t('form.managers')}
        addLabel={t('form.addManager')}
        names={fields.managers}
        onChange={(managers) => onChange({ managers })}
      />
      <NameListField
        legend={t('form.presenters')}
        addLabel={t('form.addPresenter')}
        names={fields.presenters}
        onChange={(presenters) => onChange({ presenters })}
      />
    </fieldset>
  );
}
