package org.parley.thread;

/**
 * A thread, or the JSON it was read from, breaks the thread format. The message names the field
 * by its JSON path ({@code comments[2].parentId}) and, when read from text, the line it came from,
 * so whoever sent the input can fix it without reading our code.
 */
public final class InvalidThreadException extends IllegalArgumentException {
    private final String field;
    private final String problem;
    private final int line;

    /**
     * @param field   JSON path of the offending field relative to what is being checked;
     *                empty for the whole document
     * @param problem what is wrong with it, e.g. "missing" or "expected a string, got number"
     */
    public InvalidThreadException(String field, String problem) {
        this(field, problem, 0);
    }

    private InvalidThreadException(String field, String problem, int line) {
        super((line > 0 ? "line " + line + ": " : "") + (field.isEmpty() ? "" : field + ": ") + problem);
        this.field = field;
        this.problem = problem;
        this.line = line;
    }

    /** JSON path of the offending field from the thread root, e.g. {@code comments[2].text}; empty for the whole document. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }

    /** 1-based line of the input the thread started on; 0 when not read from text. */
    public int line() {
        return line;
    }

    /** The same error seen from an enclosing object: {@code text} inside {@code comments[2]}. */
    InvalidThreadException within(String parentPath) {
        String path = field.isEmpty() ? parentPath : field.startsWith("[") ? parentPath + field : parentPath + "." + field;
        InvalidThreadException e = new InvalidThreadException(path, problem, line);
        e.setStackTrace(getStackTrace());
        return e;
    }

    InvalidThreadException atLine(int line) {
        InvalidThreadException e = new InvalidThreadException(field, problem, line);
        e.setStackTrace(getStackTrace());
        return e;
    }
}
