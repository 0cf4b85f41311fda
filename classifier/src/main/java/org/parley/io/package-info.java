/**
 * Reading the files people hand the scripts ({@link org.parley.io.Utf8Files}): UTF-8, with a
 * leading byte-order mark dropped, and a stated choice of what invalid bytes do. The thread
 * parsers, the corpus loaders and the command-line entry points all read through it. Scraped pages,
 * which people save from a browser or an editor in whatever encoding it offers, are read by
 * {@link org.parley.io.SavedText}: a byte-order mark decides, else UTF-8, else Windows-1252. What the scripts write
 * is written whole or not at all: a file by {@link org.parley.io.AtomicFile}, a folder (a report) by
 * {@link org.parley.io.AtomicFolder}.
 */
package org.parley.io;
