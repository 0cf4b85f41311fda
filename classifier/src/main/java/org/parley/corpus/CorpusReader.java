package org.parley.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads one corpus folder and maps its labels onto the six attributes. */
@FunctionalInterface
interface CorpusReader {
    /**
     * @param dir the corpus folder, e.g. training-data/davidson_hate_offensive
     * @return the examples in file order; may include blank texts or empty labels, which
     *     {@link Corpora#load} drops
     */
    List<Example> read(Path dir) throws IOException;
}
