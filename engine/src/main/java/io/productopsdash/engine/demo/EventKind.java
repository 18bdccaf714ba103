package io.productopsdash.engine.demo;

import io.productopsdash.models.EventType;

/**
 * The events the demo's wallet app sends, each with the feature area it belongs to under {@link
 * io.productopsdash.models.MetricsConfig#walletExample} (0 Wallet home, 1 Atomic swap, 2
 * Multi-chain, -1 none). A test checks the areas against the configuration's patterns.
 */
enum EventKind {
  PAGE_WELCOME(EventType.PAGE, "Welcome", "/welcome", -1),
  PAGE_FEATURES(EventType.PAGE, "Features", "/features", -1),
  PAGE_PRICING(EventType.PAGE, "Pricing", "/pricing", -1),
  PAGE_SECURITY(EventType.PAGE, "Security", "/security", -1),
  PAGE_DOWNLOAD(EventType.PAGE, "Download", "/download", -1),
  PAGE_SIGNUP(EventType.PAGE, "Sign up", "/signup", -1),
  IDENTIFY(EventType.IDENTIFY, null, null, -1),
  SIGNED_UP(EventType.TRACK, "Signed Up", null, -1),
  WALLET_CREATED(EventType.TRACK, "Wallet Created", null, 0),
  BACKUP_STARTED(EventType.TRACK, "Seed Phrase Backup Started", null, -1),
  BACKUP_FAILED(EventType.TRACK, "Seed Phrase Verification Failed", null, -1),
  BACKUP_DONE(EventType.TRACK, "Seed Phrase Backed Up", null, -1),
  BACKUP_SKIPPED(EventType.TRACK, "Seed Phrase Backup Skipped", null, -1),
  PAGE_WALLET(EventType.PAGE, "Wallet", "/wallet", 0),
  BALANCE_VIEWED(EventType.TRACK, "Balance Viewed", null, 0),
  PAGE_DEPOSIT(EventType.PAGE, "Deposit", "/wallet/deposit", 0),
  DEPOSIT_STARTED(EventType.TRACK, "Deposit Started", null, -1),
  DEPOSIT_FAILED(EventType.TRACK, "Deposit Failed", null, -1),
  DEPOSIT_COMPLETED(EventType.TRACK, "Deposit Completed", null, -1),
  TICKET(EventType.TRACK, "Support Ticket Created", null, -1),
  SEND(EventType.TRACK, "Wallet Send Completed", null, 0),
  RECEIVE(EventType.TRACK, "Wallet Receive Opened", null, 0),
  PAGE_SWAP(EventType.PAGE, "Swap", "/swap", 1),
  SWAP_QUOTE(EventType.TRACK, "Swap Quote Requested", null, 1),
  SWAP_DONE(EventType.TRACK, "Swap Completed", null, 1),
  SWAP_FAILED(EventType.TRACK, "Swap Failed", null, 1),
  PAGE_CHAINS(EventType.PAGE, "Chains", "/chains", 2),
  NETWORK_SWITCHED(EventType.TRACK, "Network Switched", null, 2),
  CHAIN_ADDED(EventType.TRACK, "Chain Added", null, 2);

  /** Feature areas of the configuration the demo stores. */
  static final int AREAS = 3;

  final EventType type;
  final String eventName;
  final String path;
  final int area;

  EventKind(EventType type, String eventName, String path, int area) {
    this.type = type;
    this.eventName = eventName;
    this.path = path;
    this.area = area;
  }

  /** Track, page and screen calls count as activity; identify does not. */
  boolean activity() {
    return type != EventType.IDENTIFY;
  }
}
