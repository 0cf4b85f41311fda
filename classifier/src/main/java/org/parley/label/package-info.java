/** The attributes Parley predicts and the (possibly partial) labels a corpus gives a text. */
package org.parley.label;
