// Web composer drafts: one localStorage entry per account, checked on the way back in.
import { parseDrafts } from '../../common/drafts';
import type { DraftPersistence } from './platform';

const PREFIX = 'pchat.drafts:';

export function localStorageDrafts(storage: Storage): DraftPersistence {
  return {
    load: (account) => {
      try {
        return Promise.resolve(parseDrafts(JSON.parse(storage.getItem(PREFIX + account) ?? '{}')));
      } catch {
        return Promise.resolve({});
      }
    },
    save: (account, drafts) => {
      try {
        if (Object.keys(drafts).length === 0) storage.removeItem(PREFIX + account);
        else storage.setItem(PREFIX + account, JSON.stringify(drafts));
      } catch {
        // Storage full or refused: the drafts still live for this session.
      }
      return Promise.resolve();
    },
  };
}
