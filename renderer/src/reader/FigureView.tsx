import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { Block } from '../../../shared/article-model';
import { useT } from '../i18n/I18nProvider';

/** Where the app serves a stored picture: its own origin, which the page's CSP allows (`img-src 'self'`). */
export function assetUrl(asset: string): string {
  return `/assets/${asset}`;
}

type Props = {
  block: Block;
  /** The caption's content (text and marks), already built like any block's. */
  caption: ReactNode;
  attributes: { 'data-block': number; dir?: 'rtl' | 'ltr'; 'data-anchors'?: string };
};

/**
 * A figure: the stored picture at its natural size up to the column's width, its caption below. Clicking the
 * picture shows it large until Escape or a click closes it. The caption (the block's text) is what can be
 * highlighted; the picture adds no text, so offsets count the caption only.
 */
export function FigureView({ block, caption, attributes }: Props) {
  const t = useT();
  const [large, setLarge] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const closeLarge = useCallback(() => {
    setLarge(false);
    // Back where the reader was: the button that opened it (else focus would fall to the page).
    opener.current?.focus({ preventScroll: true });
  }, []);
  const { image, missing } = block;
  // With no caption, the alt text is the block's text and shown as the caption: the picture then needs
  // no alt of its own, or a screen reader would say it twice.
  const alt = image && block.text !== image.alt ? image.alt : '';
  return (
    <figure {...attributes} className="figure">
      {image ? (
        <button
          ref={opener}
          type="button"
          className="figure-open"
          aria-label={t('figure.enlarge')}
          onClick={() => setLarge(true)}
        >
          <img
            src={assetUrl(image.asset)}
            alt={alt}
            width={image.width || undefined}
            height={image.height || undefined}
            loading="lazy"
            decoding="async"
          />
        </button>
      ) : (
        <div className="figure-missing" role="img" aria-label={missing?.alt || t('figure.missing')}>
          {t('figure.missing')}
        </div>
      )}
      {block.text !== '' && <figcaption>{caption}</figcaption>}
      {large && image && <LargePicture src={assetUrl(image.asset)} alt={image.alt} onClose={closeLarge} />}
    </figure>
  );
}

function LargePicture({ src, alt, onClose }: { src: string; alt: string; onClose: () => void }) {
  const t = useT();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  useEffect(() => {
    // While open, Escape is the picture's alone: caught on its way down, before the reader (which would
    // clear the selection in the text and close a highlight's popover) or the app (focus mode) sees it.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      onClose();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);
  // In the page's body: an article block is a containment boundary, which would clip a fixed overlay.
  return createPortal(
    <div
      className="figure-large"
      role="dialog"
      aria-modal="true"
      aria-label={alt || t('figure.large')}
      onClick={onClose}
    >
      <img src={src} alt={alt} />
      <button ref={close} type="button" className="figure-close" onClick={onClose}>
        {t('figure.close')}
      </button>
    </div>,
    document.body,
  );
}
