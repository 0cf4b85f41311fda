/** Features: from normalised tokens to the id sequences and batches the network reads. */
package org.parley.feature;
