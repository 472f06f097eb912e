// The entry is kept small so that it runs at once: it asks main for what the first screen shows
// (early-calls.ts), and only then loads React and the views, while the answers are on their way.
import './early-calls';
import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-naskh-arabic/700.css';
import '@fontsource/amiri/400.css';
import '@fontsource/amiri/700.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/700.css';
import './styles.css';
import './reader/reader.css';
import './reader/blocks.css';
import './search/search.css';
import './library/tools.css';
import './dialog/dialog.css';
import './settings/settings.css';
import './toc/toc.css';
import './library/library.css';

void import('./start-app');
