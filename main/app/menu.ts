import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { shellText, type ShellLanguage } from './shell-strings';

type Shortcut = { key: string; modifiers: ('control' | 'meta' | 'shift')[] };

const mod = process.platform === 'darwin' ? 'meta' : 'control';

/**
 * Menu items that act in the page press the page's own shortcut, so that menu, keyboard and page share one
 * path and no extra IPC channel is opened. Their accelerators are shown but not registered (the page handles
 * the keys itself).
 */
function press(window: () => BrowserWindow | null, { key, modifiers }: Shortcut): () => void {
  return () => {
    const contents = window()?.webContents;
    if (!contents) return;
    contents.sendInputEvent({ type: 'keyDown', keyCode: key, modifiers });
    contents.sendInputEvent({ type: 'keyUp', keyCode: key, modifiers });
  };
}

/** The application menu in the interface language; rebuilt when the language changes. */
export function buildMenu(language: ShellLanguage, window: () => BrowserWindow | null): Menu {
  const t = (key: string) => shellText(language, key);
  const pageItem = (label: string, shortcut: Shortcut, accelerator: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    registerAccelerator: false,
    click: press(window, shortcut),
  });
  const template: MenuItemConstructorOptions[] = [
    {
      label: t('menu.file'),
      submenu: [
        { label: t('menu.close'), role: 'close' },
        { type: 'separator' },
        { label: t('menu.quit'), role: 'quit' },
      ],
    },
    {
      label: t('menu.edit'),
      submenu: [
        pageItem(t('menu.undo'), { key: 'z', modifiers: [mod] }, 'CmdOrCtrl+Z'),
        { type: 'separator' },
        { label: t('menu.cut'), role: 'cut' },
        { label: t('menu.copy'), role: 'copy' },
        { label: t('menu.paste'), role: 'paste' },
        { label: t('menu.selectAll'), role: 'selectAll' },
        { type: 'separator' },
        pageItem(t('find.label'), { key: 'f', modifiers: [mod] }, 'CmdOrCtrl+F'),
        pageItem(t('search.title'), { key: 'f', modifiers: [mod, 'shift'] }, 'CmdOrCtrl+Shift+F'),
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        pageItem(t('focus.enter'), { key: 'f', modifiers: [] }, 'F'),
        pageItem(t('highlights.open'), { key: 'h', modifiers: [mod, 'shift'] }, 'CmdOrCtrl+Shift+H'),
        { type: 'separator' },
        { label: t('menu.zoomIn'), role: 'zoomIn' },
        { label: t('menu.zoomOut'), role: 'zoomOut' },
        { label: t('menu.zoomReset'), role: 'resetZoom' },
        { label: t('menu.fullscreen'), role: 'togglefullscreen' },
      ],
    },
    {
      label: t('menu.help'),
      submenu: [pageItem(t('shortcuts.title'), { key: '?', modifiers: ['shift'] }, '?')],
    },
  ];
  return Menu.buildFromTemplate(template);
}
