package org.parley.service.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.service.Fakes;
import org.parley.service.auth.ApiKey;
import org.parley.service.auth.Role;
import org.parley.service.core.CommentScorer;
import org.parley.service.moderation.Submission;
import org.parley.service.store.CommentStore;
import org.parley.service.store.TestDatabases;
import org.parley.stance.StanceModel;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class IngestionTest {
    @TempDir
    Path dir;

    @Test
    void oneCallReadsOneStanceBundleThoughItIsReloadedMeanwhile() {
        CommentStore store = new CommentStore(TestDatabases.H2.migrated(dir));
        CommentScorer scorer = Fakes.commentScorer(Fakes.modelHolder(Fakes.scorer(), "v1"));
        // Each get() is the bundle now serving: a reload between two comments would hand out another.
        List<StanceModel> bundles = List.of(Fakes.stance(), Fakes.stance(), Fakes.stance());
        AtomicInteger reloads = new AtomicInteger();
        Ingestion ingestion = new Ingestion(scorer, () -> Fakes.served(bundles.get(Math.min(reloads.getAndIncrement(), 2))), store,
                new ObjectMapper(), Clock.systemUTC());
        List<Submission> thread = new ArrayList<>();
        for (int i = 1; i <= 3; i++)
            thread.add(new Submission("t/" + i, "t", "Syria", "We must not bomb them, comment " + i, i,
                    null, null, null, null, null, null, List.of("military action"), null));
        ingestion.submit(thread, new ApiKey("website-key-1", Role.WEBSITE, 10));
        // All three comments read by the bundle serving when the call began, none by the later ones.
        verify(bundles.get(0), times(3)).stance(anyString(), anyList());
        verifyNoInteractions(bundles.get(1), bundles.get(2));
    }
}
