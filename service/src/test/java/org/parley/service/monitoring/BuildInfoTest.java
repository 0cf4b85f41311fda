package org.parley.service.monitoring;

import io.prometheus.client.Collector;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class BuildInfoTest {
    @Test
    void theLastChangesetIsTheHighestNumberWhateverItsDatabase() {
        assertEquals("24", BuildInfo.lastChangeset("""
                --changeset parley:9-queue-indexes
                --changeset parley:24-site-changes-postgresql dbms:postgresql
                --changeset parley:24-site-changes-h2 dbms:h2
                -- changeset parley:99-a-comment-not-a-changeset
                """));
        assertEquals("0", BuildInfo.lastChangeset(""));
    }

    /** The release's own: the pom's version, and the changelog the service migrates with. */
    @Test
    void thisReleaseIsNamedByItsVersionAndItsSchema() throws Exception {
        List<Collector.MetricFamilySamples.Sample> samples = BuildInfo.ofThisRelease().collect().get(0).samples;
        assertEquals(1, samples.size());
        String pom = Files.readString(Path.of("pom.xml"));
        String version = samples.get(0).labelValues.get(0), schema = samples.get(0).labelValues.get(1);
        assertTrue(pom.contains("<version>" + version + "</version>"), version);
        String changelog = Files.readString(Path.of("src/main/resources/db/changelog.sql"));
        assertTrue(changelog.contains("--changeset parley:" + schema + "-"), schema);
        assertFalse(changelog.contains("--changeset parley:" + (Integer.parseInt(schema) + 1) + "-"), "the last: " + schema);
        assertEquals(1.0, samples.get(0).value);
    }
}
