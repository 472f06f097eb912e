import { useCallback, useEffect, useState } from 'react';
import { call } from '../api';
import { useAfterFirstScreen } from '../use-after-first-screen';

/**
 * The library's tags, offered while tagging. They are for editing, so they are fetched once the text is on
 * screen; `refresh` asks again after a save that may have added one.
 */
export function useTagSuggestions(): { suggestions: string[]; refresh: () => void; textShown: boolean } {
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const refresh = useCallback(() => {
    void call('listTags', {}).then((result) => result.ok && setSuggestions(result.value));
  }, []);
  const textShown = useAfterFirstScreen(true);
  useEffect(() => {
    if (textShown) refresh();
  }, [textShown, refresh]);
  return { suggestions, refresh, textShown };
}
