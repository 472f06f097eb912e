import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

type Announce = (message: string) => void;

const AnnounceContext = createContext<Announce>(() => undefined);
const MessageContext = createContext('');

/**
 * Polite screen-reader announcements for things that happen without a visible element to land on
 * (a highlight has no element of its own: it is painted, not inserted).
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const announce = useCallback((text: string) => {
    // Emptied first, so the same sentence twice in a row is still read out twice.
    setMessage('');
    requestAnimationFrame(() => setMessage(text));
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      <MessageContext.Provider value={message}>{children}</MessageContext.Provider>
    </AnnounceContext.Provider>
  );
}

/** The live region itself; placed inside the main landmark so every part of the page is in one. */
export function LiveRegion() {
  const message = useContext(MessageContext);
  // Always in the page and empty at first: a live region is only watched once it exists.
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-announcer="">
      {message}
    </div>
  );
}

/** Says something to screen-reader users without moving focus. */
export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}
