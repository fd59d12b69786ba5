// Entry point of a scan worker (bundled as dist/scan-worker.js). It loads the policy itself from the
// same rule file as the main thread, then checks the chunks of files it is sent.
import { parentPort, workerData } from 'worker_threads';
import { enableLinearRegexFallback, loadWorkspaceConfig } from '../engine';
import { diskConfigHost } from '../host/disk-config-host';
import { useDiskForImports } from '../host/import-file-system';
import { docsResolver } from '../host/builtin-dir';
import { checkItem, type ChunkRequest, type ChunkResponse, type WorkerConfig } from './parallel-scan';

enableLinearRegexFallback();

const config = workerData as WorkerConfig;
const host = diskConfigHost(config.builtinDir, [config.root]);
useDiskForImports([config.root]);
const loaded = loadWorkspaceConfig(config.root, host, config.configFile, config.orgLayer);
const docsUrl = docsResolver(host.builtinDir);

parentPort?.on('message', (m: ChunkRequest) => {
  let reply: ChunkResponse;
  if (!loaded.policy) {
    reply = { id: m.id, error: 'the rule file has errors' };
  } else {
    try {
      const policy = loaded.policy;
      reply = { id: m.id, results: m.items.map((item) => checkItem(item, config, policy, docsUrl)) };
    } catch (e) {
      reply = { id: m.id, error: (e as Error).stack ?? String(e) };
    }
  }
  parentPort?.postMessage(reply);
});
