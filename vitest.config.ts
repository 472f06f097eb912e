import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          // Unit and component tests first, then the browser e2e alone, then the crash test alone: the
          // e2e drives real mouse and timing, and must not share the two cores with a 35 s torture run.
          sequence: { groupOrder: 0 },
          include: [
            'main/**/*.test.ts',
            'test/unit/**/*.test.ts',
            'test/packaging/**/*.test.ts',
            'test/shell/**/*.test.ts',
          ],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'component',
          environment: 'happy-dom',
          sequence: { groupOrder: 0 },
          include: ['renderer/**/*.test.{ts,tsx}'],
        },
      },
      {
        // Issue "Nothing lost": a child process saving notes through the service, killed 200 times.
        test: {
          name: 'torture',
          environment: 'node',
          sequence: { groupOrder: 2 },
          include: ['test/torture/**/*.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          sequence: { groupOrder: 1 },
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
