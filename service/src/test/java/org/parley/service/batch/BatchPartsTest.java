package org.parley.service.batch;

import org.junit.jupiter.api.Test;
import org.parley.service.errors.ApiException;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The parts of a batch body: Google's Python client's as it sends them, and bodies that are no batch. */
class BatchPartsTest {
    /** Built by googleapiclient 1.7.12 (Debian's python3-googleapi) with 3 analyze calls and one of an unknown attribute. */
    static byte[] pythonClientsBatch() throws Exception {
        try (var in = BatchPartsTest.class.getResourceAsStream("/batch/python-client-batch.txt")) {
            return in.readAllBytes();
        }
    }

    /** The fixture's Content-Type, as the client sent it: the boundary quoted. */
    static String pythonClientsType(byte[] body) {
        String first = new String(body, 0, 64, StandardCharsets.ISO_8859_1).lines().findFirst().orElseThrow();
        return "multipart/mixed; boundary=\"" + first.substring(2) + "\"";
    }

    @Test
    void readsThePythonClientsBatchPartByPart() throws Exception {
        byte[] body = pythonClientsBatch();
        assertFalse(new String(body, StandardCharsets.ISO_8859_1).contains("\r"), "the client writes LF alone");
        List<BatchParts.Part> parts = BatchParts.read(body, pythonClientsType(body), 100);
        assertEquals(4, parts.size());
        for (int i = 0; i < 4; i++) {
            assertTrue(parts.get(i).contentId().matches("<[0-9a-f-]{36} \\+ " + (i + 1) + ">"), parts.get(i).contentId());
            assertEquals("application/http", parts.get(i).contentType());
            InnerRequest r = InnerRequest.parse(parts.get(i).content());
            assertEquals("/parley/v1alpha1/comments:analyze", r.path());
            assertEquals(r.header("content-length"), Integer.toString(r.body().length), "the part's body, without the boundary's LF");
        }
    }

    @Test
    void moreThanTheLimitIsA413BeforeAnyPartIsKept() throws Exception {
        byte[] body = pythonClientsBatch();
        ApiException e = assertThrows(ApiException.class, () -> BatchParts.read(body, pythonClientsType(body), 3));
        assertEquals(413, e.status());
        assertEquals(3L, e.limit());
        assertTrue(e.getMessage().startsWith("a batch holds at most 3 parts"), e.getMessage());
        assertEquals(4, BatchParts.read(body, pythonClientsType(body), 4).size());
    }

    @Test
    void aBodyThatIsNoBatchIsA400() throws Exception {
        byte[] fixture = pythonClientsBatch();
        String ok = "--b\r\nContent-Type: application/http\r\n\r\nPOST /a HTTP/1.1\r\n\r\n{}\r\n--b--\r\n";
        assertEquals(1, BatchParts.read(ok.getBytes(StandardCharsets.UTF_8), "multipart/mixed; boundary=b", 10).size());
        for (String bad : List.of("", "no boundary line at all\r\n", "--b\r\nContent-Type: application/http\r\n\r\nPOST /a HTTP/1.1\r\n\r\n{}\r\n",
                "--b\r\nnot a header\r\n\r\nPOST /a HTTP/1.1\r\n\r\n{}\r\n--b--\r\n", "--b--\r\n")) {
            ApiException e = assertThrows(ApiException.class,
                    () -> BatchParts.read(bad.getBytes(StandardCharsets.UTF_8), "multipart/mixed; boundary=b", 10), bad);
            assertEquals(400, e.status(), bad);
            assertTrue(e.getMessage().startsWith("body is not a multipart/mixed batch ("), e.getMessage());
        }
        // The right body under another boundary: no part starts.
        assertEquals(400, assertThrows(ApiException.class, () -> BatchParts.read(fixture, "multipart/mixed; boundary=other", 10)).status());
    }

    /**
     * Seeded mutations of the Python client's batch (bytes changed, cut, doubled, CR and LF inserted): each is read, or
     * refused as a whole or part by part with a 4xx; never another exception, which the servlet would answer 500.
     */
    @Test
    void aMangledBatchIsReadOrRefusedNeverAnotherFailure() throws Exception {
        byte[] fixture = pythonClientsBatch();
        String type = pythonClientsType(fixture);
        java.util.Random random = new java.util.Random(41);
        byte[] alphabet = "\r\n-=:; <>/?&%\"{}abcPOST HTTP/1.1".getBytes(StandardCharsets.ISO_8859_1);
        int read = 0, refused = 0;
        for (int round = 0; round < 3_000; round++) {
            byte[] body = fixture.clone();
            for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                int at = random.nextInt(body.length);
                switch (random.nextInt(4)) {
                    case 0 -> body[at] = alphabet[random.nextInt(alphabet.length)];
                    case 1 -> body = java.util.Arrays.copyOf(body, at);
                    case 2 -> body[at] = (byte) random.nextInt(256);
                    default -> {
                        byte[] longer = new byte[body.length + 1];
                        System.arraycopy(body, 0, longer, 0, at);
                        longer[at] = random.nextBoolean() ? (byte) '\n' : (byte) '\r';
                        System.arraycopy(body, at, longer, at + 1, body.length - at);
                        body = longer;
                    }
                }
                if (body.length == 0) break;
            }
            try {
                for (BatchParts.Part part : BatchParts.read(body, type, 100)) {
                    try {
                        InnerRequest.parse(part.content());
                        read++;
                    } catch (ApiException e) {
                        assertEquals(400, e.status(), e.getMessage());
                        refused++;
                    }
                }
            } catch (ApiException e) {
                assertTrue(e.status() == 400 || e.status() == 413, e.getMessage());
                refused++;
            }
        }
        assertTrue(read > 0 && refused > 0, read + " read, " + refused + " refused");
    }

    /**
     * mime4j's own header limits (10,000 bytes a field, 1,000 fields a part): beyond them the batch was refused as one
     * that "ends before its closing --BOUNDARY-- line, or a part is not MIME", which it did not; now the 400 names them.
     */
    @Test
    void aPartHeaderOverMime4jsLimitsIsA400NamingTheLimit() {
        String head = "--b\r\nContent-Type: application/http\r\n";
        String request = "\r\nPOST /v1alpha1/comments:analyze HTTP/1.1\r\n\r\n{}\r\n--b--\r\n";
        ApiException longId = assertThrows(ApiException.class, () -> BatchParts.read(
                (head + "Content-ID: <" + "x".repeat(20_000) + ">\r\n" + request).getBytes(StandardCharsets.UTF_8), "multipart/mixed; boundary=b", 10));
        assertEquals(400, longId.status());
        assertEquals(10_000L, longId.limit());
        assertEquals("a batch part's MIME header (such as its Content-ID) is longer than 10000 bytes", longId.getMessage());
        ApiException many = assertThrows(ApiException.class, () -> BatchParts.read(
                (head + "X-A: 1\r\n".repeat(1_001) + request).getBytes(StandardCharsets.UTF_8), "multipart/mixed; boundary=b", 10));
        assertEquals(400, many.status());
        assertEquals(1_000L, many.limit());
        assertTrue(many.getMessage().startsWith("a batch part has more than 1000 MIME header lines"), many.getMessage());
        assertEquals(1, BatchParts.read((head + "Content-ID: <" + "x".repeat(9_000) + ">\r\n" + request)
                .getBytes(StandardCharsets.UTF_8), "multipart/mixed; boundary=b", 10).size(), "under the limit: read");
    }

    /**
     * The forty-first session's audit: two parts of one Content-ID were answered as sent, both {@code <response-1>}, so a
     * client mapping answers by id could not tell them apart. Ids whose answers would be one ({@code <1>} and {@code 1})
     * refuse the batch, naming the field and the id; parts without a Content-ID are told apart by their place, and read.
     */
    @Test
    void aContentIdGivenToTwoPartsIsA400NamingIt() {
        String request = "\r\nPOST /v1alpha1/comments:analyze HTTP/1.1\r\n\r\n{}\r\n";
        String none = "--b\r\nContent-Type: application/http\r\n" + request;
        for (String[] ids : List.of(new String[]{"<1>", "<1>"}, new String[]{"<1>", "1"})) {
            String body = none + "--b\r\nContent-ID: " + ids[0] + "\r\n" + request + none
                    + "--b\r\nContent-ID: " + ids[1] + "\r\n" + request + "--b--\r\n";
            ApiException e = assertThrows(ApiException.class,
                    () -> BatchParts.read(body.getBytes(StandardCharsets.UTF_8), "multipart/mixed; boundary=b", 10), body);
            assertEquals(400, e.status());
            assertEquals("Content-ID", e.field());
            assertEquals("Content-ID '" + ids[1] + "' is given to parts 2 and 4: each part's Content-ID must be its own (or "
                    + "left out), since its answer is told from the others' by Content-ID <response-1>", e.getMessage());
        }
        String distinct = none + none + "--b\r\nContent-ID: <1>\r\n" + request + "--b\r\nContent-ID: <2>\r\n" + request + "--b--\r\n";
        List<BatchParts.Part> parts = BatchParts.read(distinct.getBytes(StandardCharsets.UTF_8), "multipart/mixed; boundary=b", 10);
        assertEquals(java.util.Arrays.asList(null, null, "<1>", "<2>"), parts.stream().map(BatchParts.Part::contentId).toList());
    }
    /** A part is an HTTP request, never read as MIME itself: a part typed multipart/mixed is one part, its content as sent. */
    @Test
    void aPartTypedMultipartIsOnePartNeverReadAsMime() {
        String inner = "--in\r\nContent-Type: application/http\r\n\r\nPOST /a HTTP/1.1\r\n\r\n{}\r\n--in\r\n"
                + "Content-Type: application/http\r\n\r\nPOST /b HTTP/1.1\r\n\r\n{}\r\n--in--";
        String body = "--b\r\nContent-Type: multipart/mixed; boundary=in\r\nContent-ID: <1>\r\n\r\n" + inner + "\r\n--b--\r\n";
        List<BatchParts.Part> parts = BatchParts.read(body.getBytes(StandardCharsets.UTF_8), "multipart/mixed; boundary=b", 10);
        assertEquals(1, parts.size());
        assertEquals("multipart/mixed; boundary=in", parts.get(0).contentType());
        assertEquals(inner, new String(parts.get(0).content(), StandardCharsets.UTF_8));
    }

    /** Nor is a part typed message/rfc822 read as a message: its content is the part's, headers and all. */
    @Test
    void aPartTypedAsAMessageIsOnePartItsContentAsSent() {
        String inner = "Content-ID: <2>\r\nContent-Type: text/plain\r\n\r\nPOST /a HTTP/1.1\r\n\r\n{}";
        String body = "--b\r\nContent-Type: message/rfc822\r\nContent-ID: <1>\r\n\r\n" + inner + "\r\n--b--\r\n";
        List<BatchParts.Part> parts = BatchParts.read(body.getBytes(StandardCharsets.UTF_8), "multipart/mixed; boundary=b", 10);
        assertEquals(1, parts.size());
        assertEquals(List.of("<1>", "message/rfc822"), List.of(parts.get(0).contentId(), parts.get(0).contentType()));
        assertEquals(inner, new String(parts.get(0).content(), StandardCharsets.UTF_8));
    }

    /** A gzip batch that does not inflate (Jetty's stream fails with a ZipException) is a 400 saying so, not "no batch". */
    @Test
    void aBodyThatIsNotValidGzipIsA400SayingSo() {
        java.io.InputStream broken = new java.io.InputStream() {
            @Override public int read() throws java.io.IOException {
                throw new java.io.IOException("inflating", new java.util.zip.ZipException("invalid stored block lengths"));
            }
        };
        ApiException e = assertThrows(ApiException.class, () -> BatchParts.read(broken, "multipart/mixed; boundary=b", 10,
                (id, type, content) -> content.readAllBytes()));
        assertEquals(400, e.status());
        assertEquals("body is not valid gzip (Content-Encoding: gzip)", e.getMessage());
    }
}
