/** The annotated corpora under training-data/, each mapped onto the six attributes. */
package org.parley.corpus;
