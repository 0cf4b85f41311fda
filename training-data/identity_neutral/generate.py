#!/usr/bin/env python3
"""Writes identity_neutral.jsonl: neutral sentences that mention identities, labelled not toxic.

Why: hate-speech corpora mention identities mostly in abuse, so a model learns "gay" or "Muslim"
as toxic words. Non-toxic examples with the same words counter that (Dixon et al., 2018,
"Measuring and Mitigating Unintended Bias in Text Classification"). The templates here are
deliberately unlike the "I am a X." probes in docs/identity-sentences.jsonl, which measure the
effect and must stay out of training. Run: python3 generate.py | gzip -9n > identity_neutral.jsonl.gz
"""
import json

ADJECTIVES = ["gay", "lesbian", "bisexual", "transgender", "trans", "queer", "straight",
              "Muslim", "Jewish", "Christian", "Catholic", "Hindu", "Buddhist", "Sikh",
              "Black", "white", "Asian", "Latino", "Hispanic", "Mexican", "African", "African American",
              "Arab", "Chinese", "Indian", "Pakistani", "Somali", "Native American", "disabled", "deaf",
              "blind", "elderly", "young", "old"]
NOUNS = ["immigrant", "refugee", "atheist", "feminist", "woman", "man", "Jew", "Muslim",
         "Christian", "gay man", "lesbian", "trans woman", "trans man", "Black woman", "Black man",
         "wheelchair user", "migrant", "grandmother", "teenager"]

ADJ_TEMPLATES = [
    "My {x} neighbours invited us over for dinner last weekend.",
    "The {x} community organised a food bank in our town.",
    "{X} people have lived in this city for generations.",
    "The article interviews several {x} students about tuition fees.",
    "As a {x} reader, I found this report balanced and fair.",
    "My best friend is {x} and we go hiking every summer.",
    "The council hired a {x} engineer to repair the bridge.",
    "Being {x} is just one part of who she is.",
    "There are {x} members of parliament in every major party.",
    "Our {x} teacher ran the school trip to the museum.",
    "The {x} family down the road runs the bakery.",
    "Many {x} voters care most about jobs and housing.",
]
NOUN_TEMPLATES = [
    "She is a {x} and a very good nurse.",
    "The {x} who moved in next door helped me fix my fence.",
    "My colleague, a {x}, wrote an excellent piece on the budget.",
    "Every {x} I know wants safe streets and good schools.",
    "The story follows a {x} starting a small business.",
    "He is a proud {x} and a keen gardener.",
]


def rows():
    for words, templates in ((ADJECTIVES, ADJ_TEMPLATES), (NOUNS, NOUN_TEMPLATES)):
        for x in words:
            article = "an" if x[0].lower() in "aeiou" else "a"
            for t in templates:
                yield (t.replace("{X}", x[0].upper() + x[1:]).replace("a {x}", f"{article} {x}")
                       .replace("{x}", x))


if __name__ == "__main__":
    zero = {a: 0 for a in ["TOXICITY", "SEVERE_TOXICITY", "IDENTITY_ATTACK", "INSULT", "PROFANITY", "THREAT"]}
    for i, text in enumerate(rows()):
        print(json.dumps({"id": f"t{i}", "source": "identity_neutral", "text": text, "labels": zero}))
