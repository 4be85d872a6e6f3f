// "My rooms": every room the caller may see, the ones they manage first (with a link to edit
// them), narrowed by a filter on name and description.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomSummary } from '../../../../common/protocol';
import type { CategoryChoice, ManageApi, ManageError } from '../api-client';
import type { Route } from '../routes';
import { ErrorMessage } from './error-message';
import { PageLink } from './page-link';

interface Props {
  api: ManageApi;
  onNavigate: (route: Route) => void;
  onUnauthorized: (error: ManageError) => void;
}

export function RoomsPage({ api, onNavigate, onUnauthorized }: Props) {
  const { t } = useTranslation();
  const [rooms, setRooms] = useState<RoomSummary[] | null>(null);
  const [categories, setCategories] = useState<CategoryChoice[]>([]);
  const [error, setError] = useState<ManageError | null>(null);
  const [filter, setFilter] = useState('');

  useEffect(() => {
    let live = true;
    void Promise.all([api.listRooms(), api.listCategories()]).then(([roomsResult, categoriesResult]) => {
      if (!live) return;
      const failed = !roomsResult.ok ? roomsResult.error : !categoriesResult.ok ? categoriesResult.error : null;
      if (failed?.code === 'unauthorized') return onUnauthorized(failed);
      setError(failed);
      if (roomsResult.ok) setRooms(roomsResult.value);
      if (categoriesResult.ok) setCategories(categoriesResult.value);
    });
    return () => {
      live = false;
    };
  }, [api, onUnauthorized]);

  const categoryName = useMemo(() => new Map(categories.map((c) => [c.id, c.name])), [categories]);
  const needle = filter.trim().toLowerCase();
  const shown = (rooms ?? [])
    .filter((room) => needle === '' || room.name.toLowerCase().includes(needle) || room.description.toLowerCase().includes(needle))
    .sort((a, b) => a.name.localeCompare(b.name));
  const managed = shown.filter((room) => room.canManage);
  const others = shown.filter((room) => !room.canManage);

  const line = (room: RoomSummary) =>
    t('rooms.summary', {
      category: categoryName.get(room.categoryId) ?? '',
      privacy: t(`privacy.${room.privacy}`),
      type: t(`type.${room.type}`),
    });

  return (
    <main className="page">
      <h1>{t('app.myRooms')}</h1>
      <ErrorMessage error={error} />
      <label className="filter">
        {t('rooms.filter')}
        <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </label>
      {rooms === null && !error && <p role="status">{t('app.loading')}</p>}
      {rooms !== null && needle !== '' && shown.length === 0 && <p role="status">{t('rooms.noMatch', { filter })}</p>}
      {rooms !== null && (
        <>
          <section aria-labelledby="managed-heading">
            <h2 id="managed-heading">{t('rooms.managed')}</h2>
            {managed.length === 0 ? (
              <p>{t('rooms.noneManaged')}</p>
            ) : (
              <ul className="rooms">
                {managed.map((room) => (
                  <li key={room.id}>
                    <PageLink to={{ page: 'edit', roomId: room.id }} onNavigate={onNavigate}>
                      {room.name}
                    </PageLink>
                    {room.disabled && <span className="tag">{t('rooms.disabledTag')}</span>}
                    <span className="meta">{line(room)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="others-heading">
            <h2 id="others-heading">{t('rooms.others')}</h2>
            {others.length === 0 ? (
              <p>{t('rooms.noneOthers')}</p>
            ) : (
              <ul className="rooms">
                {others.map((room) => (
                  <li key={room.id}>
                    <span>{room.name}</span>
                    {room.disabled && <span className="tag">{t('rooms.disabledTag')}</span>}
                    <span className="meta">{line(room)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </main>
  );
}
