/**
 * The UI benchmark's seeding page (npm run bench -- ui). Served on the app's own origin, so
 * what it writes lands in the app's IndexedDB; the writing itself is test/bench/largeCase.ts.
 */
import { seedLargeCase, type LargeCase, type LargeCaseRequest } from '../largeCase';

declare global {
  interface Window {
    /** Called by the benchmark once this page has loaded. */
    benchSeed(request: LargeCaseRequest): Promise<LargeCase>;
  }
}
window.benchSeed = seedLargeCase;
