// The page's first script (issue 18): a module of its own in index.html (`async`, see
// vite.config.ts), run as soon as its few small modules are there, while the app's code (main.tsx
// and what it imports: React, Ant Design, i18next, about a megabyte) is still being fetched and
// compiled. It asks the core for the station status (./station/earlyStatus.ts, which opens the
// core's connection) and fetches the language's texts, so both have come when the app first
// renders; before, both waited until the whole app's code had been run. It must stay small: it
// imports nothing of React, Ant Design or i18next (tests/e2e/rendererStart.e2e.test.ts).

import './station/earlyStatus';
import { storedLanguage, textsOf } from './languageTexts';

// ./i18n.ts imports the same chunk and waits for it; a failure is its to report.
textsOf[storedLanguage()]().catch(() => undefined);
