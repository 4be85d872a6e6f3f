// Hands the store, the bridge and the host platform to components. Reading goes through
// useChat(selector); writing goes through the ChatClient methods only.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Platform } from '../platform/platform';
import type { ChatState, ChatStore } from '../store/chat-store';
import type { ChatClient } from '../store/socket-bridge';

interface ChatContextValue {
  store: ChatStore;
  client: ChatClient;
  platform: Platform;
}

const ChatContext = createContext<ChatContextValue | null>(null);

export function ChatProvider({ value, children }: { value: ChatContextValue; children: ReactNode }) {
  return <ChatContext.Provider value={value}>{children}</ChatContext.Provider>;
}

function useChatContext(): ChatContextValue {
  const value = useContext(ChatContext);
  if (!value) throw new Error('ChatProvider is missing above this component');
  return value;
}

export function useChat<T>(selector: (state: ChatState) => T): T {
  return useStore(useChatContext().store, selector);
}

/** The store itself, for hooks that read it outside rendering (event handlers). */
export function useChatStoreApi(): ChatStore {
  return useChatContext().store;
}

export function useChatClient(): ChatClient {
  return useChatContext().client;
}

export function usePlatform(): Platform {
  return useChatContext().platform;
}
