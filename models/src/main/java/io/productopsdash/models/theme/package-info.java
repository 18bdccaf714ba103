/**
 * Weekly themes of open answers and feature requests as stored: a theme's figures for one week,
 * its trend since the previous week, and the status of a feature request.
 */
package io.productopsdash.models.theme;
