// Sends a known set of calls with the real @segment/analytics-node client, unchanged: only the
// host points at ProductOpsDash. Basic auth with the write key, POST /v1/batch.
import { Analytics } from '@segment/analytics-node';
import { args, done } from './common.mjs';

const { host, key, run } = args();
const anon = `seg-anon-${run}`;
const user = `seg-user-${run}`;
const analytics = new Analytics({ writeKey: key, host, flushAt: 20, flushInterval: 500, maxRetries: 1 });
const statuses = [];
const errors = [];
analytics.on('http_response', (r) => statuses.push(r.status));
analytics.on('error', (e) => errors.push(String(e?.reason ?? e?.message ?? e)));

analytics.track({ anonymousId: anon, event: 'Wallet Opened', properties: { chain: 'ethereum' } });
analytics.page({ anonymousId: anon, name: 'Swap', properties: { path: '/swap', url: 'https://wallet.example.com/swap' } });
analytics.identify({ anonymousId: anon, userId: user, traits: { plan: 'pro', email: `${user}@example.com` } });
analytics.track({ userId: user, event: 'Deposit Completed', properties: { amount: 25, currency: 'USD' } });
analytics.alias({ userId: user, previousId: `seg-old-${run}` });

await analytics.closeAndFlush({ timeout: 20000 });
done({ client: 'segment', ok: errors.length === 0 && statuses.length > 0 && statuses.every((s) => s === 200), statuses, errors });
