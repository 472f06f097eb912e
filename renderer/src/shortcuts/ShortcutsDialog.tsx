import { Keyboard, X } from 'lucide-react';
import { Fragment } from 'react';
import { Dialog } from '../dialog/Dialog';
import type { MessageKey } from '../i18n';
import { useT } from '../i18n/I18nProvider';
import { isMac, SHORTCUTS, type Key } from './shortcut-list';

const NAMED: Record<'ctrl' | 'shift' | 'esc' | 'enter' | 'arrows', MessageKey> = {
  ctrl: 'keys.ctrl',
  shift: 'keys.shift',
  esc: 'keys.esc',
  enter: 'keys.enter',
  arrows: 'keys.arrows',
};

function KeyCap({ keyCap }: { keyCap: Key }) {
  const t = useT();
  if ('char' in keyCap) return <kbd>{keyCap.char}</kbd>;
  if (keyCap.named === 'mod') return <kbd>{t(isMac(navigator.platform) ? 'keys.cmd' : 'keys.ctrl')}</kbd>;
  return <kbd>{t(NAMED[keyCap.named])}</kbd>;
}

function Combination({ keys }: { keys: Key[] }) {
  return keys.map((keyCap, index) => (
    <Fragment key={index}>
      {index > 0 && <span aria-hidden="true">+</span>}
      <KeyCap keyCap={keyCap} />
    </Fragment>
  ));
}

/** The `?` overlay: every shortcut, grouped, with keys drawn as keycaps. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  return (
    <Dialog labelledBy="shortcuts-title" className="shortcuts-dialog" onClose={onClose}>
      <header className="dialog-header">
        <h2 id="shortcuts-title">
          <Keyboard aria-hidden="true" size={18} />
          {t('shortcuts.title')}
        </h2>
        <button type="button" className="icon-only" aria-label={t('shortcuts.close')} onClick={onClose}>
          <X aria-hidden="true" size={18} />
        </button>
      </header>
      {SHORTCUTS.map((group) => (
        <section key={group.title} className="shortcut-group" aria-labelledby={`${group.title}-title`}>
          <h3 id={`${group.title}-title`}>{t(group.title)}</h3>
          <dl className="shortcut-list">
            {group.shortcuts.map((shortcut) => (
              <div key={shortcut.description} className="shortcut">
                <dt dir="ltr">
                  <Combination keys={shortcut.keys} />
                  {shortcut.or && (
                    // "or" is a word of the interface language, read before the keys in either direction.
                    <span className="shortcut-alternative" dir={t.dir}>
                      <span className="shortcut-or">{t('shortcuts.or')}</span>
                      <span className="shortcut-keys" dir="ltr">
                        <Combination keys={shortcut.or} />
                      </span>
                    </span>
                  )}
                </dt>
                <dd>{t(shortcut.description)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </Dialog>
  );
}
