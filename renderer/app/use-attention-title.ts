// The total of unread mentions, where the user sees it without looking at the list: the tab
// title ("(3) pchat") and, on the desktop, the dock/taskbar badge (platform.setBadgeCount).
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { selectTotalMentions } from '../store/selectors';
import { useChat, usePlatform } from './chat-context';

export function titleWithMentions(title: string, mentions: number): string {
  return mentions > 0 ? `(${mentions}) ${title}` : title;
}

export function useAttentionTitle(): void {
  const { t } = useTranslation();
  const platform = usePlatform();
  const mentions = useChat(selectTotalMentions);
  const title = t('app.title');
  useEffect(() => {
    document.title = titleWithMentions(title, mentions);
    platform.setBadgeCount(mentions);
  }, [platform, title, mentions]);
  // Signed out: nothing is owed any more.
  useEffect(
    () => () => {
      document.title = title;
      platform.setBadgeCount(0);
    },
    [platform, title],
  );
}
