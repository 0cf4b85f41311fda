/** Scores: what a model says about a text. */
package org.parley.score;
