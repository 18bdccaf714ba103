// Sends a known set of events with the real @amplitude/analytics-node client, unchanged: only
// serverUrl points at ProductOpsDash's /2/httpapi. The client reads `code` from the JSON reply.
import { createInstance, Identify } from '@amplitude/analytics-node';
import { args, done } from './common.mjs';

const { host, key, run } = args();
const device = `amp-device-${run}`;
const user = `amp-user-${run}`;
const amplitude = createInstance();
await amplitude.init(key, { serverUrl: `${host}/2/httpapi`, flushIntervalMillis: 200, flushMaxRetries: 2, logLevel: 1 }).promise;

const pending = [
  amplitude.track('Wallet Opened', { chain: 'base' }, { device_id: device }),
  amplitude.track('[Amplitude] Page Viewed', { '[Amplitude] Page Path': '/swap' }, { device_id: device }),
  amplitude.identify(new Identify().set('plan', 'pro'), { user_id: user, device_id: device }),
  amplitude.track('Deposit Completed', { amount: 25, currency: 'USD' }, { user_id: user, device_id: device }),
];
await amplitude.flush().promise;
const results = await Promise.all(pending.map((p) => p.promise));
const codes = results.map((r) => r.code);
done({ client: 'amplitude', ok: codes.every((c) => c === 200), codes, messages: results.map((r) => r.message) });
