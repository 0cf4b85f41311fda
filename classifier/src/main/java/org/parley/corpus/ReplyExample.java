package org.parley.corpus;

import org.parley.label.ReplyStance;

/**
 * One reply with the post it answers and what it does to it (SDQC).
 *
 * @param source the corpus folder name
 * @param id     the reply's post id
 * @param thread the thread's source text: the dev split keeps whole threads on one side
 * @param text   the reply
 * @param parent the text of the post it answers
 * @param label  support, deny, query or comment
 */
public record ReplyExample(String source, String id, String thread, String text, String parent, ReplyStance label) {}
