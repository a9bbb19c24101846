// Installs the language detector that `lang: 'auto'` runs (src/engine/auto.ts says why the engine
// does not import it itself). Imported for its effect by the package's entry points, the HTTP API
// and, only when `--lang auto` is given, the CLI's romanize command.
import { detectParagraphs } from '../detect/index.ts';
import { installDetector } from './auto.ts';

installDetector(detectParagraphs);
