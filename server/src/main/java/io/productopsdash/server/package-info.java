/**
 * The ProductOpsDash server: {@link io.productopsdash.server.ServerApp} builds the Javalin app
 * from its dependencies; sub-packages hold the HTTP handlers and the command line. No business
 * logic lives here: handlers parse, call the engine, and render.
 */
package io.productopsdash.server;
