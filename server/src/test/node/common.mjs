// Shared by the send-*.mjs scripts: arguments and the summary line RealClientsIT reads.
export function args() {
  const [host, key, run] = process.argv.slice(2);
  if (!host || !key || !run) {
    console.error('usage: node send-<client>.mjs http://127.0.0.1:PORT WRITE_KEY RUN_ID');
    process.exit(2);
  }
  return { host, key, run };
}

export function done(summary) {
  console.log(JSON.stringify(summary));
  process.exit(summary.ok ? 0 : 1);
}
