package org.parley.service.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * A {@link ReloadTask} over HTTP, at the task's exact path ({@code /tasks/NAME}): a successful
 * reload is a 200, a bundle that fails to load a 400 naming the {@code path} and what is wrong with
 * it, both in JSON. A servlet, not the task servlet: that one answers every failure with a 500 and a
 * stack trace in plain text.
 */
public final class ReloadServlet<T> extends HttpServlet {
    private final transient ReloadTask<T> task;
    private final transient ObjectMapper json;

    public ReloadServlet(ReloadTask<T> task, ObjectMapper json) {
        this.task = task;
        this.json = json;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ReloadTask.Answer answer = task.reload(request.getParameter("path"));
        response.setStatus(answer.status());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), answer.body());
    }
}
