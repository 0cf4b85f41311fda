package org.parley.service.moderation;

import org.parley.label.Attribute;
import org.parley.policy.Action;

import java.util.List;

/**
 * Another test's comment with a few fields changed, by name: {@code from(c).site("b").build()}. The record takes its 23
 * fields in order, and each test that changed one wrote all of them out again.
 */
public final class NewCommentBuilder {
    private String id, articleId, articleTitle, parentId, author, text, quote, spansJson, stanceJson, language, parentAuthor,
            rulesJson, site;
    private Integer number, parentNumber, ratingUp, ratingDown;
    private float[] scores;
    private Attribute topAttribute;
    private StoredComment.ModelRef model;
    private Action action;
    private float risk;
    private List<AlsoQuoted> alsoQuotes;

    private NewCommentBuilder() {}

    /** Every field as {@code c} has it, its risk included: a change of scores does not move it. */
    public static NewCommentBuilder from(NewComment c) {
        NewCommentBuilder b = new NewCommentBuilder();
        b.id = c.id();
        b.articleId = c.articleId();
        b.articleTitle = c.articleTitle();
        b.number = c.number();
        b.parentId = c.parentId();
        b.parentNumber = c.parentNumber();
        b.author = c.author();
        b.text = c.text();
        b.quote = c.quote();
        b.ratingUp = c.ratingUp();
        b.ratingDown = c.ratingDown();
        b.scores = c.scores();
        b.topAttribute = c.topAttribute();
        b.spansJson = c.spansJson();
        b.stanceJson = c.stanceJson();
        b.model = c.model();
        b.action = c.action();
        b.language = c.language();
        b.parentAuthor = c.parentAuthor();
        b.rulesJson = c.rulesJson();
        b.site = c.site();
        b.risk = c.risk();
        b.alsoQuotes = c.alsoQuotes();
        return b;
    }

    public NewCommentBuilder articleId(String articleId) {
        this.articleId = articleId;
        return this;
    }

    public NewCommentBuilder articleTitle(String articleTitle) {
        this.articleTitle = articleTitle;
        return this;
    }

    public NewCommentBuilder stanceJson(String stanceJson) {
        this.stanceJson = stanceJson;
        return this;
    }

    public NewCommentBuilder action(Action action) {
        this.action = action;
        return this;
    }

    public NewCommentBuilder language(String language) {
        this.language = language;
        return this;
    }

    public NewCommentBuilder rulesJson(String rulesJson) {
        this.rulesJson = rulesJson;
        return this;
    }

    public NewCommentBuilder alsoQuotes(List<AlsoQuoted> alsoQuotes) {
        this.alsoQuotes = alsoQuotes;
        return this;
    }

    public NewCommentBuilder author(String author) {
        this.author = author;
        return this;
    }

    public NewCommentBuilder text(String text) {
        this.text = text;
        return this;
    }

    public NewCommentBuilder site(String site) {
        this.site = site;
        return this;
    }

    public NewComment build() {
        return new NewComment(id, articleId, articleTitle, number, parentId, parentNumber, author, text, quote, ratingUp,
                ratingDown, scores, topAttribute, spansJson, stanceJson, model, action, language, parentAuthor, rulesJson, site,
                risk, alsoQuotes);
    }
}
