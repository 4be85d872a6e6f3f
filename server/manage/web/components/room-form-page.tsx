// "Create room" and "Edit room": loads what the form offers (categories, add-ins, the room),
// and sends POST /api/rooms or PATCH /api/rooms/:id. The server decides who may do what; this
// page only avoids offering what cannot succeed (categories where the caller cannot create,
// the category of an existing room for non-administrators).
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Addin } from '../../../../common/protocol';
import type { ApiResult, CategoryChoice, ManageApi, ManageError, ManagedRoom, RoomFields } from '../api-client';
import type { Route } from '../routes';
import { ErrorMessage } from './error-message';
import { PageLink } from './page-link';
import { RoomFormFields } from './room-form-fields';

interface Props {
  api: ManageApi;
  /** Absent: create a room. */
  roomId?: string;
  isAdmin: boolean;
  /** A message carried over from the previous page (e.g. "Room created."). */
  notice?: string | null;
  onNavigate: (route: Route, notice?: string) => void;
  onUnauthorized: (error: ManageError) => void;
}

function fieldsOf(room: ManagedRoom): RoomFields {
  return {
    name: room.name,
    categoryId: room.categoryId,
    description: room.description,
    type: room.type,
    privacy: room.privacy,
    addinId: room.addin?.id ?? null,
    members: room.members ?? [],
    managers: room.managers,
    presenters: room.presenters,
    invitations: room.invitations ?? true,
    disabled: room.disabled,
  };
}

function newRoomFields(category: CategoryChoice | undefined): RoomFields {
  return {
    name: '',
    categoryId: category?.id ?? '',
    description: '',
    type: 'normal',
    privacy: 'closed',
    addinId: null,
    members: [],
    managers: [],
    presenters: [],
    invitations: category?.invitations ?? true,
    disabled: false,
  };
}

export function RoomFormPage({ api, roomId, isAdmin, notice = null, onNavigate, onUnauthorized }: Props) {
  const { t } = useTranslation();
  const [categories, setCategories] = useState<CategoryChoice[]>([]);
  const [addins, setAddins] = useState<Addin[]>([]);
  const [room, setRoom] = useState<ManagedRoom | null>(null);
  const [fields, setFields] = useState<RoomFields | null>(null);
  const [error, setError] = useState<ManageError | null>(null);
  const [status, setStatus] = useState<string | null>(notice);
  const [busy, setBusy] = useState(false);
  const creating = roomId === undefined;

  useEffect(() => {
    let live = true;
    void Promise.all([api.listCategories(), api.listAddins(), roomId === undefined ? null : api.getRoom(roomId)]).then(
      ([categoriesResult, addinsResult, roomResult]) => {
        if (!live) return;
        const failed = [categoriesResult, addinsResult, roomResult].find((r) => r !== null && !r.ok);
        if (failed && !failed.ok) {
          if (failed.error.code === 'unauthorized') return onUnauthorized(failed.error);
          setError(failed.error);
        }
        const offered = categoriesResult.ok ? categoriesResult.value : [];
        setCategories(roomId === undefined ? offered.filter((c) => c.canCreate) : offered);
        if (addinsResult.ok) setAddins(addinsResult.value);
        if (roomResult?.ok) {
          setRoom(roomResult.value);
          setFields(fieldsOf(roomResult.value));
        } else if (roomId === undefined) {
          setFields(newRoomFields(offered.find((c) => c.canCreate)));
        }
      },
    );
    return () => {
      live = false;
    };
  }, [api, roomId, onUnauthorized]);

  // Any edit makes the last answer old news: "That name is already taken" must not outlive the
  // name it was about (issue 11).
  const change = (patch: Partial<RoomFields>) => {
    setFields((current) => (current ? { ...current, ...patch } : current));
    setStatus(null);
    setError(null);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!fields) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    let result: ApiResult<ManagedRoom>;
    if (creating) {
      result = await api.createRoom({ ...fields, name: fields.name.trim() });
    } else {
      // categoryId goes only when an administrator changed it: for anyone else it is refused.
      const { categoryId, ...rest } = fields;
      const patch: Partial<RoomFields> = { ...rest, name: fields.name.trim() };
      if (isAdmin && room && categoryId !== room.categoryId) patch.categoryId = categoryId;
      result = await api.updateRoom(roomId, patch);
    }
    setBusy(false);
    if (!result.ok) {
      if (result.error.code === 'unauthorized') return onUnauthorized(result.error);
      return setError(result.error);
    }
    if (creating) return onNavigate({ page: 'edit', roomId: result.value.id }, t('form.created'));
    setRoom(result.value);
    setFields(fieldsOf(result.value));
    setStatus(t('form.saved'));
  };

  const readOnly = room !== null && !room.canManage;
  const title = creating ? t('form.createTitle') : t('form.editTitle', { name: room?.name ?? '' });
  return (
    <main className="page">
      <h1>{title}</h1>
      <p>
        <PageLink to={{ page: 'rooms' }} onNavigate={onNavigate}>
          {t('form.back')}
        </PageLink>
      </p>
      <ErrorMessage error={error} />
      <p role="status" className="status">
        {status}
      </p>
      {creating && fields !== null && categories.length === 0 && <p>{t('form.noCategory')}</p>}
      {readOnly && <p>{t('form.readOnly')}</p>}
      {fields === null && !error && <p>{t('app.loading')}</p>}
      {fields !== null && (!creating || categories.length > 0) && (
        <form onSubmit={(event) => void submit(event)} className="stack">
          <RoomFormFields
            fields={fields}
            onChange={change}
            categories={categories}
            addins={addins}
            categoryEditable={creating || isAdmin}
            readOnly={readOnly}
          />
          {!readOnly && (
            <button type="submit" disabled={busy}>
              {busy ? t('form.saving') : creating ? t('form.create') : t('form.save')}
            </button>
          )}
        </form>
      )}
    </main>
  );
}
