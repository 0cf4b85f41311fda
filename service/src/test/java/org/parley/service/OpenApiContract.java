package org.parley.service;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Real exchanges with a running service held to its OpenAPI document by Atlassian's swagger-request-validator: each
 * request a client sends as the document describes it, and each answer (status, content type, headers, body against
 * its schema, undocumented fields included), is checked; what does not match is kept in {@link #problems}, and the
 * operations exchanges reached in {@link #covered}.
 */
final class OpenApiContract {
    private final String root;
    private final ObjectMapper json;
    private final OpenApiInteractionValidator validator;
    private final ApiOperationResolver resolver;
    private final Map<Operation, String> names = new IdentityHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final Set<String> covered = new TreeSet<>();
    final List<String> problems = new ArrayList<>();

    private OpenApiContract(String root, ObjectMapper json, String yaml, OpenAPI api) {
        this.root = root;
        this.json = json;
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(yaml).withResolveCombinators(true).build();
        this.resolver = new ApiOperationResolver(api, null, false);
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, op) -> names.put(op, method + " " + path)));
    }

    /** The document the service at {@code root} serves, which must parse as valid OpenAPI 3 (else an exception). */
    static OpenApiContract of(String root, ObjectMapper json, String yaml) {
        SwaggerParseResult parsed = parse(yaml);
        if (!parsed.getMessages().isEmpty() || parsed.getOpenAPI() == null)
            throw new IllegalStateException("openapi.yaml is not valid OpenAPI 3: " + parsed.getMessages());
        return new OpenApiContract(root, json, yaml, parsed.getOpenAPI());
    }

    /** swagger-parser's reading of the document, with its validation messages (empty for a valid document). */
    static SwaggerParseResult parse(String yaml) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        return new OpenAPIV3Parser().readContents(yaml, null, options);
    }

    /** Every operation of the document, as "METHOD path". */
    Set<String> operations() {
        return new TreeSet<>(names.values());
    }

    /**
     * The errors the document finds in {@code body} as the JSON answer of {@code method path} with {@code status}: for an
     * answer the test has changed (a field left out or made null), which must then break the document.
     */
    List<String> answerErrors(String method, String path, int status, JsonNode body) {
        SimpleResponse answer = new SimpleResponse.Builder(status).withContentType("application/json").withBody(body.toString()).build();
        List<String> out = new ArrayList<>();
        for (ValidationReport.Message m : validator.validateResponse(path, Request.Method.valueOf(method), answer).getMessages())
            if (m.getLevel() == ValidationReport.Level.ERROR) out.add(m.getKey() + ": " + m.getMessage());
        return out;
    }

    Call call(String method, String pathAndQuery) {
        return new Call(method.toUpperCase(Locale.ROOT), pathAndQuery);
    }

    /** One exchange: the request built, then sent by {@link #expect} or {@link #refused}. */
    final class Call {
        private final String method;
        private final String pathAndQuery;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;

        private Call(String method, String pathAndQuery) {
            this.method = method;
            this.pathAndQuery = pathAndQuery;
        }

        Call key(String key) {
            return header("Authorization", "Bearer " + key);
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Call json(String text) {
            return body("application/json", text.getBytes(StandardCharsets.UTF_8));
        }

        Call body(String contentType, byte[] bytes) {
            headers.put("Content-Type", contentType);
            body = bytes;
            return this;
        }

        /** A request the document describes: it and the answer are both validated, and the status must be this. */
        JsonNode expect(int status) {
            return exchange(status, true);
        }

        /** A request outside the document (a bad field, no key, not JSON): only the answer is validated. */
        JsonNode refused(int status) {
            return exchange(status, false);
        }

        private JsonNode exchange(int status, boolean documented) {
            HttpResponse<String> r = send();
            String name = method + " " + pathAndQuery + " -> " + r.statusCode();
            if (r.statusCode() != status) problems.add(name + ": expected " + status + ": " + r.body());
            String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
            Request.Method m = Request.Method.valueOf(method);
            ApiOperationMatch match = resolver.findApiOperation(path, m);
            if (match.isPathFound() && match.isOperationAllowed()) covered.add(names.get(match.getApiOperation().getOperation()));
            else problems.add(name + ": no operation of the document");

            SimpleResponse.Builder answer = new SimpleResponse.Builder(r.statusCode());
            r.headers().map().forEach(answer::withHeader);
            if (!r.body().isEmpty()) answer.withBody(r.body());
            ValidationReport report = documented ? validator.validate(request(path), answer.build())
                    : validator.validateResponse(path, m, answer.build());
            for (ValidationReport.Message message : report.getMessages())
                if (message.getLevel() == ValidationReport.Level.ERROR)
                    problems.add(name + ": " + message.getKey() + ": " + message.getMessage()
                            + (message.getAdditionalInfo().isEmpty() ? "" : " " + message.getAdditionalInfo()));
            try {
                return r.body().isEmpty() ? json.nullNode() : json.readTree(r.body());
            } catch (java.io.IOException e) {
                return json.getNodeFactory().textNode(r.body());
            }
        }

        private HttpResponse<String> send() {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + pathAndQuery)).timeout(Duration.ofSeconds(120))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(b::header);
            try {
                return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(method + " " + pathAndQuery, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private SimpleRequest request(String path) {
            SimpleRequest.Builder b = new SimpleRequest.Builder(method, path);
            headers.forEach(b::withHeader);
            if (body != null) b.withBody(body);
            int q = pathAndQuery.indexOf('?');
            if (q >= 0) {
                Map<String, List<String>> params = new LinkedHashMap<>();
                for (String pair : pathAndQuery.substring(q + 1).split("&")) {
                    String[] kv = pair.split("=", 2);
                    params.computeIfAbsent(decode(kv[0]), k -> new ArrayList<>()).add(kv.length > 1 ? decode(kv[1]) : "");
                }
                params.forEach(b::withQueryParam);
            }
            return b.build();
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
