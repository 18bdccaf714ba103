/** The API's JSON (Gson with instants and ISO weeks as text), shared by the server and the Spark job. */
package io.productopsdash.definitions.json;
