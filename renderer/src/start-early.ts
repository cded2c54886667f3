// Imported first by main.tsx, so it runs before the modules after it are evaluated.
import { startEarlyReads } from './early-reads';

startEarlyReads(window.location.hash);
