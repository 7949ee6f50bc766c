/** The bundle entry of the main process (dist/main/main.cjs): __dirname is dist/main there. */
import { main } from './main';

main(__dirname);
