// Browser tests: the production build served by `vite preview` on 127.0.0.1, driven in Debian's headless
// Chromium with playwright-core. Each test names the backend it wants in the URL. Prints
// "N passed, N failed" and exits non-zero on any failure. Screenshots go to test-results/e2e/.
import { ensureDir, launchBrowser, openPage, readStatus, startPreview, waitFor } from './harness.mjs';
import { autoencoderTests } from './autoencoder.e2e.mjs';
import { shellTests } from './shell.e2e.mjs';
import { badInputTests } from './badInput.e2e.mjs';
import { convolutionTests } from './convolution.e2e.mjs';
import { poolingTests } from './pooling.e2e.mjs';
import { backpropTests } from './backprop.e2e.mjs';
import { wasmGradientTests } from './wasmGradients.e2e.mjs';
import { isolationTests } from './isolation.e2e.mjs';
import { cifar10Tests } from './cifar10.e2e.mjs';
import { activationsTests } from './activations.e2e.mjs';
import { presenterTests } from './presenter.e2e.mjs';
import { neuralNetworksTests } from './neuralNetworks.e2e.mjs';
import { librariesTests } from './libraries.e2e.mjs';
import { alexnetTests } from './alexnet.e2e.mjs';
import { alexnetWeightsTests } from './alexnetWeights.e2e.mjs';
import { alexnetOverfittingTests } from './alexnetOverfitting.e2e.mjs';
import { architecturesTests } from './architectures.e2e.mjs';
import { alexnetRetrievalTests } from './alexnetRetrieval.e2e.mjs';
import { speakerNotesTests } from './speakerNotes.e2e.mjs';
import { smallScreensTests } from './smallScreens.e2e.mjs';
import { followAlongTests } from './followAlong.e2e.mjs';
import { annotateTests } from './annotate.e2e.mjs';
import { presetsTests } from './presets.e2e.mjs';
import { momentsTests } from './moments.e2e.mjs';

const OUT = ensureDir('test-results/e2e');
const only = process.argv[2] ? new RegExp(process.argv[2], 'i') : null;
const tests = [
  ...shellTests,
  ...autoencoderTests,
  ...convolutionTests,
  ...poolingTests,
  ...backpropTests,
  ...cifar10Tests,
  ...activationsTests,
  ...presenterTests,
  ...presetsTests,
  ...speakerNotesTests,
  ...followAlongTests,
  ...annotateTests,
  ...momentsTests,
  ...neuralNetworksTests,
  ...librariesTests,
  ...alexnetTests,
  ...alexnetWeightsTests,
  ...alexnetOverfittingTests,
  ...architecturesTests,
  ...alexnetRetrievalTests,
  ...smallScreensTests,
  ...wasmGradientTests,
  ...isolationTests,
  ...badInputTests,
].filter((t) => !only || only.test(t.name));

const server = await startPreview();
const browser = await launchBrowser();
let passed = 0;
let failed = 0;
try {
  for (const test of tests) {
    const started = Date.now();
    const session = await openPage(browser, server.origin);
    const ctx = { ...session, origin: server.origin, out: OUT, readStatus, waitFor };
    try {
      await test.run(ctx);
      const { consoleErrors, pageErrors, offsiteRequests } = session.problems;
      const allowed = test.allowConsoleErrors ?? (() => false);
      const errors = consoleErrors.filter((e) => !allowed(e));
      if (errors.length) throw new Error(`console errors: ${errors.join(' | ')}`);
      if (pageErrors.length) throw new Error(`uncaught errors: ${pageErrors.join(' | ')}`);
      if (offsiteRequests.length) throw new Error(`requests left 127.0.0.1: ${offsiteRequests.join(', ')}`);
      passed++;
      console.log(`✓ ${test.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (err) {
      failed++;
      console.log(`✗ ${test.name}\n    ${err instanceof Error ? err.stack ?? err.message : err}`);
      await session.page.screenshot({ path: `${OUT}/FAILED-${test.name.replace(/\W+/g, '-')}.png`, fullPage: true }).catch(() => {});
    } finally {
      await session.context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
