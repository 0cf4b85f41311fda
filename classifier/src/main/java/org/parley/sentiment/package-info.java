/**
 * The optional {@code SENTIMENT} attribute: CoreNLP's five-class sentiment of a comment, computed
 * only when asked for because it costs a parse. Needs CoreNLP's models jar.
 */
package org.parley.sentiment;
