/**
 * The annotated corpora under training-data/, each mapped onto the six attributes.
 *
 * <p>Public API: {@link org.parley.corpus.Corpora} loads one corpus, all toxicity corpora
 * (de-duplicated on normalised text) or the unlabelled texts. {@link org.parley.corpus.DevSplit}
 * is the fixed, content-hashed 10% dev split. {@link org.parley.corpus.Example} is one labelled
 * text. {@link org.parley.corpus.CorpusReport} prints the per-corpus counts.
 *
 * <p>Inside, one small reader per corpus, grouped by format family, says which column becomes
 * which attribute and why: {@code JigsawCorpora}, {@code ToxicSpansCorpus},
 * {@code NewsCommentCorpora}, {@code TweetCorpora}, {@code ForumCorpora}, {@code ConvAbuseCorpus}.
 * They share {@code Table}/{@code Row} (Commons CSV over plain or gzipped files, errors naming
 * file and record), {@code LabelSet} and {@code KaggleEscapes}. {@code TextKey} is the one text
 * normalisation that both {@code Deduplicator} and {@code DevSplit} use, so duplicates never
 * straddle the split. Attributes a corpus does not annotate stay unlabelled (NaN), never 0.
 * training-data/README.md documents every mapping and the counts it produces.
 */
package org.parley.corpus;
