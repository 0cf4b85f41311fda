package org.parley.service.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.jetty.http.HttpStatus;
import org.parley.service.errors.ApiException;
import org.parley.service.errors.ErrorResponses;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A batch's answer as Google writes it: multipart/mixed, each part {@code application/http} with {@code Content-ID:
 * <response-ID>} for the part's {@code <ID>}, then the status line, the headers and the body the request got, with
 * CRLF lines (Google's Python client splits the answer's head from its body at the first CRLF CRLF).
 */
final class PartAnswers {
    private final ObjectMapper json;
    private final String boundary = "batch_" + Long.toHexString(ThreadLocalRandom.current().nextLong())
            + Long.toHexString(ThreadLocalRandom.current().nextLong());

    PartAnswers(ObjectMapper json) {
        this.json = json;
    }

    String contentType() {
        return "multipart/mixed; boundary=" + boundary;
    }

    /** One part's answer; a refusal without a body (a servlet's sendError) gets Google's envelope of its status. */
    void write(OutputStream out, String contentId, PartResponse answer) throws IOException {
        StringBuilder head = new StringBuilder("--").append(boundary).append("\r\nContent-Type: application/http\r\n");
        if (contentId != null) head.append("Content-ID: ").append(responseId(contentId)).append("\r\n");
        int status = answer.status();
        head.append("\r\nHTTP/1.1 ").append(status).append(' ').append(HttpStatus.getMessage(status)).append("\r\n");
        byte[] body = answer.body();
        if (answer.failedWithoutBody()) {
            body = json.writeValueAsBytes(ErrorResponses.google(new ApiException(status, null, null, HttpStatus.getMessage(status))));
            answer.setContentType(MediaType.APPLICATION_JSON);
        }
        for (Map.Entry<String, String> h : answer.headerLines())
            if (!h.getKey().equalsIgnoreCase("Content-Length") && !h.getKey().equalsIgnoreCase("Transfer-Encoding"))
                head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The closing delimiter. */
    void end(OutputStream out) throws IOException {
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Google's answer's Content-ID: {@code <response-ID>} for a part's {@code <ID>}; Google's Python client reads its
     * callbacks' ids out of it. Line breaks and other controls are dropped, never echoed into the answer's headers.
     */
    static String responseId(String contentId) {
        String id = contentId.replaceAll("\\p{Cntrl}", "");
        if (id.startsWith("<") && id.endsWith(">") && id.length() >= 2) id = id.substring(1, id.length() - 1);
        return "<response-" + id + ">";
    }

}
