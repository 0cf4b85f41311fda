package org.parley.service.api.perspective;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.util.List;
import java.util.Map;

/**
 * AnalyzeComment request; fields Perspective defines that Parley does not use (communityId, sessionId, context) are
 * read for their type alone, as Google's parser reads them ({@code "sessionId": 5} a 400 naming it; taken unread until
 * the seventieth session), and any other is a 400 naming it, as Google's parser refuses it: a misspelt {@code spanAnnotation} or
 * {@code doNotStor} was ignored without a word until the sixty-third session, losing the spans or the promise not to
 * store. Each field also answers to its protobuf name ({@code requested_attributes}), as a proto3 JSON parser's does:
 * clients that print protos with their field names kept (Python's {@code preserving_proto_field_name}, Go's
 * {@code UseProtoNames}) send those.
 */
public record AnalyzeRequest(TextEntry comment,
                             @JsonAlias("requested_attributes") Map<String, AttributeParameters> requestedAttributes,
                             List<String> languages, @JsonAlias("do_not_store") Boolean doNotStore,
                             @JsonAlias("span_annotations") Boolean spanAnnotations, @JsonAlias("client_token") String clientToken,
                             @JsonAlias("community_id") String communityId, @JsonAlias("session_id") String sessionId,
                             Context context) {

    /**
     * Perspective's Context, which Parley does not read (its fields' types are checked): the comments before this one,
     * or the article and the comment this one replies to.
     */
    public record Context(List<TextEntry> entries,
                          @JsonAlias("article_and_parent_comment") ArticleAndParentComment articleAndParentComment) {}

    public record ArticleAndParentComment(TextEntry article, @JsonAlias("parent_comment") TextEntry parentComment) {}

    /** {@code type} as its name, or as its number where it is known ({@link Proto3Json.TextType}); Perspective's TextEntry has no other field. */
    public record TextEntry(String text, @JsonDeserialize(using = Proto3Json.TextType.class) String type) {}

    /**
     * As in Perspective, a field it does not define here is an error ({@code scoreTreshold} would else be no threshold).
     * As proto3 JSON reads them, the threshold may come as a string and the type as its number where it is known.
     */
    public record AttributeParameters(@JsonAlias("score_type") @JsonDeserialize(using = Proto3Json.ScoreType.class) String scoreType,
                                      @JsonAlias("score_threshold") @JsonDeserialize(using = Proto3Json.FloatValue.class) Double scoreThreshold) {}
}
