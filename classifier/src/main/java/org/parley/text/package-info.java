/**
 * The text pipeline: raw, untrusted comment text in, normalised tokens out, each with offsets
 * into the raw text for highlighting.
 *
 * <p>Public: {@link org.parley.text.TextPipeline} ({@code standard()}, {@code tokenize},
 * {@code tokens}) and {@link org.parley.text.Token}; beside the pipeline, {@link org.parley.text.Sentences} (a
 * comment's sentences, cut from its tokens), {@link org.parley.text.Language} (is it English?),
 * {@link org.parley.text.BlankText} (text with nothing to read) and {@link org.parley.text.NlpModels} (CoreNLP's
 * models jar, for the pipelines that parse or tag). The pipeline's own parts are package-private, but for
 * {@code CharFolding} and {@code Homoglyphs}, which the wide features and the phrase rules read too:
 * <ul>
 *   <li>{@code TextCleaner}, {@code CharFolding}, {@code HtmlEntities}, {@code Homoglyphs},
 *       {@code CleanText}: character-level cleaning on a copy that maps back to the raw text;</li>
 *   <li>{@code CoreNlpLexer}: token boundaries from CoreNLP's PTB lexer (needs
 *       {@code -XX:-DontCompileHugeMethods} to run at full speed);</li>
 *   <li>{@code Stage}s that declare the {@code Layer}s they need and add, in pipeline order:
 *       {@code WebLinks}, {@code MissingSpaceSplitter}, {@code HashtagSplitter},
 *       {@code Lowercaser}, {@code MaskJoiner}, {@code Deobfuscator}, {@code Speller} (left out of
 *       {@code unspelled()}, over the words people write, {@code Vocabulary}), {@code Placeholders},
 *       {@code RepeatSqueezer}, {@code ShoutMarker}; {@code Draft} is a token on its way
 *       through them and {@code Shape} caches what kinds of chars it holds;</li>
 *   <li>{@code Lexicon}: profanity and insult stems (resource {@code obfuscation-lexicon.txt})
 *       that masked and leet words are matched against.</li>
 * </ul>
 */
package org.parley.text;
