package org.parley.service.api.moderation;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One page of a queue; {@code sites} the sites it is narrowed to (absent: every site), {@code site} the one when
 * it is one (as it was before a moderator could have several), {@code articleId}, {@code author} and {@code q} the article,
 * author and search it is narrowed to, {@code total} the whole queue's size, {@code next} (absent on a page shorter than
 * {@code limit}) the {@code after} value that asks for the page behind this one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueuePage(String queue, String site, List<String> sites, String articleId, String author, String q, int total,
                        int offset, int limit, String next, List<CommentView> comments) {}
