// Sends a known set of events with the real posthog-node client, unchanged (gzip bodies, as it
// sends by default): only the host points at ProductOpsDash. POST /batch/ with api_key.
import { PostHog } from 'posthog-node';
import { args, done } from './common.mjs';

const { host, key, run } = args();
const anon = `ph-anon-${run}`;
const user = `ph-user-${run}`;
const client = new PostHog(key, { host, flushAt: 20, flushInterval: 500, fetchRetryCount: 1 });
const errors = [];
client.on('error', (e) => errors.push(String(e?.message ?? e)));

client.capture({ distinctId: anon, event: 'Wallet Opened', properties: { chain: 'solana' } });
client.capture({ distinctId: anon, event: '$pageview', properties: { $current_url: 'https://wallet.example.com/swap?from=eth' } });
client.identify({ distinctId: user, properties: { $anon_distinct_id: anon, plan: 'pro' } });
client.capture({ distinctId: user, event: 'Deposit Completed', properties: { amount: 25, currency: 'USD' } });
client.alias({ distinctId: user, alias: `ph-old-${run}` });

await client.shutdown(20000);
done({ client: 'posthog', ok: errors.length === 0, errors });
