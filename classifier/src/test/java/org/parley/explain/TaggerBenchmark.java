package org.parley.explain;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.parley.model.ScoringBenchmark;
import org.parley.text.TextPipeline;
import org.parley.text.Token;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time per comment of the shipped span tagger (not a unit test; no JMH), as ScoringBenchmark
 * measures: process CPU time, best of 7 windows of at least 0.3 s. Comments one per call, as
 * POST /v1/score explains them, and in calls of 64. Uses only API the DL4J-forward code also has.
 *
 * <pre>
 * mvn -q -B -o -pl classifier test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt
 * java -XX:-DontCompileHugeMethods -cp classifier/target/classes:classifier/target/test-classes:$(cat classifier/target/test-cp.txt) \
 *     org.parley.explain.TaggerBenchmark COMMENTS.jsonl
 * </pre>
 */
public final class TaggerBenchmark {
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<List<Token>> comments = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0])))
            comments.add(TextPipeline.standard().tokenize(json.readTree(line).get("text").asText()));
        SpanTagger tagger = SpanTagger.standard();
        System.out.printf("%d comments, mean %.1f tokens; process CPU time per comment, best of 7%n", comments.size(),
                comments.stream().mapToInt(List::size).average().orElse(0));
        ScoringBenchmark.time("one comment per call", comments.size(), () -> comments.forEach(c -> tagger.probabilities(List.of(c))));
        ScoringBenchmark.time("64 comments per call", comments.size(), () -> {
            for (int from = 0; from < comments.size(); from += 64)
                tagger.probabilities(comments.subList(from, Math.min(comments.size(), from + 64)));
        });
    }
}
