/**
 * The weekly survey loop: which users are sampled in which ISO week (a keyed SipHash of survey,
 * week and user against the sample rate), cooldowns, survey versions, and recording impressions,
 * dismissals and answers, each as one transaction.
 */
package io.productopsdash.engine.survey;
