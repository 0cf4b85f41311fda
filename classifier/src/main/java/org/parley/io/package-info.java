/**
 * Reading the files people hand the scripts ({@link org.parley.io.Utf8Files}): UTF-8, with a
 * leading byte-order mark dropped, and a stated choice of what invalid bytes do. The thread
 * parsers, the corpus loaders and the command-line entry points all read through it.
 */
package org.parley.io;
