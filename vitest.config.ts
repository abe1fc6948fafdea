import { defineConfig } from 'vitest/config';

// Tests that need Chromium, poppler (pdftotext, pdfinfo, pdftoppm) or `npm pack` are named
// *.system.test.ts; `vitest run --project unit` (npm run test:unit) leaves them out, `vitest run`
// (npm test, what CI runs) runs both projects.
const systemTests = 'test/**/*.system.test.ts';

// `--mode quick` (npm run test:unit) runs the fuzz tests at a quarter of their count for a fast
// loop; `npm test`, what CI runs, keeps the full count. WARTA_FUZZ_SCALE set by hand wins.
export default defineConfig(({ mode }) => ({
  test: {
    env: mode === 'quick' && process.env.WARTA_FUZZ_SCALE === undefined ? { WARTA_FUZZ_SCALE: '0.25' } : {},
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // End-to-end tests share one Chromium per file; two cores are all CI has.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [systemTests] } },
      { extends: true, test: { name: 'system', include: [systemTests] } },
    ],
  },
}));
