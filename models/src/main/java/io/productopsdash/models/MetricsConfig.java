package io.productopsdash.models;

import java.time.ZoneId;
import java.util.List;

/**
 * What events mean, so nothing is hard-wired to one product: the signup event, the event(s) that
 * count as the first transaction, the support-ticket event, feature areas, the zone of ISO weeks
 * and calendar days, the onboarding conversion window, where the acquisition source is read
 * from ({@code sourceProperty} of the signup event, else its {@code context.campaign.source},
 * else {@code utm_source}), and which user trait is the segment.
 */
public record MetricsConfig(
    String signupEvent,
    List<String> firstTransactionEvents,
    String supportTicketEvent,
    List<FeatureArea> featureAreas,
    ZoneId zone,
    int conversionWindowDays,
    String sourceProperty,
    String segmentTrait) {
  public static final int DEFAULT_CONVERSION_WINDOW_DAYS = 30;

  public MetricsConfig {
    signupEvent = Texts.required("signupEvent", signupEvent, 200);
    firstTransactionEvents = List.copyOf(firstTransactionEvents == null ? List.of() : firstTransactionEvents);
    if (firstTransactionEvents.isEmpty()) {
      throw new InvalidInputException("firstTransactionEvents", "name at least one event");
    }
    supportTicketEvent = Texts.optional("supportTicketEvent", supportTicketEvent, 200);
    featureAreas = List.copyOf(featureAreas == null ? List.of() : featureAreas);
    if (zone == null) {
      throw new InvalidInputException("zone", "is required");
    }
    if (conversionWindowDays < 1 || conversionWindowDays > 365) {
      throw new InvalidInputException("conversionWindowDays", "must be within 1..365, got " + conversionWindowDays);
    }
    sourceProperty = Texts.optional("sourceProperty", sourceProperty, 200);
    segmentTrait = Texts.optional("segmentTrait", segmentTrait, 200);
  }

  /**
   * Until a team saves its own: the event names of Segment's published specs ("Signed Up" from
   * the B2B SaaS spec, "Order Completed" from the e-commerce spec), which many tracking plans
   * follow; no support-ticket event and no feature areas (usage is still counted per event and
   * page). Nothing of the example product.
   */
  public static MetricsConfig segmentSpec(ZoneId zone) {
    return new MetricsConfig(
        "Signed Up", List.of("Order Completed"), null, List.of(), zone, DEFAULT_CONVERSION_WINDOW_DAYS, null, "plan");
  }

  /** The example wallet app's meaning of its events: the demo data set saves it. */
  public static MetricsConfig walletExample(ZoneId zone) {
    return new MetricsConfig(
        "Signed Up",
        List.of("Deposit Completed"),
        "Support Ticket Created",
        List.of(
            new FeatureArea("Wallet home", List.of("Wallet *", "Balance Viewed"), List.of("/wallet*", "/")),
            new FeatureArea("Atomic swap", List.of("Swap *"), List.of("/swap*")),
            new FeatureArea("Multi-chain", List.of("Chain *", "Network Switched"), List.of("/chains*"))),
        zone,
        DEFAULT_CONVERSION_WINDOW_DAYS,
        "source",
        "plan");
  }
}
