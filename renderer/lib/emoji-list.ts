// The reaction picker's emoji: the common ones first, each with English and French words to
// search by. Every entry is one emoji by the shared rule (common/reaction-emoji.ts; tested).
export interface EmojiEntry {
  emoji: string;
  words: string;
}

export const COMMON_EMOJI: readonly EmojiEntry[] = [
  { emoji: '👍', words: 'thumbs up yes ok agree like pouce oui' },
  { emoji: '❤️', words: 'heart love red coeur amour' },
  { emoji: '😄', words: 'smile happy grin laugh sourire content' },
  { emoji: '🎉', words: 'party tada celebrate congratulations fete bravo' },
  { emoji: '😮', words: 'wow surprised open mouth surpris' },
  { emoji: '😢', words: 'sad cry tear triste pleurer' },
  { emoji: '👎', words: 'thumbs down no dislike non' },
  { emoji: '😂', words: 'joy laugh tears lol rire' },
  { emoji: '🙏', words: 'pray thanks please merci' },
  { emoji: '👀', words: 'eyes look watching yeux regarder' },
  { emoji: '🔥', words: 'fire hot lit feu' },
  { emoji: '✅', words: 'check done yes tick fait valide' },
  { emoji: '❌', words: 'cross no wrong non faux' },
  { emoji: '🚀', words: 'rocket ship launch fusee' },
  { emoji: '💯', words: 'hundred perfect cent parfait' },
  { emoji: '🤔', words: 'thinking hmm reflechir' },
  { emoji: '👏', words: 'clap applause applaudir' },
  { emoji: '😅', words: 'sweat smile relief ouf' },
  { emoji: '😡', words: 'angry mad colere' },
  { emoji: '🙌', words: 'raised hands hooray celebrate' },
  { emoji: '⭐', words: 'star favourite etoile' },
  { emoji: '☕', words: 'coffee tea cafe the' },
  { emoji: '📈', words: 'chart up increasing stocks hausse' },
  { emoji: '📉', words: 'chart down decreasing stocks baisse' },
  { emoji: '💡', words: 'idea bulb idee' },
  { emoji: '⚠️', words: 'warning caution attention' },
  { emoji: '🇫🇷', words: 'flag france drapeau' },
  { emoji: '1️⃣', words: 'one keycap un' },
];

export function searchEmoji(query: string): EmojiEntry[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...COMMON_EMOJI];
  return COMMON_EMOJI.filter((entry) => words.every((word) => entry.emoji === word || entry.words.split(' ').some((w) => w.startsWith(word))));
}
