/**
 * Comment threads, the input of the whole system: {@link org.parley.thread.CommentThread} (an
 * {@link org.parley.thread.Article} and its {@link org.parley.thread.Comment}s in page order), the
 * parsers for scraped pages ({@link org.parley.thread.BbcCommentPageParser},
 * {@link org.parley.thread.ArticlePageParser}), the JSON thread format the service and scripts
 * accept ({@link org.parley.thread.ThreadJson}, docs/thread-format.md); {@code cli.ImportPage} turns page files
 * into it. {@link org.parley.thread.QuotedPassages} reads the quote markers in a comment's quote, for the service's
 * erasure to take an erased comment's passages out.
 */
package org.parley.thread;
