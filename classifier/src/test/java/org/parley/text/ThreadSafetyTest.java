package org.parley.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ThreadSafetyTest {
    private static final List<String> TEXTS = List.of(
            "You are an id1ot &amp; a f*cking m0ron!!! http://x.com @bob #BuildTheWall",
            "ḟüçk ＹＯＵ ﬁne café\u0301 \u0456d\u0456\u043Et \uD83D\uDE02\uD83D\uDE02\uD83D\uDE02",
            "SHUT UP YOU MORON, f u c k off a$$hole. 3 pm, covid-19, B2B, mp3, $5, 2nd, C++ :)",
            "Thanks for the edit; I've restored the references (see WP:RS) on 11 January 2016.",
            "sooooo good!!!!!! \u201Cquoted\u201D \u2014 it&amp;#39;s <b>fine</b>",
            "");

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // a hang guard, not a speed test
    void concurrentCallsGiveTheSequentialResults() throws Exception {
        TextPipeline pipeline = TextPipeline.standard();
        List<List<Token>> expected = new ArrayList<>();
        for (String text : TEXTS) {
            expected.add(pipeline.tokenize(text));
        }
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    start.await();
                    int checked = 0;
                    for (int round = 0; round < 300; round++) {
                        int i = (round + offset) % TEXTS.size();
                        assertEquals(expected.get(i), pipeline.tokenize(TEXTS.get(i)));
                        assertEquals(expected.get(i).stream().map(Token::text).toList(), pipeline.tokens(TEXTS.get(i)));
                        checked++;
                    }
                    return checked;
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertEquals(300, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
