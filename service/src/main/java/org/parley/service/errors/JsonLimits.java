package org.parley.service.errors;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How many JSON tokens (values, field names, brackets) one body may hold: a bound on the memory a body's parse takes,
 * which its bytes alone do not give. Bodies read as trees (a thread, /v1/score/batch's items, /v1/threads) and lists of
 * strings cost 10 to 30 times their bytes on the heap: until the forty-sixth session's penetration test, a 27 MB body of
 * {@code {},{},…} on /v1/score/thread, within the byte limit ({@link BodySizeLimit}), was held as a tree of 9 million
 * objects, about 0.8 GB, before the thread format refused it, and three at once ran a 2 GB heap out of memory. Beyond
 * the limit Jackson stops reading, and the answer is a 400 naming it (JsonExceptionMapper).
 */
public final class JsonLimits {
    private JsonLimits() {}

    /**
     * Tokens per comment a request may carry: a /v1/score item with every field, six attributes and ten targets is
     * about 50, a thread's comment with every field about 40.
     */
    static final long PER_COMMENT = 100;
    /** And the rest of a request: the article, its own fields, a bulk decision's 200 items (about 10 each), Perspective's fields it does not read. */
    static final long REST = 10_000;

    /** The limit for the largest list of comments a request may carry (a batch's, a thread's): 60,000 for the defaults' 500. */
    public static long maxTokens(int mostComments) {
        return PER_COMMENT * Math.max(1, mostComments) + REST;
    }

    /** Sets the limit on every parser {@code mapper} makes from now on. */
    public static void apply(ObjectMapper mapper, long maxTokens) {
        StreamReadConstraints now = mapper.getFactory().streamReadConstraints();
        mapper.getFactory().setStreamReadConstraints(now.rebuild().maxTokenCount(maxTokens).build());
    }
}
