/**
 * The demo data set of the example wallet app: {@link io.productopsdash.engine.demo.DemoDataSet}
 * fills an empty database with twelve ISO weeks of users (signups from several sources, onboarding
 * with its steps, tickets, first deposits and silent give-ups, sessions in the three feature
 * areas), runs the weekly survey through the real sampler and survey loop with hand-written and
 * Banking77 comments whose topics shift over the weeks, then runs the theme engine week by week
 * and indexes the answers. Everything is drawn from generators seeded by {@link
 * io.productopsdash.engine.demo.DemoSettings#seed()}, so one seed always gives the same data;
 * {@link io.productopsdash.engine.demo.DemoSummary} carries the generator's own tallies, counted
 * while it generates, so tests can compare them with what the rollups and scores report.
 */
package io.productopsdash.engine.demo;
