import { SlidersHorizontal, X } from 'lucide-react';
import { Dialog } from '../dialog/Dialog';
import type { MessageKey } from '../i18n';
import { useT } from '../i18n/I18nProvider';
import { PALETTES } from '../theme/palettes';
import { FONT_STACKS } from './apply-settings';
import { ChoiceGroup } from './ChoiceGroup';
import {
  FONT_SIZE,
  FONTS,
  LANGUAGES,
  LINE_HEIGHT,
  MEASURE,
  THEMES,
  type ReaderSettings,
} from '../../../shared/settings';
import { RangeField } from './RangeField';
import { COLORS, colorKey } from '../reader/colors';
import { SyncSettings } from '../sync/SyncSettings';

type Props = {
  settings: ReaderSettings;
  onChange: (patch: Partial<ReaderSettings>) => void;
  onClose: () => void;
  /** Leaves the settings for the notes a sync left in conflict. */
  onOpenConflicts: () => void;
  /** A sync from the panel brought changes: the lists behind it are read again. */
  onSynced: () => void;
};

/** A small page of paper and ink in a theme's colours; "follow the system" shows light and dark halves. */
function ThemePreview({ theme }: { theme: ReaderSettings['theme'] }) {
  const t = useT();
  const light = PALETTES.light;
  const palette = theme === 'system' ? light : PALETTES[theme];
  const background =
    theme === 'system'
      ? `linear-gradient(to right, ${light.paper} 50%, ${PALETTES.dark.paper} 50%)`
      : palette.paper;
  return (
    <span className="theme-preview" aria-hidden="true" style={{ background }}>
      <span style={{ background: palette['hl-yellow'], color: palette.ink }}>
        {t('settings.themeSample')}
      </span>
      {theme === 'system' && <span style={{ color: PALETTES.dark.ink }}>{t('settings.themeSample')}</span>}
    </span>
  );
}

/**
 * The reading settings, in a dialog at the side of the window so the article stays in view: every change
 * applies at once, and the passage at the top of the reader stays there.
 */
export function SettingsPanel({ settings, onChange, onClose, onOpenConflicts, onSynced }: Props) {
  const t = useT();
  const label = (key: string) => t(key as MessageKey);
  return (
    <Dialog labelledBy="settings-title" className="settings-dialog" onClose={onClose}>
      <header className="dialog-header">
        <h2 id="settings-title">
          <SlidersHorizontal aria-hidden="true" size={18} />
          {t('settings.title')}
        </h2>
        <button type="button" className="icon-only" aria-label={t('settings.close')} onClick={onClose}>
          <X aria-hidden="true" size={18} />
        </button>
      </header>
      <ChoiceGroup
        legend={t('settings.theme')}
        name="theme"
        value={settings.theme}
        onChange={(theme) => onChange({ theme })}
        choices={THEMES.map((theme) => ({
          value: theme,
          label: label(`settings.theme.${theme}`),
          preview: <ThemePreview theme={theme} />,
        }))}
      />
      <ChoiceGroup
        legend={t('settings.font')}
        name="font"
        value={settings.font}
        onChange={(font) => onChange({ font })}
        choices={FONTS.map((font) => ({
          value: font,
          label: label(`settings.font.${font}`),
          preview: (
            <span className="font-preview" lang="ar" dir="rtl" style={{ fontFamily: FONT_STACKS[font] }}>
              {t('settings.fontSample')}
            </span>
          ),
        }))}
      />
      <RangeField
        id="setting-font-size"
        label={t('settings.fontSize')}
        min={FONT_SIZE.min}
        max={FONT_SIZE.max}
        step={1}
        value={settings.fontSize}
        valueText={t('settings.pixels', { size: settings.fontSize })}
        onChange={(fontSize) => onChange({ fontSize })}
      />
      <RangeField
        id="setting-line-height"
        label={t('settings.lineHeight')}
        min={LINE_HEIGHT.min}
        max={LINE_HEIGHT.max}
        step={0.1}
        value={settings.lineHeight}
        valueText={t.number(settings.lineHeight)}
        // Steps of 0.1 arrive as 1.9000000000000001 from some slider positions.
        onChange={(lineHeight) => onChange({ lineHeight: Math.round(lineHeight * 10) / 10 })}
      />
      <RangeField
        id="setting-measure"
        label={t('settings.measure')}
        min={MEASURE.min}
        max={MEASURE.max}
        step={5}
        value={settings.measure}
        valueText={t.plural('settings.characters', settings.measure)}
        onChange={(measure) => onChange({ measure })}
      />
      <ChoiceGroup
        legend={t('settings.language')}
        name="language"
        value={settings.language}
        onChange={(language) => onChange({ language })}
        choices={LANGUAGES.map((language) => ({
          value: language,
          label: label(`settings.language.${language}`),
          lang: language === 'auto' ? undefined : language,
        }))}
      />
      <label className="settings-check">
        <input
          type="checkbox"
          checked={settings.searchStemming}
          onChange={(event) => onChange({ searchStemming: event.target.checked })}
        />
        <span>
          {t('settings.stemming')}
          <span className="muted small"> — {t('settings.stemmingHelp')}</span>
        </span>
      </label>
      <fieldset className="settings-group color-names">
        <legend>{t('settings.colorNames')}</legend>
        <p className="muted small">{t('settings.colorNamesHelp')}</p>
        {COLORS.map((color) => (
          <label key={color} className="color-name-field">
            <span className={`dot swatch-${color}`} aria-hidden="true" />
            <span className="visually-hidden">{t(colorKey(color))}</span>
            <input
              type="text"
              dir="auto"
              maxLength={40}
              value={settings.colorNames[color] ?? ''}
              placeholder={t(colorKey(color))}
              aria-label={t('settings.colorNameFor', { color: t(colorKey(color)) })}
              onChange={(event) =>
                onChange({ colorNames: { ...settings.colorNames, [color]: event.target.value } })
              }
            />
          </label>
        ))}
      </fieldset>
      <SyncSettings onOpenConflicts={onOpenConflicts} onSynced={onSynced} />
    </Dialog>
  );
}
