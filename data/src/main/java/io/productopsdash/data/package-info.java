/**
 * SQLite storage, the source of truth: the database file with its versioned migrations, a group
 * committing writer (every logical write is one transaction; concurrent writes share one fsync),
 * read connections, and repositories that speak SQL on a connection they are handed so a service
 * can compose several of them inside one transaction.
 */
package io.productopsdash.data;
