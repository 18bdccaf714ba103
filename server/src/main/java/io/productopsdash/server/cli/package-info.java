/**
 * The {@code productopsdash} command line (picocli): {@code serve}, {@code demo} and, as the
 * product grows, import, rollup, themes, digest. Options shared by every serving command resolve
 * from the command line, then environment variables, then a config file, then defaults.
 */
package io.productopsdash.server.cli;
