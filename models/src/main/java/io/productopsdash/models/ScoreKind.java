package io.productopsdash.models;

/** How a survey's score is read: a satisfaction scale, or Net Promoter Score on 0..10. */
public enum ScoreKind {
  /** Satisfaction on 1..points (5 to 11 points, 7 by default). */
  CSAT,
  /** Net Promoter Score: 0..10, promoters 9-10, detractors 0-6. */
  NPS
}
