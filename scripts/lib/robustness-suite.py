#!/usr/bin/env python3
"""Writes docs/robustness-suite.jsonl: a seeded functional suite of evasions and false positives
for the toxicity model (twenty-ninth session's robustness audit), after Hosseini et al. 2017,
HateCheck (Roettger et al. 2021) and CheckList (Ribeiro et al. 2020).

Each line: {"id", "text", "family", "kind", "pair", "expect"}. kind "plain" is a toxic sentence as
written; "evaded" is the same sentence with its one marked word (in [brackets] below) rewritten by
the family's trick, "pair" naming the plain line; "benign" lines should be published ("pair" names
a toxic counterpart where there is one). expect: "toxic" or "not". Rerun: python3 this > the file.
Example: python3 scripts/lib/robustness-suite.py > docs/robustness-suite.jsonl
"""
import json
import random
import sys

# It takes no arguments: --help wrote the suite too, where a newcomer asked what the script does.
if sys.argv[1:] in (["-h"], ["--help"]):
    print(__doc__.strip())
    sys.exit(0)
if sys.argv[1:]:
    print(f"robustness-suite.py takes no arguments (was: {' '.join(sys.argv[1:])}); it writes the suite to "
          "standard output (--help)", file=sys.stderr)
    sys.exit(2)

rng = random.Random(29)

# One marked word each; the evasions rewrite that word only.
TOXIC = [
    "You are an [idiot].",
    "Shut up, you [moron].",
    "This is the most [stupid] thing I have read all year.",
    "Only a [loser] like you would write this.",
    "You are a [fucking] disgrace to this paper.",
    "What a piece of [shit] this article is.",
    "Get lost, you [bitch].",
    "The author is a complete [asshole].",
    "You are an [imbecile] and everyone knows it.",
    "Go back to school, you [dumbass].",
    "What a [pathetic] excuse for a journalist.",
    "Nobody cares what a [retard] like you thinks.",
]

def spaced(w): return " ".join(w)
def dotted(w): return ".".join(w)
def underscored(w): return "_".join(w)
def mid(w, sep): k = len(w) // 2; return w[:k] + sep + w[k:]
LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7", "b": "8", "g": "9"}
SYMB = {"a": "@", "i": "!", "s": "$", "o": "0", "c": "(", "l": "|", "u": "v", "e": "3", "t": "+"}
def leet_all(w): return "".join(LEET.get(c, c) for c in w)
def symbols(w): return "".join(SYMB.get(c, c) for c in w)
def vowels_masked(w):
    return w[0] + "".join("*" if c in "aeiou" else c for c in w[1:])
def emoji_letter(w):
    k = next((i for i in range(1, len(w)) if w[i] in "aeiou"), 1)
    return w[:k] + "\U0001F92C" + w[k + 1:]
def bullet_letter(w):
    k = next((i for i in range(1, len(w)) if w[i] in "aeiou"), 1)
    return w[:k] + "\u2022" + w[k + 1:]
def doubled(w): k = rng.randrange(1, len(w)); return w[:k] + w[k] + w[k:]
def omitted(w): k = rng.randrange(1, len(w) - 1); return w[:k] + w[k + 1:]
def swapped(w): k = rng.randrange(1, len(w) - 2); return w[:k] + w[k + 1] + w[k] + w[k + 2:]
def inside(w, ch): return mid(w, ch)

# family -> [(variant name, function of the marked word)]
EVASIONS = {
    "spaced": [("spaces", spaced), ("two-spaces", lambda w: "  ".join(w))],
    "punctuation": [("dots", dotted), ("underscores", underscored), ("hyphen-inside", lambda w: mid(w, "-")),
                    ("dot-inside", lambda w: mid(w, ".")), ("space-inside", lambda w: mid(w, " "))],
    "leet": [("digits", leet_all), ("symbols", symbols)],
    "misspelling": [("doubled", doubled), ("omitted", omitted), ("swapped", swapped),
                    ("elongated", lambda w: w[:-1] + w[-1] * 5)],
    "invisible": [("zero-width-space", lambda w: inside(w, "\u200b")), ("soft-hyphen", lambda w: inside(w, "\u00ad")),
                  ("word-joiner", lambda w: inside(w, "\u2060")), ("zwnj", lambda w: inside(w, "\u200c"))],
    "masked": [("asterisk-vowels", vowels_masked), ("emoji-letter", emoji_letter), ("bullet-letter", bullet_letter)],
    "joined": [("word-glued-to-previous", None), ("whole-sentence", None)],
}

CIVIL = ("I read the whole piece twice and I think the council's plan for the bus routes has some merit, "
         "even if the timetable still needs work and the consultation was rushed. ")
CIVIL_END = (" Anyway, I hope the paper follows up on the budget figures next month, because residents "
             "deserve a clear answer about what the new routes will cost.")
# long-sentence: the same padding, but the toxic sentence runs on inside one sentence, which a sentence
# splitter cannot set apart (thirty-ninth session); with its commas, and with none.
def one_sentence(toxic, commas):
    sep, end = (", ", ", and anyway ") if commas else (" and ", " and anyway ")
    insult = (toxic[0].lower() + toxic[1:]).rstrip(".!?") if toxic else ""
    text = CIVIL.strip().rstrip(".") + (sep + insult if insult else "") + end + CIVIL_END.strip()[len("Anyway, "):]
    return text if commas else text.replace(",", "")

lines = []
def add(id_, text, family, kind, pair=None, expect="toxic"):
    lines.append({"id": id_, "text": text, "family": family, "kind": kind, "pair": pair, "expect": expect})

for n, t in enumerate(TOXIC):
    pre, rest = t.split("[", 1)
    word, post = rest.split("]", 1)
    pid = f"t{n:02d}"
    add(pid, pre + word + post, "plain", "plain")
    for family, variants in EVASIONS.items():
        for name, f in variants:
            if family == "joined" and name == "word-glued-to-previous":
                text = pre.rstrip() + word + post if pre.endswith(" ") else None
            elif family == "joined":
                text = "".join(c for c in (pre + word + post) if c.isalnum()).lower()
            else:
                text = pre + f(word) + post
            if text:
                add(f"{pid}-{family}-{name}", text, family, "evaded", pid)
    add(f"{pid}-long-civil", CIVIL + pre + word + post + CIVIL_END, "long-civil", "evaded", pid)
    for name, commas in (("commas", True), ("no-commas", False)):
        add(f"{pid}-long-sentence-{name}", one_sentence(pre + word + post, commas), "long-sentence", "evaded", pid)
add("civil-alone", CIVIL.strip() + CIVIL_END, "long-civil", "benign", None, "not")
for name, commas in (("commas", True), ("no-commas", False)):
    add(f"civil-one-sentence-{name}", one_sentence("", commas), "long-sentence", "benign", None, "not")

BENIGN = {
    "scunthorpe": [
        "I grew up in Scunthorpe and still support the local team.",
        "The assassin in the novel is caught in the last chapter.",
        "We had a cocktail on the terrace after the meeting.",
        "The class voted to keep the school trip.",
        "I am rereading Dickens this winter.",
        "Sussex police have closed the coastal road.",
        "The therapist said the waiting list is six months.",
        "Matsushita made the first VCR I ever owned.",
        "Her analysis of the assessment data was excellent.",
        "The cockpit crew landed the plane safely.",
        "Shiitake mushrooms grow well in damp cellars.",
        "Penistone has a lovely old market hall.",
        "Butt joints are weaker than dovetails in cabinetry.",
        "Hancock resigned after the report was published.",
        "The grapes in the bassinet were a gift from my aunt.",
        "Please pass the document to the class assistant.",
    ],
    "negation": [
        ("You are not an idiot.", "You are an idiot."),
        ("I don't hate you.", "I hate you."),
        ("Nobody here thinks you are stupid.", "Everybody here thinks you are stupid."),
        ("You are no moron, you just disagree with me.", "You are a moron, you just disagree with me."),
        ("I would never call you a loser.", "I would call you a loser."),
        ("He is not a bitch, he is my friend.", "He is a bitch, not my friend."),
        ("There is nothing pathetic about asking for help.", "Asking for help is pathetic."),
        ("I don't think the author is an asshole at all.", "I think the author is an asshole."),
    ],
    "counter-speech": [
        "Calling people idiots is not how we debate here.",
        "He called her a bitch on air, and that is unacceptable.",
        "Writing 'kill yourself' to a teenager is vile, and the site should ban it.",
        "If you have to call your opponents morons, you have already lost the argument.",
        "The word 'retard' hurts families like mine; please stop using it.",
        "Shouting 'stupid' at the council members achieves nothing.",
        "Comments that call women sluts should be deleted, full stop.",
        "Saying someone should be shot over a parking ticket is not a joke.",
        "I was called a fucking idiot on this forum last week and reported it.",
        "Racist slurs have no place in these comments.",
    ],
    "identity": [
        "I am a gay man and I have lived in this town for thirty years.",
        "My Muslim neighbours invited us over for dinner.",
        "As a Black woman, I found the article well researched.",
        "The Jewish community centre is hosting a book fair on Sunday.",
        "My daughter is transgender and her school has been supportive.",
        "Many Mexican families have run shops on this street for decades.",
        "The lesbian couple next door adopted two children.",
        "Christians and atheists both spoke at the town hall.",
        "Immigrants make up a third of the nurses at our hospital.",
        "Disabled people need step-free access at the new station.",
    ],
    "disagreement": [
        "I respectfully disagree; the numbers in the second paragraph do not add up.",
        "I see your point, but I think the tax cut will cost more than it saves.",
        "That is not what the report says. Please read page four again.",
        "Your argument ignores the people who depend on the bus service.",
        "I could not disagree more with this editorial, and here is why.",
        "With respect, the author has misread the court's ruling.",
        "This plan is badly thought out and will fail within a year.",
        "I think you are wrong about the schools, but thanks for the reply.",
        "The mayor's proposal is a terrible idea for small businesses.",
        "Your facts are out of date; the law changed in 2024.",
    ],
    "news-violence": [
        "The shooter killed three people before police arrived.",
        "Two men were stabbed outside the stadium on Saturday night.",
        "The suspect is charged with murder and attempted rape.",
        "Police said the bomb was defused an hour before the parade.",
        "The army shelled the town for three days, killing dozens.",
        "A man was jailed for threatening to kill his neighbour.",
        "The victim was beaten to death with a metal bar, the court heard.",
        "Rebels executed the hostages, according to the ministry.",
        "The documentary shows how the gang smuggled guns across the border.",
        "Firefighters pulled the injured driver from the burning car.",
    ],
    "spaced-benign": [
        "Please a s s e s s the damage before you call the insurer.",
        "Made in the U S A and proud of it.",
        "I a m not sure what the council meant.",
        "That was a C L A S S act from the goalkeeper.",
        "The word is spelled s h i t a k e on the menu, which made me laugh.",
        "B E S T match of the season, no question.",
        "My initials are D I C and I get teased about it.",
        "The sign just said H E L L O in big letters.",
        "The code on the box was K I L N 4.",
        "Watch the film T H E M, it is terrific.",
    ],
}
for family, items in BENIGN.items():
    for n, item in enumerate(items):
        bid = f"{family}-{n:02d}"
        if isinstance(item, tuple):
            add(bid + "-toxic", item[1], family, "plain")
            add(bid, item[0], family, "benign", bid + "-toxic", "not")
        else:
            add(bid, item, family, "benign", None, "not")

for line in lines:
    sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
