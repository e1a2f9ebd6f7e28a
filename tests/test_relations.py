"""Sentence shapes the credit and education rules must read, each on a short invented text
(names and titles that are in no gazetteer, so only the shape can carry them)."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from extract.io import Article


def _record(extractor, text: str) -> dict:
    article = Article(Path("t.txt"), "t.txt", "t", hashlib.sha256(text.encode()).hexdigest(), text, "utf-8")
    return extractor.record(article).model_dump()


def _credits(record: dict) -> set[tuple]:
    return {(c["person"], c["role"], c["film"]) for c in record["credits"]}


@pytest.mark.parametrize("text,expected", [
    # a family name used alone makes the full name a person, and "her credits include" takes her own role
    ("For cinematographer Ilvana Maretsku, light comes first. Maretsku grew up in Cluj. "
     "Her credits include “Tin Harbour” and “Moth Season.” Maretsku said the work is slow.",
     {("Ilvana Maretsku", "cinematographer", "Tin Harbour"), ("Ilvana Maretsku", "cinematographer", "Moth Season")}),
    # "it" is the film last named
    ("In 2019 we made a short called “Velden Rooms.” I wrote and directed it.",
     {("SUBJECT", "writer", "Velden Rooms"), ("SUBJECT", "director", "Velden Rooms")}),
    # a list of people stops at "which"; "which" points back to the film being described
    ("Their film was “Orrin Gate,” a drama directed by Tavish Obrecht, which Quilla Marsh produced.",
     {("Tavish Obrecht", "director", "Orrin Gate"), ("Quilla Marsh", "producer", "Orrin Gate")}),
    # a list of people after "directed by" ends at the next role verb
    ("“Pell Water” is a drama directed by Daniel Obrecht and starring Quilla Marsh.",
     {("Daniel Obrecht", "director", "Pell Water"), ("Quilla Marsh", "actor", "Pell Water")}),
    # "with X" after the film shares the credit; "as ROLE was FILM"
    ("My first feature as producer was “Dunmore Flats.” I co-produced “Ash Meadow” with Daniel Obrecht.",
     {("SUBJECT", "producer", "Dunmore Flats"), ("SUBJECT", "co-producer", "Ash Meadow"),
      ("Daniel Obrecht", "co-producer", "Ash Meadow")}),
    # a person named after "is" at the end of a sentence is the next "he"
    ("My mentor is Daniel Obrecht. He was the line producer on “Orrin Gate.”",
     {("Daniel Obrecht", "line producer", "Orrin Gate")}),
    # a character's name between the verb and the film: "played X in Y", "his role as X on Y"
    ("Quilla Marsh played Odile Varn in Pell Water. Daniel Obrecht is known for his role as "
     "Detective Amos Ruel on The Velden Rooms.",
     {("Quilla Marsh", "actor", "Pell Water"), ("Daniel Obrecht", "actor", "The Velden Rooms")}),
    # "a drama by X" directs the film before it; "opposite X (“A”)" acts in it and in A
    ("My first role was in “Pell Water,” a small drama by Daniel Obrecht. I played the sister, opposite "
     "Quilla Marsh (“Orrin Gate”).",
     {("Daniel Obrecht", "director", "Pell Water"), ("Quilla Marsh", "actor", "Pell Water"),
      ("Quilla Marsh", "actor", "Orrin Gate")}),
    # a definition with hyphenated adjectives before "film"; "produced by and starring X" gives both
    ("Velden Rooms is a 2008 Tamil-language period drama film produced by and starring Quilla Marsh.",
     {("Quilla Marsh", "producer", "Velden Rooms"), ("Quilla Marsh", "actor", "Velden Rooms")}),
    # "starred A as Character, B as Character": every actor of the list, none of the characters
    ("Orrin Gate is a 1927 silent film. The film starred Quilla Marsh as Helen, Daniel Obrecht as "
     "Vice Admiral Amos Ruel, and Tom Obrecht as Paris.",
     {("Quilla Marsh", "actor", "Orrin Gate"), ("Daniel Obrecht", "actor", "Orrin Gate"),
      ("Tom Obrecht", "actor", "Orrin Gate")}),
    # a director's possessive before an unquoted, dated title
    ("His first major role came in Quilla Marsh's Orrin Gate (2012), a co-production.",
     {("Quilla Marsh", "director", "Orrin Gate")}),
    # an unquoted title in brackets after a credited name, as the trade press writes it
    ("The film stars Quilla Marsh (Glass Orrin) and is directed by Daniel Obrecht (Copper Velden).",
     {("Quilla Marsh", "actor", "Glass Orrin"), ("Daniel Obrecht", "director", "Copper Velden")}),
])
def test_credit_shapes(extractor, text, expected):
    text = "Meet Anna Marsh\n\n" + text if "SUBJECT" in str(expected) else text
    record = _record(extractor, text)
    subject = record["subject"]
    want = {(subject if p == "SUBJECT" else p, r, f) for p, r, f in expected}
    assert want <= _credits(record), (record["subject"], _credits(record))
    if "starring" in text:
        assert ("Quilla Marsh", "director", "Pell Water") not in _credits(record)


def test_programme_bio_names_in_capitals_and_credit_lines(extractor):
    text = ("THE PALE ORCHARD\nUSA | 12 min\nDirected by Odalys Verrane\nCast: Maria Tallent, John Huxe\n\n"
            "ODALYS VERRANE (Director) grew up in Tucson. She holds an MFA in Directing from the "
            "AFI Conservatory.\n")
    record = _record(extractor, text)
    assert "Directed by Odalys Verrane" not in {f["title"] for f in record["films"]}
    credits = _credits(record)
    assert ("Odalys Verrane", "director", "THE PALE ORCHARD") in credits
    assert {("Maria Tallent", "actor", "THE PALE ORCHARD"), ("John Huxe", "actor", "THE PALE ORCHARD")} <= credits
    education = {(e["person"].casefold(), e["school"], e["degree"]) for e in record["education"]}
    assert ("odalys verrane", "AFI Conservatory", "master") in education


def test_headline_names_the_subject_and_place_adjectives_are_no_names(extractor):
    text = ("IN CONVERSATION: Terzo Valbeck on boats and brothers\n\nThe Austin-raised actor talks.\n\n"
            "Q: Terzo, how are you?\nA: I starred in “Lantern Quay” for two seasons. Valbeck laughs.\n"
            "Q: And next?\nA: Rest. Valbeck waves.\n")
    record = _record(extractor, text)
    assert record["subject"] == "Terzo Valbeck"
    assert not any("raised" in p["name"] for p in record["people"])
    assert ("Terzo Valbeck", "actor", "Lantern Quay") in _credits(record)


def test_no_film_after_a_character_verb_without_a_named_character(extractor):
    text = ("Quilla Marsh played guitar in Lagos. She played Odile in CBS' drama Pell Water "
            "and Anya in The Orrin comedy series.")
    films = {f["title"] for f in _record(extractor, text)["films"]}
    assert not films & {"Lagos", "CBS", "The Orrin"}, films


def test_programme_credit_lines_with_colons_and_names_known_by_their_ending(extractor):
    text = ("MARROW\nIceland, 2025, 24 min.\n"
            "Directed by Anna Lind | Screenplay: Anna Lind, Jens Hallbjörnsson | Sound design: Karl Jonsson\n"
            "Cast: Hekla Sigurðardóttir, Birgir Hallsson\n\nA farmer prepares for winter.\n")
    credits = _credits(_record(extractor, text))
    assert {("Anna Lind", "writer", "MARROW"), ("Jens Hallbjörnsson", "writer", "MARROW"),
            ("Karl Jonsson", "sound designer", "MARROW"), ("Hekla Sigurðardóttir", "actor", "MARROW"),
            ("Birgir Hallsson", "actor", "MARROW")} <= credits, credits


def test_an_assistant_director_is_no_ad_and_a_role_is_no_part_of_a_title(extractor):
    text = ("Meet Anna Marsh\n\nShe worked her way up to 2nd AD on the drama “Orrin Gate”. "
            "In 2021 she was the 1st AD on Kudzu, a horror film directed by Daniel Obrecht.")
    record = _record(extractor, text)
    assert {f["title"] for f in record["films"]} == {"Orrin Gate", "Kudzu"}
    assert {("Anna Marsh", "second assistant director", "Orrin Gate"),
            ("Anna Marsh", "first assistant director", "Kudzu"),
            ("Daniel Obrecht", "director", "Kudzu")} <= _credits(record)


def test_programme_headings_with_a_translation_a_function_word_or_a_block_name(extractor):
    text = ("Program 4: Lakeside Stories\nThe Orrin Hall · Friday, July 25 · 88 minutes\n\n"
            "WHAT THE WATER HOLDS\nUSA | 2025 | 23 min | Documentary\nDirector: Quorra Veldane\n"
            "Producer: Tavish Obrecht | Editor: Ilvana Maretsku\n\nA lock keeper looks for what the flood took.\n\n"
            "LAS MANOS DE LA TIERRA (Hands of the Earth)\nMexico, 2025, 41 min. Spanish with English subtitles.\n"
            "A film by Quilla Marsh | Camera: Daniel Obrecht\n\n"
            "Her recent credits include the feature “Moth Season” (dir. Orla Pevensey).\n")
    record = _record(extractor, text)
    assert {f["title"] for f in record["films"]} == {"WHAT THE WATER HOLDS", "LAS MANOS DE LA TIERRA", "Moth Season"}
    assert {("Quorra Veldane", "director", "WHAT THE WATER HOLDS"),
            ("Tavish Obrecht", "producer", "WHAT THE WATER HOLDS"),
            ("Quilla Marsh", "director", "LAS MANOS DE LA TIERRA"),
            ("Daniel Obrecht", "cinematographer", "LAS MANOS DE LA TIERRA"),
            ("Orla Pevensey", "director", "Moth Season")} <= _credits(record)


def test_titles_with_and_or_small_words_a_translated_heading_and_crew_roles_outside_the_list(extractor):
    text = ("Quilla Marsh designed Salt and Iron (1986) and Sons of the Estuary (1992), and was a costume "
            "supervisor on the ITV mini-series Orrin Hall.\n\n"
            "VELDEN (Snowdrop) – Hungary\nDirector: Ilvana Maretsku | Producers: Tavish Obrecht, Orla Pevensey\n"
            "Maretsku grew up in Debrecen.\n")
    record = _record(extractor, text)
    assert {"Salt and Iron", "Sons of the Estuary", "Orrin Hall", "VELDEN"} <= {f["title"] for f in record["films"]}
    assert {("Quilla Marsh", "costume supervisor", "Orrin Hall"), ("Ilvana Maretsku", "director", "VELDEN"),
            ("Tavish Obrecht", "producer", "VELDEN"), ("Orla Pevensey", "producer", "VELDEN")} <= _credits(record)


def test_an_announcement_credits_its_crew_list_to_the_one_film_it_is_about(extractor):
    text = ("Orrin Pictures Begins Production on “Moth Season”\n\n"
            "Orrin Pictures today announced that principal photography has begun on Moth Season, the debut "
            "feature of Quilla Marsh. The cast is led by Tavish Obrecht and Orla Pevensey. "
            "Executive producers are Ilvana Maretsku and Daniel Obrecht. Behind the camera is cinematographer "
            "Maren Quist. Moth Season is expected to premiere next year, and Moth Season is Marsh's first film.")
    credits = _credits(_record(extractor, text))
    assert {("Tavish Obrecht", "actor", "Moth Season"), ("Orla Pevensey", "actor", "Moth Season"),
            ("Ilvana Maretsku", "executive producer", "Moth Season"),
            ("Daniel Obrecht", "executive producer", "Moth Season"),
            ("Maren Quist", "cinematographer", "Moth Season")} <= credits, credits


def test_a_profile_without_an_announcement_keeps_roles_without_a_film(extractor):
    text = ("Meet Quilla Marsh\n\nQuilla Marsh made “Moth Season” in 2020. “Moth Season” was shot in Cluj. "
            "She studied under director Tavish Obrecht. “Moth Season” won a prize.")
    credits = _credits(_record(extractor, text))
    assert ("Tavish Obrecht", "director", "Moth Season") not in credits, credits


def test_a_headline_film_is_the_focus_and_a_post_without_article_is_its_credit(extractor):
    text = ("EXCLUSIVE: Quilla Marsh’s ‘Moth Season’ Sets Crew As Cameras Roll\n\n"
            "By Orla Pevensey\nMarch 4, 2025\n\n"
            "Quilla Marsh, whose debut “Orrin Gate” won a prize, has begun shooting Moth Season. "
            "Laura Obrecht is line producer and Daniel Obrecht is first AD; Peter Maretsku is 2nd AD. "
            "Maren Quist, who shot “Orrin Gate,” returns as director of photography. "
            "Marsh thanked “Orrin Gate” fans. Maren Quist is a producer too.")
    record = _record(extractor, text)
    assert {f["title"] for f in record["films"]} == {"Moth Season", "Orrin Gate"}  # the byline is no title
    assert {("Laura Obrecht", "line producer", "Moth Season"),
            ("Daniel Obrecht", "first assistant director", "Moth Season"),
            ("Peter Maretsku", "second assistant director", "Moth Season"),
            ("Maren Quist", "cinematographer", "Moth Season")} <= _credits(record)
    # "a producer" describes her; it is no post on the film
    assert ("Maren Quist", "producer", "Moth Season") not in _credits(record)


def test_unquoted_titles_after_a_singular_cue_a_credit_list_and_a_channel_series(extractor):
    text = ("She cut the documentary Salt and Iron for director Quilla Marsh, and edited the Netflix series "
            "Northmoor. Her other editing credits include Ferris Wheel, Ordinary Time and Moth Season.")
    record = _record(extractor, text)
    assert {f["title"] for f in record["films"]} == {
        "Salt and Iron", "Northmoor", "Ferris Wheel", "Ordinary Time", "Moth Season"}
    assert ("Quilla Marsh", "director", "Salt and Iron") in _credits(record)


def test_an_alumni_page_gives_bracketed_degrees_to_its_school(extractor):
    text = ("Alumni Roundup: Graduates of the Orrin School of Film and Television\n\n"
            "Here is what graduates of the Orrin School of Film and Television have been up to.\n\n"
            "Megan Quist (BA in Film Production, 2014) directed two episodes of a series. "
            "Jordan Marsh (MFA in Screenwriting, 2017) later earned an MA from King’s College London.")
    education = {(e["person"], e["school"], e["degree"], e["field"]) for e in _record(extractor, text)["education"]}
    assert ("Megan Quist", "Orrin School of Film and Television", "bachelor", "Film Production") in education
    assert ("Jordan Marsh", "Orrin School of Film and Television", "master", "Screenwriting") in education
    assert ("Jordan Marsh", "King’s College London", "master", None) in education


def test_a_profile_gives_no_school_to_a_bracketed_degree(extractor):
    text = ("Meet Megan Quist\n\nThe Orrin School of Film and Television held a screening on Friday. "
            "Megan Quist (BA in Film Production, 2014) spoke after it.")
    assert _record(extractor, text)["education"] == []


def test_described_titles_relative_clauses_towns_and_brands(extractor):
    text = ("Meet Camille Quist\n\nQuist studied at the Duke Ellington School of the Arts in Georgetown. "
            "She apologizes for the Fred Perry tracksuit. Her breakout was Tender, a small Baltimore drama "
            "directed by Marco Bellini. Next up is Crossing Guard, a drama from writer-director Nia Holloway "
            "that shot last year in Atlanta.")
    record = _record(extractor, text)
    assert {s["name"] for s in record["schools"]} == {"Duke Ellington School of the Arts"}
    assert "Fred Perry" not in {p["name"] for p in record["people"]}
    credits = _credits(record)
    assert {("Marco Bellini", "director", "Tender"), ("Nia Holloway", "director", "Crossing Guard")} <= credits
    assert ("Nia Holloway", "cinematographer", "Crossing Guard") not in credits


def test_titles_after_a_role_and_on_and_after_called(extractor):
    text = ("Anna Quist has been the director of photography on The Long Way Home and on a quiet little "
            "drama called Still. Still premiered in Austin.")
    record = _record(extractor, text)
    assert {f["title"] for f in record["films"]} == {"The Long Way Home", "Still"}
    assert ("Anna Quist", "cinematographer", "The Long Way Home") in _credits(record)


def test_titles_with_an_inner_possessive_characters_and_modifiers_are_no_titles(extractor):
    text = ("Obrecht's film credits include Orrin Gate (2012) as Piotr, The Lantern Keeper (2014) as "
            "Detective Harris, and The Collector's Velden (2022) as Amos Ruel. He was second unit director "
            "on Quilla Marsh's Québec epic La Grande Pell (1999). Tavish Ruel (Sweden) and Anna Marsh "
            "(Proton Cinema) are producers.")
    films = {f["title"] for f in _record(extractor, text)["films"]}
    assert {"Orrin Gate", "The Lantern Keeper", "The Collector's Velden", "La Grande Pell"} <= films
    assert not films & {"Piotr", "Detective Harris", "Amos Ruel", "Velden", "Québec", "Sweden", "Proton Cinema"}


def test_titles_in_sentence_case_languages_run_through_their_lower_case_words(extractor):
    text = ("La prima notte di velden (Indian Summer) is a 1972 Italian and French drama film directed by "
            "Quilla Marsh. In 1997 she starred in the telenovela El orrin no tiene gato. In 2005 she starred "
            "in Contra viento y marea as the villain. She scored the film Lo squartatore di New York (1982). "
            "She starred in the film La La Land director Daniel Obrecht made. In 1988 she shot "
            "“La stagione delle velden,” which won at Venice. “No way I am doing that,” she said.")
    films = {f["title"] for f in _record(extractor, text)["films"]}
    assert {"La prima notte di velden", "El orrin no tiene gato", "Contra viento y marea",
            "Lo squartatore di New York", "La La Land", "La stagione delle velden"} <= films
    assert "No way I am doing that" not in films


def test_schools_named_in_other_languages_by_possessive_and_learned_societies(extractor):
    text = ("Anna Weiss earned a bachelor's degree from Université Laval and a diploma from the Escuela "
            "Superior de Santa Velden. She graduated from the Politecnico di Orrin, then earned an MFA at UCLA's "
            "School of Theater, Film and Television. She is a member of the Academy of Motion Picture Arts and "
            "Sciences, was Dean of the College at Orrin College and earned an AFI nomination.")
    record = _record(extractor, text)
    names = {s["name"] for s in record["schools"]}
    assert {"Université Laval", "Escuela Superior de Santa Velden", "Politecnico di Orrin", "Orrin College"} <= names
    ucla = next(s for s in record["schools"] if s["name"].startswith("UCLA"))
    assert "UCLA School of Theater, Film and Television" in [ucla["name"], *ucla["aliases"]]
    assert not {n for n in names if "Academy" in n or n in {"AFI", "Dean of the College"}}
    assert ("Anna Weiss", "Université Laval") in {(e["person"], e["school"]) for e in record["education"]}


def test_a_casting_announcement_under_a_section_label_and_a_premiere_line_in_a_programme(extractor):
    text = ("FILM | CASTING\n\nQuilla Marsh Joins Orrin Velden Thriller 'Pell Water'\n\n"
            "EXCLUSIVE: Quilla Marsh has joined the cast of Pell Water, from a screenplay by Will Obrecht. "
            "Dana Whitfield, Tom Ruel and Marcus Lowe are executive producers. Production begins next month.\n\n"
            "Related: Daniel Obrecht Sets Next Feature After Sundance Breakout\n")
    credits = _credits(_record(extractor, text))
    assert {("Quilla Marsh", "actor", "Pell Water"), ("Will Obrecht", "writer", "Pell Water"),
            ("Dana Whitfield", "executive producer", "Pell Water"), ("Tom Ruel", "executive producer", "Pell Water"),
            ("Marcus Lowe", "executive producer", "Pell Water")} <= credits
    programme = ("The Orrin Gate\nCanada | 2025 | 94 min\nWorld Premiere\n\nDirector: Quilla Marsh\n"
                 "Original Music: Tom Ruel\nSound Design: Dana Whitfield\n")
    record = _record(extractor, programme)
    assert {f["title"] for f in record["films"]} == {"The Orrin Gate"}
    assert {("Tom Ruel", "composer", "The Orrin Gate"), ("Dana Whitfield", "sound designer", "The Orrin Gate")
            } <= _credits(record)


def test_he_beside_i_is_the_person_named_before_and_as_a_role_i_is_the_subject(extractor):
    text = ("Meet Anna Marsh\n\nWhat came next?\nDaniel Obrecht and I made “Orrin Gate,” which he directed and "
            "I produced. My favourite director is Agnès Varda. She made it look effortless, and as an AD I know "
            "how hard that is.")
    credits = _credits(_record(extractor, text))
    assert {("Daniel Obrecht", "director", "Orrin Gate"), ("Anna Marsh", "producer", "Orrin Gate"),
            ("Anna Marsh", "assistant director", None)} <= credits
    assert not {c for c in credits if c[0] == "Agnès Varda" or c[:2] == ("Anna Marsh", "director")}


def test_a_director_in_an_apposition_after_the_film_and_verbs_of_debuts_and_scores(extractor):
    text = ("Tom Ruel is an actor. I was a co-producer on “The Quiet Velden,” Quilla Marsh's first feature, "
            "which was a lesson. He loved the film Orrin Gate, Daniel Obrecht's debut film. He made his screen "
            "debut in the series Pell Water (2009). In 2024 Ruel would star in and co-write Copper Velden. "
            "Anna Marsh asked Dana Whitfield to score her documentary Glass Orrin.")
    record = _record(extractor, text)
    assert {("Quilla Marsh", "director", "The Quiet Velden"), ("Daniel Obrecht", "director", "Orrin Gate"),
            ("Tom Ruel", "actor", "Pell Water"), ("Tom Ruel", "actor", "Copper Velden"),
            ("Tom Ruel", "writer", "Copper Velden"), ("Dana Whitfield", "composer", "Glass Orrin")
            } <= _credits(record)
    assert "Daniel Obrecht" not in {f["title"] for f in record["films"]}


def test_a_trade_announcement_with_bracketed_title_lists_and_a_title_case_headline(extractor):
    text = ("Quilla Okonkwo-Bright, Tom Ruel To Star In Daniel Obrecht's Thriller Moth Season\n\n"
            "EXCLUSIVE: Quilla Okonkwo-Bright (Glass Orrin, The Quiet Velden) and Tom Ruel (Pell Water) are set "
            "to star in Moth Season, the second feature from writer-director Daniel Obrecht (Copper Velden). "
            "Behind the camera, Obrecht reteams with his Copper Velden crew. Maren Quist (Copper Velden, "
            "Salt Harbor) will serve as DP. Casting is by Dana Whitfield.")
    record = _record(extractor, text)
    assert {"Glass Orrin", "The Quiet Velden", "Pell Water", "Copper Velden", "Salt Harbor", "Moth Season"} \
        <= {f["title"] for f in record["films"]}
    assert "Quilla Okonkwo-Bright" in {p["name"] for p in record["people"]}
    credits = _credits(record)
    assert {("Quilla Okonkwo-Bright", "actor", "Moth Season"), ("Tom Ruel", "actor", "Moth Season"),
            ("Quilla Okonkwo-Bright", "actor", "Glass Orrin"), ("Tom Ruel", "actor", "Pell Water"),
            ("Maren Quist", "cinematographer", "Moth Season"), ("Maren Quist", "cinematographer", "Salt Harbor"),
            ("Dana Whitfield", "casting director", "Moth Season")} <= credits
    # the film of the crew line is the announced one, not the one named a sentence before
    assert ("Dana Whitfield", "casting director", "Copper Velden") not in credits


def test_nicknames_shared_family_names_characters_and_network_titles(extractor):
    text = ("Quilla \"Peg\" Obrecht, actor, dies at 81\n\n"
            "Quilla \"Peg\" Obrecht has died. Her first role came in Orrin Gate (1968), directed by "
            "Tavish Obrecht, a drama about a farm. She married Obrecht two years later. He directed her "
            "again in the drama Moth Season.\n\nTelevision made her a household name. For eleven series she "
            "played Odile Varn, the matriarch of ITV's Pell Water, a role she said she took for one year. "
            "Obrecht was also a teacher, and she appeared in the BBC's The Velden Rooms. She was with "
            "Wendell Haye.[7]")
    record = _record(extractor, text)
    people = {p["name"]: p["aliases"] for p in record["people"]}
    assert record["subject"] == "Quilla Obrecht" and "Peg Obrecht" in people["Quilla Obrecht"]
    assert "Odile Varn" not in people and "Wendell Haye" in people  # a character; a reference mark split off
    assert {"Orrin Gate", "Moth Season", "Pell Water", "The Velden Rooms"} <= {f["title"] for f in record["films"]}
    assert not {"Peg", "Tavish Obrecht"} & {f["title"] for f in record["films"]}
    credits = _credits(record)
    assert {("Tavish Obrecht", "director", "Orrin Gate"), ("Tavish Obrecht", "director", "Moth Season")} <= credits
    assert ("Quilla Obrecht", "actor", "The Velden Rooms") in credits  # "Obrecht" far from Tavish is her
    assert ("Quilla Obrecht", "director", "Moth Season") not in credits  # "he" in a piece about a woman


def test_a_family_names_possessive_an_abbreviated_role_on_a_title_and_the_pronoun_i(extractor):
    text = ("Quilla Marsh often cuts for director Daniel Obrecht. Her first feature as editor was Obrecht's "
            "Orrin Gate (2012), and she edited Cassandra's Kitchen (2014). Before that she was 2nd AD on "
            "Moth Season, a drama. On the series Pell Water I was writing music. It streams on Amazon's "
            "Amazon Prime service.")
    record = _record(extractor, text)
    films = {f["title"] for f in record["films"]}
    assert {"Orrin Gate", "Cassandra's Kitchen", "Moth Season", "Pell Water"} <= films
    assert not {"Obrecht's Orrin Gate", "Pell Water I", "Amazon Prime"} & films
    assert ("Daniel Obrecht", "director", "Orrin Gate") in _credits(record)


def test_roles_stated_for_the_project_in_an_announcement_and_a_list_with_nobody_named(extractor):
    text = ("Sarah Gordon will direct Orrin Gate, a thriller about a farm. Also joining the cast are Quilla "
            "Marsh and Daniel Ruel. Maren Quist and Tom Velden will executive produce. Killer Films has "
            "boarded the project, with Dana Whitfield producing alongside Tom Velden.\n\n"
            "Gordon starred in Moth Season with Tom Velden directing. Notable film scores include Glass "
            "Orrin (1989) and Salt Harbor (1990).")
    credits = _credits(_record(extractor, text))
    assert {("Quilla Marsh", "actor", "Orrin Gate"), ("Daniel Ruel", "actor", "Orrin Gate"),
            ("Maren Quist", "executive producer", "Orrin Gate"), ("Tom Velden", "executive producer", "Orrin Gate"),
            ("Dana Whitfield", "producer", "Orrin Gate"), ("Tom Velden", "director", "Moth Season"),
            ("Sarah Gordon", "composer", "Glass Orrin"), ("Sarah Gordon", "composer", "Salt Harbor")} <= credits
    assert ("Tom Velden", "actor", "Moth Season") not in credits  # "with A directing" is no co-star


def test_a_press_kit_with_a_cast_list_and_a_credit_block_joined_by_dots(extractor):
    text = ("ORRIN GATE\nA film by Quilla Marsh\n\nPRESS NOTES\nWorld Premiere – Berlinale 2025\n\n"
            "CAST\nNuala ........ Maren Quist\nDessie ....... Tom Velden\n\nKEY CREW\n"
            "Producers .......... Dana Whitfield, Sarah Gordon\nProduction Designer ... Bríd Ní Fhlatharta\n"
            "Casting ..... Ilvana Maretsku\nEditor\tDaniel Ruel")
    record = _record(extractor, text)
    assert {f["title"] for f in record["films"]} == {"ORRIN GATE"}  # "PRESS NOTES", "KEY CREW" are sections
    assert "Bríd Ní Fhlatharta" in {p["name"] for p in record["people"]}
    assert {("Quilla Marsh", "director", "ORRIN GATE"), ("Maren Quist", "actor", "ORRIN GATE"),
            ("Tom Velden", "actor", "ORRIN GATE"), ("Dana Whitfield", "producer", "ORRIN GATE"),
            ("Sarah Gordon", "producer", "ORRIN GATE"), ("Bríd Ní Fhlatharta", "production designer", "ORRIN GATE"),
            ("Ilvana Maretsku", "casting director", "ORRIN GATE"),
            ("Daniel Ruel", "editor", "ORRIN GATE")} <= _credits(record)


def test_semicolon_lists_with_relative_clauses_and_trade_press_verbs(extractor):
    text = ("Maren Quist is a cinematographer. Since then her credits have included “Glass Orrin” (2018; dir. "
            "Tom Velden), which earned her a nomination; “Salt Harbor” (2019), which she also co-produced; and, "
            "most recently, “Moth Season” (2024).\n\n"
            "Quilla Marsh is reteaming with Daniel Ruel, who shot her debut “Velden Rooms”. Marsh broke out in "
            "“Orrin Gate” and was most recently seen in “Pell Creek.” Dana Whitfield is line producing.")
    credits = _credits(_record(extractor, text))
    assert {("Maren Quist", "cinematographer", "Glass Orrin"), ("Maren Quist", "cinematographer", "Salt Harbor"),
            ("Maren Quist", "cinematographer", "Moth Season"), ("Maren Quist", "co-producer", "Salt Harbor"),
            ("Tom Velden", "director", "Glass Orrin"), ("Daniel Ruel", "cinematographer", "Velden Rooms"),
            ("Quilla Marsh", "actor", "Orrin Gate"), ("Quilla Marsh", "actor", "Pell Creek"),
            ("Dana Whitfield", "line producer", "Pell Creek")} <= credits
    # the relative clause describes only the film right before it
    assert not {("Maren Quist", "co-producer", "Moth Season"), ("Quilla Marsh", "cinematographer", "Velden Rooms")} & credits


def test_a_programme_entry_credits_its_own_title_not_a_film_its_bio_names(extractor):
    text = ("SHORTS BLOCK 2\n\n---\n\nORRIN GATE\nMaren Quist · UK · 2024 · 19 min · English\n"
            "A night on a ferry.\n\nMaren Quist is a director from Fife. Her previous documentary, Moth "
            "Season (2020), was broadcast on BBC Four.\n\n"
            "Producer / Editor: Dana Whitfield  |  Director / Animation: Tom Velden  |  Music: Daniel Ruel\n\n"
            "---\n\nSALT HARBOR (The Salt Harbour)\nGlass Orrin · France · 2023 · 8 min\nA quiet ghost story.")
    credits = _credits(_record(extractor, text))
    assert {("Maren Quist", "director", "ORRIN GATE"), ("Dana Whitfield", "producer", "ORRIN GATE"),
            ("Dana Whitfield", "editor", "ORRIN GATE"), ("Tom Velden", "director", "ORRIN GATE"),
            ("Tom Velden", "animator", "ORRIN GATE"), ("Daniel Ruel", "composer", "ORRIN GATE")} <= credits
    assert not {c for c in credits if c[2] == "Moth Season" and c[0] != "Maren Quist"}


def test_plays_named_after_a_word_of_the_stage_are_no_films(extractor):
    text = ("I did theatre all through high school — “Velden Rooms,” “Glass Orrin” — and then got a BFA in film "
            "production. I still stage-manage a play every year; last spring it was “Salt Harbor” at the Geffen "
            "Playhouse. “Moth Season” premiered at the Egyptian Theatre. After ten years on stage, her screen "
            "debut came in “Orrin Gate”. She was playing Nora in “Pell Creek” at the National Theatre.")
    films = {f["title"] for f in _record(extractor, text)["films"]}
    assert {"Moth Season", "Orrin Gate"} <= films
    assert not {"Velden Rooms", "Glass Orrin", "Salt Harbor", "Pell Creek"} & films


def test_a_shared_family_name_opening_a_line_is_the_main_person_and_with_after_the_verb(extractor):
    text = ("Daniel Obrecht (born 1983) is a composer. He is known for his work with his brother, the director "
            "Tavish Obrecht.\n\nEarly life\nObrecht was born in Ibadan, where he attended Olchfa School.\n\n"
            "Career\n“Low Water,” a documentary about farmworkers that he co-directed with his partner, Quilla Marsh.")
    record = _record(extractor, text)
    assert ("Daniel Obrecht", "Olchfa School") in {(e["person"], e["school"]) for e in record["education"]}
    assert {("Daniel Obrecht", "co-director", "Low Water"), ("Quilla Marsh", "co-director", "Low Water")} <= _credits(record)


def test_a_film_shared_with_a_co_worker_and_a_cast_with_bracketed_credits_who_will_star(extractor):
    text = ("Quilla Marsh is an actor. She starred opposite Daniel Obrecht in Moth Season and later appeared "
            "alongside her mother Maren Quist in Salt Harbor. In 2019 she edited alongside Tom Velden on "
            "Glass Orrin.\n\n"
            "Sarah Gordon will direct “Orrin Gate.” Dana Whitfield (“Pell Water,” “Ash Meadow”) and "
            "Tavish Ruel (“Velden Rooms”) will star.\n\n"
            "She worked with students in Lagos. Photograph by Ilse Varn.")
    record = _record(extractor, text)
    credits = _credits(record)
    assert {("Quilla Marsh", "actor", "Moth Season"), ("Daniel Obrecht", "actor", "Moth Season"),
            ("Quilla Marsh", "actor", "Salt Harbor"), ("Maren Quist", "actor", "Salt Harbor"),
            ("Quilla Marsh", "editor", "Glass Orrin"), ("Tom Velden", "editor", "Glass Orrin"),
            ("Dana Whitfield", "actor", "Orrin Gate"), ("Dana Whitfield", "actor", "Pell Water"),
            ("Tavish Ruel", "actor", "Orrin Gate"), ("Tavish Ruel", "actor", "Velden Rooms")} <= credits
    assert {f["title"] for f in record["films"]} == {"Moth Season", "Salt Harbor", "Glass Orrin", "Orrin Gate",
                                                    "Pell Water", "Ash Meadow", "Velden Rooms"}
    assert not any(c["person"] == "Ilse Varn" for c in record["credits"])  # a photo credit, not a cinematographer


def test_each_degree_goes_to_the_school_it_names_and_a_place_before_born_is_no_name(extractor):
    text = ("Belgrade-born Quilla Marsh is a director. Marsh studied comparative literature at Barnard College "
            "before earning her MFA in Film from Columbia University. Paris-based Daniel Obrecht holds a BA in Theatre Arts from "
            "the University of Ghana and an MA in Directing Fiction from the National Film and Television "
            "School. He admires Wong Kar-wai. Later he earned a master's degree from the Scoring for Motion "
            "Pictures program at the USC Thornton School of Music.")
    record = _record(extractor, text)
    assert {p["name"] for p in record["people"]} == {"Quilla Marsh", "Daniel Obrecht", "Wong Kar-wai"}
    assert {(e["person"], e["school"], e["degree"], e["field"]) for e in record["education"]} == {
        ("Quilla Marsh", "Barnard College", None, "comparative literature"),
        ("Quilla Marsh", "Columbia University", "master", "Film"),
        ("Daniel Obrecht", "University of Ghana", "bachelor", "Theatre Arts"),
        ("Daniel Obrecht", "National Film and Television School", "master", "Directing Fiction"),
        ("Daniel Obrecht", "USC Thornton School of Music", "master", None)}


def test_roles_in_a_filmography_bracket_and_a_title_co_directed_with_someone(extractor):
    text = ("QUILLA MARSH\nOrrin Gate (UK, 19 min.)\n\nQuilla Marsh grew up in Leeds. “Orrin Gate,” co-directed "
            "with Tavish Ruel and produced by Maren Quist, follows two sisters.\n\n"
            "Selected filmography: Moth Season (2019, short, director), Salt Harbor (2023, short, "
            "writer/director), Glass Orrin (2024, cinematographer)")
    credits = _credits(_record(extractor, text))
    assert {("Quilla Marsh", "co-director", "Orrin Gate"), ("Tavish Ruel", "co-director", "Orrin Gate"),
            ("Maren Quist", "producer", "Orrin Gate"), ("Quilla Marsh", "director", "Moth Season"),
            ("Quilla Marsh", "writer", "Salt Harbor"), ("Quilla Marsh", "director", "Salt Harbor"),
            ("Quilla Marsh", "cinematographer", "Glass Orrin")} <= credits


def test_both_after_a_verb_a_fronted_name_as_topic_and_a_pronoun_of_the_other_gender(extractor):
    text = ("Quilla Marsh is a director. She has written and directed two features, “Moth Season” (2018) and "
            "“Salt Harbor” (2023), and Daniel Obrecht has edited both.\n\n"
            "Since then Obrecht has become an editor in his own right. He cut “Glass Orrin.” In 2024, she "
            "directed “Pell Water.” A graduate of Olchfa School, he earned his BS in Physics from Wayland "
            "Poly in 2008.")
    record = _record(extractor, text)
    assert {("Daniel Obrecht", "editor", "Moth Season"), ("Daniel Obrecht", "editor", "Salt Harbor"),
            ("Daniel Obrecht", "editor", "Glass Orrin"), ("Quilla Marsh", "director", "Pell Water")} <= _credits(record)
    assert ("Daniel Obrecht", "director", "Pell Water") not in _credits(record)
    # the BS is from a place that is no known school, so the high school does not get it
    assert {(e["person"], e["school"], e["degree"]) for e in record["education"]} == {
        ("Daniel Obrecht", "Olchfa School", None)}


def test_possessives_with_a_bare_apostrophe_and_whose_and_a_title_opening_with_an_honorific(extractor):
    text = ("Quilla Marsh is a costume designer. She loves Tom Velles’ “Moth Season” and Daniel Obrecht, whose "
            "“Salt Harbor” she calls perfect. Her credits include the short “Mrs. Velden Is Not at Home.” She "
            "also designed the costumes for “Glass Orrin.”")
    record = _record(extractor, text)
    assert {("Tom Velles", "director", "Moth Season"), ("Daniel Obrecht", "director", "Salt Harbor"),
            ("Quilla Marsh", "costume designer", "Mrs. Velden Is Not at Home"),
            ("Quilla Marsh", "costume designer", "Glass Orrin")} <= _credits(record)


def test_a_guest_list_line_with_a_dash_and_a_new_project_is_not_the_last_film(extractor):
    text = ("GUESTS\n- Quilla Marsh - director and producer, “Moth Season”\n"
            "- Daniel Obrecht – director of photography, “Moth Season”\n\n"
            "She loves “Salt Harbor.” What's next: Marsh's new project with co-director Tavish Ruel.")
    credits = _credits(_record(extractor, text))
    assert {("Quilla Marsh", "director", "Moth Season"), ("Quilla Marsh", "producer", "Moth Season"),
            ("Daniel Obrecht", "cinematographer", "Moth Season")} <= credits
    assert not any(c[0] == "Tavish Ruel" and c[2] == "Salt Harbor" for c in credits)


def test_a_first_shot_at_a_role_and_it_after_a_film_in_the_same_sentence(extractor):
    text = ("Meet Quilla Marsh. In 2021 I got my first shot at 1st AD on “Moth Season,” a thriller. My roommate, "
            "Daniel Obrecht, wrote a short called “Salt Harbor,” and I produced it with no money.")
    assert {("Quilla Marsh", "first assistant director", "Moth Season"), ("Daniel Obrecht", "writer", "Salt Harbor"),
            ("Quilla Marsh", "producer", "Salt Harbor")} <= _credits(_record(extractor, text))


def test_a_list_of_characters_each_in_a_title(extractor):
    text = ("Quilla Marsh is an actress known for roles such as Merle Obrecht in Moth Season, Mandy Velden in "
            "Salt Harbor and Mand in Glass Orrin. Daniel Ruel played Maya in Parks and Recreation.")
    record = _record(extractor, text)
    assert {("Quilla Marsh", "actor", "Moth Season"), ("Quilla Marsh", "actor", "Salt Harbor"),
            ("Quilla Marsh", "actor", "Glass Orrin")} <= _credits(record)
    assert {p["name"] for p in record["people"]} == {"Quilla Marsh", "Daniel Ruel"}  # characters are no people
    assert "Parks" not in {f["title"] for f in record["films"]}


def test_two_people_serve_as_executive_producers_and_a_company_defined_by_its_films_is_no_film(extractor):
    text = ("Sarah Gordon to Direct “Orrin Gate”\n\nNeon announced that Sarah Gordon will direct “Orrin Gate.” "
            "Neon's Jeff Velden and Gordon's longtime manager Dana Whitfield will serve as executive "
            "producers.\n\nBlumhouse is a multimedia company producing feature films, television and podcasts.")
    record = _record(extractor, text)
    assert {("Jeff Velden", "executive producer", "Orrin Gate"),
            ("Dana Whitfield", "executive producer", "Orrin Gate")} <= _credits(record)
    assert {f["title"] for f in record["films"]} == {"Orrin Gate"}


def test_a_role_describing_the_name_before_it_and_a_surname_after_an_honorific(extractor):
    text = ("Quilla Marsh is a cinematographer. In Rome she befriended a director, Tavish Ruel. In 1988 she "
            "returned to shoot Mr. Ruel's “Moth Season.” Daniel Obrecht, the director of “Salt Harbor,” "
            "joined. “Glass Orrin” followed. Maren Quist, the director, had written it for her mother. "
            "Tom Velles, the director’s brother, produced it.")
    credits = _credits(_record(extractor, text))
    assert {("Quilla Marsh", "cinematographer", "Moth Season"), ("Tavish Ruel", "director", "Moth Season"),
            ("Daniel Obrecht", "director", "Salt Harbor"), ("Maren Quist", "director", "Glass Orrin")} <= credits
    assert not any(c[0] == "Tom Velles" and c[1] == "director" for c in credits)


def test_a_short_form_of_a_given_name_is_the_same_person(extractor):
    text = ("Maddie Obrecht, 24, wrote “Moth Season.” The bar in Madeline Obrecht's new film is gone. "
            "Obrecht, who goes by Maddie, grew up here. Walter J. Velles was her teacher; Walt Velles retired.")
    people = {p["name"]: set(p["aliases"]) for p in _record(extractor, text)["people"]}
    assert {"Maddie Obrecht", "Maddie"} <= people["Madeline Obrecht"]
    assert "Walt Velles" in people["Walter J. Velles"]
    assert len(people) == 2


def test_a_festival_page_with_credit_lines_under_headings_and_filmography_lines(extractor):
    text = ("MOTH SEASON\nUSA | 2024 | 19 min | Director: Quilla Marsh\nTwo sisters take a boat.\n\n"
            "SALT HARBOR\nCanada | 2024 | 22 min | Director: Daniel Obrecht\nA boy learns a secret.\n\n"
            "Quilla Marsh grew up in Detroit.\nFilmography: Moth Season (2024, short); Glass Orrin (2022, short)\n\n"
            "Daniel Obrecht is a writer and director.\nFilmography (as editor): Pell Water (2018, feature)")
    record = _record(extractor, text)
    # a title written in capitals and in title case is listed in title case
    assert {("Quilla Marsh", "director", "Moth Season"), ("Daniel Obrecht", "director", "SALT HARBOR"),
            ("Quilla Marsh", "director", "Glass Orrin"),
            ("Daniel Obrecht", "editor", "Pell Water")} <= _credits(record)
    assert not any(f["title"].startswith("Filmography") for f in record["films"])


def test_a_possessive_after_was_names_whose_assistant_and_a_semicolon_ends_a_verb_object(extractor):
    text = ("Quilla Marsh To Star In Tom Velles's Comedy; Studio Orders Thriller “Salt Harbor” From Maren Quist\n\n"
            "Daniel Obrecht was an AD. Many came up under him, including Tavish Ruel, who was his second AD "
            "on “Glass Orrin.”")
    credits = _credits(_record(extractor, text))
    assert ("Tavish Ruel", "second assistant director", "Glass Orrin") in credits
    assert not any(c[0] == "Daniel Obrecht" and c[2] == "Glass Orrin" for c in credits)
    assert ("Quilla Marsh", "actor", "Salt Harbor") not in credits


def test_an_announced_cast_a_directorial_debut_and_people_set_to_star(extractor):
    text = ("Quilla Marsh (Moth Season) has been set to lead The Orrin Gate, the feature directorial debut of "
            "playwright Maren Quist. Rounding out the cast are Tom Velles (Pell Water) as the star and Daniel "
            "Obrecht as the stage manager.\n\nMeanwhile, a studio has ordered Salt Harbor, a thriller. Tavish "
            "Ruel and Nadia Farrow are set to star. This spring Ruel turns up as a priest in “Glass Orrin,” "
            "and Farrow was a regular on “Night Meadow.”")
    credits = _credits(_record(extractor, text))
    assert {("Maren Quist", "director", "The Orrin Gate"), ("Tom Velles", "actor", "The Orrin Gate"),
            ("Daniel Obrecht", "actor", "The Orrin Gate"), ("Tavish Ruel", "actor", "Salt Harbor"),
            ("Nadia Farrow", "actor", "Salt Harbor"), ("Tavish Ruel", "actor", "Glass Orrin"),
            ("Nadia Farrow", "actor", "Night Meadow")} <= credits


def test_an_alumni_page_gives_its_school_to_class_years_and_degrees_named_without_a_school(extractor):
    text = ("Olchfa College News\nHome / News / Alumni\n\nWhen Quilla Marsh '06 walked into her first writers' "
            "room, she knew. Marsh, who graduated with a B.S. in Television-Radio, is now a producer. \"It is "
            "great,\" said cinematographer Daniel Obrecht, who graduated in 2011 with a degree in cinema. "
            "Tavish Ruel '09 edits documentaries. They are Olchfa College graduates.")
    education = {(e["person"], e["school"], e["degree"], e["field"]) for e in _record(extractor, text)["education"]}
    assert education == {("Quilla Marsh", "Olchfa College", "bachelor", "Television-Radio"),
                         ("Daniel Obrecht", "Olchfa College", None, "cinema"),
                         ("Tavish Ruel", "Olchfa College", None, None)}


def test_a_number_before_a_hyphen_is_no_pronoun_and_went_to_a_school_is_schooling(extractor):
    text = ("Meet Quilla Marsh.\nHi Quilla, thanks for sharing your story with us.\nI went up to Olchfa "
            "University thinking I'd be a reporter. After graduation I took the one-year certificate program "
            "at Wayland Community College at night.")
    education = {(e["person"], e["school"]) for e in _record(extractor, text)["education"]}
    assert education == {("Quilla Marsh", "Olchfa University"), ("Quilla Marsh", "Wayland Community College")}


def test_a_short_form_of_a_title_and_a_part_played_in_the_film_talked_about(extractor):
    text = ("Quilla Marsh wrote and directed “Moth Season at the Orrin Gate.” The film follows a bartender. "
            "Veteran actor Tom Velles plays the bartender. Daniel Obrecht produced “Moth Season” with her. "
            "At the wedding a local band plays a cover of “Evening Train.”")
    record = _record(extractor, text)
    films = {f["title"]: f["aliases"] for f in record["films"]}
    assert films == {"Moth Season at the Orrin Gate": ["Moth Season"]}
    credits = _credits(record)
    assert {("Tom Velles", "actor", "Moth Season at the Orrin Gate"),
            ("Daniel Obrecht", "producer", "Moth Season at the Orrin Gate")} <= credits
    assert ("Quilla Marsh", "actor", "Moth Season at the Orrin Gate") not in credits


def test_a_role_under_someone_on_a_film_and_designed_in_the_designers_own_role(extractor):
    text = ("Quilla Marsh is a production designer. She worked as an art director under veteran production "
            "designer Tom Velles on the HBO limited series “Moth Season” and on the feature “Salt Harbor.” "
            "Since then she has designed “Glass Orrin” (2021).")
    assert {("Quilla Marsh", "art director", "Moth Season"), ("Quilla Marsh", "art director", "Salt Harbor"),
            ("Tom Velles", "production designer", "Moth Season"),
            ("Quilla Marsh", "production designer", "Glass Orrin")} <= _credits(_record(extractor, text))


def test_a_master_class_is_no_degree_on_an_alumni_page(extractor):
    text = ("Olchfa College News\nHome / News / Alumni\n\nQuilla Marsh, a 2014 graduate, holds a BFA from Olchfa "
            "College with a concentration in producing. This fall she returned to lead a master class for "
            "fourth-year students.")
    education = {(e["person"], e["school"], e["degree"]) for e in _record(extractor, text)["education"]}
    assert education == {("Quilla Marsh", "Olchfa College", "bachelor")}


def test_names_with_a_suffix_a_middle_month_and_initials_and_a_biographys_shared_family_name(extractor):
    text = ("Daniel August Ruel (22 August 1901 – 3 May 1970) was a Scottish director. Daniel Ruel was born in "
            "Oban. His grandfather was the painter Tavish Ruel. Ruel attended Olchfa College. Quilla Marsh Jr. "
            "and Quilla Marsh Sr. worked with him. Tom H. Velles and Tom Haskell Velles are one man.")
    record = _record(extractor, text)
    people = {p["name"]: set(p["aliases"]) for p in record["people"]}
    assert "Daniel Ruel" in people["Daniel August Ruel"]
    assert {"Quilla Marsh Jr.", "Quilla Marsh Sr", "Tavish Ruel"} <= set(people)
    assert "Tom H. Velles" in people["Tom Haskell Velles"]
    assert {(e["person"], e["school"]) for e in record["education"]} == {("Daniel August Ruel", "Olchfa College")}


def test_quoted_calls_quotations_and_the_other_mentions_of_an_album_are_no_films(extractor):
    text = ("PELL WATER, Producer\nPell Water is a Tampa-based producer whose films include “Moth Season.” "
            "On set she is all yelling “Rolling!” and “Cut!” all day. Asked for a title, she said, “Boats.” "
            "Her album, “Glass Orrin,” came out in May; “Glass Orrin” is on Bandcamp. Her book on "
            "the history of sound, “Salt Harbor,” was published in 2021. After “Tin Harbour” he said, “Good.”\n\n"
            "Search\n\nFOR IMMEDIATE RELEASE\nAugust 12, 2025\n\nCOMMENTS (2)\n\nDaniel Obrecht · June 4, 2025\n")
    films = {f["title"] for f in _record(extractor, text)["films"]}
    assert films == {"Moth Season", "Tin Harbour"}


def test_own_works_a_relative_aside_a_boss_after_to_and_a_school_named_with_its_university(extractor):
    text = ("Quilla Marsh, 38, is a director. Her debut feature, “Moth Season,” premiered in 2019. Her second, "
            "“Salt Harbor,” won a prize. Her next project is “Glass Orrin.” The cinematographer Tom Velles, whom "
            "she met in Oban, shot both “Moth Season” and “Salt Harbor.” Daniel Obrecht's first job was as "
            "assistant editor to Maren Quist on “Pell Water.” Obrecht went on to design the costumes for “Tin Harbour.”\n\n"
            "Quilla Marsh holds an MFA from New York University’s Tisch School of the Arts; New York University "
            "gave her a prize.")
    record = _record(extractor, text)
    credits = _credits(record)
    assert {("Quilla Marsh", "director", "Moth Season"), ("Quilla Marsh", "director", "Salt Harbor"),
            ("Quilla Marsh", "director", "Glass Orrin"), ("Tom Velles", "cinematographer", "Moth Season"),
            ("Tom Velles", "cinematographer", "Salt Harbor"), ("Daniel Obrecht", "assistant editor", "Pell Water"),
            ("Daniel Obrecht", "costume designer", "Tin Harbour")} <= credits
    assert not any(c[0] == "Quilla Marsh" and c[1] == "cinematographer" for c in credits)
    assert [{s["name"], *s["aliases"]} >= {"Tisch School of the Arts", "New York University"}
            for s in record["schools"]] == [True]


def test_an_age_between_a_name_and_the_role_describing_it_and_more_crew_roles(extractor):
    text = ("Quilla Marsh runs a casting office. “We joke about it,” said Quilla, 41, a casting director whose "
            "credits include the drama Moth Season. Her first job was as a casting assistant on the series Pell Water.")
    assert {("Quilla Marsh", "casting director", "Moth Season"),
            ("Quilla Marsh", "casting assistant", "Pell Water")} <= _credits(_record(extractor, text))


def test_headline_verbs_played_records_essay_documentaries_and_filmography_lines(extractor):
    text = ("Quilla Marsh Steps Up to Producer on ‘Moth Season’\n\nQuilla Marsh is an editor. At the wrap party "
            "she played Tavish Obrecht’s “Glass Orrin” twice. Her latest, “Pell Water,” an essay documentary "
            "about rivers, premiered in May.\n\nSelected filmography:\n2025 — Tin Harbour (editor)\n"
            "2021 — The Velden Rooms (short; additional editor)\nAsh Meadow, 2019\n\nComments\n")
    record = _record(extractor, text)
    assert "Quilla Marsh" in {p["name"] for p in record["people"]}
    credits = _credits(record)
    assert {("Quilla Marsh", "editor", "Tin Harbour"), ("Quilla Marsh", "additional editor", "The Velden Rooms"),
            ("Quilla Marsh", "editor", "Ash Meadow")} <= credits
    assert not any(c[2] == "Glass Orrin" for c in credits)
    assert {"Pell Water", "Tin Harbour", "The Velden Rooms", "Ash Meadow"} <= {f["title"] for f in record["films"]}


def test_answers_keep_the_subject_and_credits_as_a_role_find_their_film(extractor):
    text = ("Artist Spotlight: Stunt Coordinator and Second Unit Director Quilla Marsh\n\n"
            "Quilla Marsh is an editor from Cluj. Her first credit as a second unit director came in 2019 "
            "with “Tin Harbour,” a drama, shot by Halvard Ventris. She cut the pilot of “Moth Season,” created "
            "by Tavish Obrecht, and Ventris served as producer on “Ash Meadow.”\n\n"
            "What did Ilvana teach you?\n"
            "Ilvana Maretsku cuts on paper first, and she taught me patience.\n\n"
            "Selected filmography:\n2025 — Pell Water (editor)\n\n"
            "Related Posts\nArtist Spotlight: Costume Designer Daniel Obrecht\n")
    record = _record(extractor, text)
    assert record["subject"] == "Quilla Marsh"
    credits = _credits(record)
    assert {("Quilla Marsh", "second unit director", "Tin Harbour"), ("Tavish Obrecht", "creator", "Moth Season"),
            ("Halvard Ventris", "producer", "Ash Meadow"), ("Quilla Marsh", "editor", "Pell Water")} <= credits
    assert not any(c[0] == "Ilvana Maretsku" or c[:2] == ("Halvard Ventris", "creator") for c in credits)


def test_cast_columns_speaker_labels_and_a_directors_new_feature(extractor):
    text = ("Daniel Obrecht’s new feature, “Pell Water,” stars Quilla Marsh and Halvard Ventris.\n\n"
            "Sam: And Orrinvale is a very different film.\n\n"
            "CAST\nQuilla Marsh ............ Maggie Doyle\nHalvard Ventris ........ Cal Doyle\n"
            "Maria Maretsku ........... Aunt Teresa\n\nKEY CREW\nEditor: Priya Ventris\n")
    record = _record(extractor, text)
    credits = _credits(record)
    assert {("Daniel Obrecht", "director", "Pell Water"), ("Quilla Marsh", "actor", "Pell Water"),
            ("Maria Maretsku", "actor", "Orrinvale")} <= credits
    assert not any(c[0] in {"Maggie Doyle", "Cal Doyle"} for c in credits)
    assert "Orrinvale" in {f["title"] for f in record["films"]}


def test_a_role_on_that_and_a_debut_after_other_words(extractor):
    text = ("Quilla Marsh is a director from Cluj. Halvard Ventris brought me onto “Tin Harbour,” a thriller "
            "he produced, and I was the 1st AD on that. She worked as a script reader before her debut feature, "
            "“Moth Season,” premiered in Berlin.")
    credits = _credits(_record(extractor, text))
    assert {("Quilla Marsh", "first assistant director", "Tin Harbour"),
            ("Quilla Marsh", "director", "Moth Season")} <= credits


def test_a_programme_page_with_capital_family_names_and_a_byline(extractor):
    text = ("SHORTS PROGRAMME\n\nFive Questions for Quilla Marsh\nPosted by Maria Maretsku · March 3, 2025\n\n"
            "Quilla Marsh runs the programme. Halvard Ventris, her editor, joined in May.\n\n"
            "PELL WATER\nDir. KIM Seo-yeon | South Korea | 18 min\n"
            "KIM Seo-yeon is a writer-director based in Seoul.\n\n"
            "ASH MEADOW\nDir. Daniel Obrecht | USA | 22 min\n"
            "Born in Valparaíso and raised in Queens, Daniel Obrecht studied film in New York. "
            "He wrote and directed Ash Meadow.\n")
    record = _record(extractor, text)
    assert record["subject"] == "Quilla Marsh"
    assert "Five Questions for Quilla Marsh" not in {f["title"] for f in record["films"]}
    assert "KIM Seo-yeon" in {p["name"] for p in record["people"]}
    assert {("KIM Seo-yeon", "director", "PELL WATER"), ("Daniel Obrecht", "director", "Ash Meadow"),
            ("Daniel Obrecht", "writer", "Ash Meadow")} <= _credits(record)


def test_a_filmography_without_a_colon_and_its_characters(extractor):
    text = ("Halvard Ventris, an actor who became a director, has died at 83.\n\n"
            "Selected filmography\n1968 – Breakers (actor, “Eddie Malone”)\n1975 – Company (actor)\n"
            "1994–1997 – Crossing Guard (TV series; actor, “Gus”)\n2003 – Leaves (director)\n")
    record = _record(extractor, text)
    assert {f["title"] for f in record["films"]} == {"Breakers", "Company", "Crossing Guard", "Leaves"}
    assert {p["name"] for p in record["people"]} == {"Halvard Ventris"}
    assert {("Halvard Ventris", "actor", "Breakers"), ("Halvard Ventris", "actor", "Crossing Guard"),
            ("Halvard Ventris", "director", "Leaves")} <= _credits(record)


def test_a_role_on_a_film_then_the_name_and_a_co_editor(extractor):
    text = ("Quilla Marsh is a 1st AD. I was 2nd AD on Northbound. The 1st AD on Northbound, Halvard Ventris, "
            "taught me the job. The UPM on that show, Maria Maretsku, was the other half of my education. "
            "I also cut “Night Shift,” which I co-edited with Daniel Obrecht.\n\n"
            "On “The Salt Orchard,” the director, Priya Ventris, wanted the house to feel old.")
    credits = _credits(_record(extractor, text))
    assert {("Halvard Ventris", "first assistant director", "Northbound"),
            ("Maria Maretsku", "unit production manager", "Northbound"),
            ("Daniel Obrecht", "editor", "Night Shift"), ("Priya Ventris", "director", "The Salt Orchard")} <= credits


def test_fields_listed_with_commas_or_and_and_degrees_spelled_out(extractor):
    text = ("Quilla Marsh graduated from the University of Michigan in 2008 with a degree in Film, Television, "
            "and Media, and later moved to Boston. She did her MFA in film and television at NYU. "
            "Halvard Ventris earned a Bachelor of Music in composition from Yale University. "
            "Ventris studied sound and worked as a mixer at Emerson College.")
    education = {(e["person"], e["school"], e["degree"], e["field"]) for e in _record(extractor, text)["education"]}
    assert {("Quilla Marsh", "University of Michigan", None, "Film, Television, and Media"),
            ("Quilla Marsh", "NYU", "master", "film and television"),
            ("Halvard Ventris", "Yale University", "bachelor", "composition"),
            ("Halvard Ventris", "Emerson College", None, "sound")} <= education


def test_a_partner_named_with_a_role_and_a_film_a_relative_clause_hangs_on(extractor):
    text = ("Quilla Marsh is co-producing the series “Ninth Floor,” with Halvard Ventris as showrunner. "
            "Her credits include “Tin Harbour” (2016) and the series “Glasswork,” on which she was an executive "
            "producer. She met Daniel Obrecht on “Moth Season” (2019), for which Maria Maretsku was the first "
            "assistant director. She also shot “Low Tide,” whose editor, Priya Ventris, cut it in a month.")
    credits = _credits(_record(extractor, text))
    assert {("Quilla Marsh", "co-producer", "Ninth Floor"), ("Halvard Ventris", "showrunner", "Ninth Floor"),
            ("Quilla Marsh", "executive producer", "Glasswork"),
            ("Maria Maretsku", "first assistant director", "Moth Season"),
            ("Priya Ventris", "editor", "Low Tide")} <= credits
    # the showrunner shares no producing credit, and "producing" inside "co-producing" is no role of its own
    assert not {c for c in credits if c[0] == "Halvard Ventris" and c[1] != "showrunner"}
    assert ("Quilla Marsh", "producer", None) not in credits


def test_a_studio_job_title_is_not_a_director_credit(extractor):
    text = ("Blumhouse has hired Quilla Marsh as director of development. Marsh comes from Lionsgate, where as a "
            "development executive she worked on the thriller “Vesper Street” (2022).")
    credits = _credits(_record(extractor, text))
    assert {c[1] for c in credits if c[2] == "Vesper Street"} <= {"development executive", "director of development"}
    assert {c[2] for c in credits} == {"Vesper Street", None}
    assert not {c for c in credits if c[1] == "director"}


def test_labelled_answers_in_an_interview_with_two_people(extractor):
    text = ("Meet the Filmmakers: Quilla Marsh and Halvard Ventris\n\n"
            "How did you start?\n\n"
            "QM: I directed “Tin Harbour” in 2019.\n\n"
            "HV: I did my undergraduate degree in cinematography at the Łódź Film School. "
            "Then I shot “Moth Season.”\n\n"
            "What is next?\n\n"
            "Quilla: My next film is “Low Tide.”")
    record = _record(extractor, text)
    credits = _credits(record)
    assert {("Quilla Marsh", "director", "Tin Harbour"), ("Halvard Ventris", "cinematographer", "Moth Season")} \
        <= credits
    assert not {c for c in credits if c[0] == "Quilla Marsh" and c[2] == "Moth Season"}
    assert [(e["person"], e["school"]) for e in record["education"]] == [("Halvard Ventris", "Łódź Film School")]


def test_the_pair_is_the_two_people_named_before(extractor):
    text = ("Producers Quilla Marsh and Halvard Ventris have signed with CAA. The pair, who met in London in 2009, "
            "produced “Paper Lanterns” (2018) and “Moth Season” (2021). Daniel Obrecht directed "
            "“Low Tide”. The two met at NYU.")
    credits = _credits(_record(extractor, text))
    pair, films = ("Quilla Marsh", "Halvard Ventris"), ("Paper Lanterns", "Moth Season")
    assert {(p, "producer", f) for p in pair for f in films} <= credits
    assert not {c for c in credits if c[0] == "Daniel Obrecht" and c[1] == "producer"}
    assert ("Daniel Obrecht", "director", "Low Tide") in credits


def test_the_i_of_a_signed_tribute_is_its_author_unless_quoted_or_answering(extractor):
    tribute = ("In Memoriam: Quilla Marsh\n\nBy Halvard Ventris\n\n"
               "Quilla Marsh shot “Moth Season” for the director Daniel Obrecht. "
               "I was her camera operator on “Low Tide.” She told me, “I directed one film, “Paper Lanterns.””")
    credits = _credits(_record(extractor, tribute))
    assert ("Halvard Ventris", "camera operator", "Low Tide") in credits
    assert not {c for c in credits if c[0] == "Quilla Marsh" and c[1] == "camera operator"}
    interview = ("Life & Work with Quilla Marsh\n\nBy Halvard Ventris\n\nWhat was your first job?\n\n"
                 "I was the camera operator on “Low Tide.”")
    credits = _credits(_record(extractor, interview))
    assert ("Quilla Marsh", "camera operator", "Low Tide") in credits
    assert not {c for c in credits if c[0] == "Halvard Ventris"}


def test_a_credit_list_under_a_line_ending_in_include(extractor):
    text = ("Quilla Marsh, a producer of small-town dramas, died on Tuesday. Over two decades she found "
            "directors in unlikely places. Her producing credits include:\n\nDry Velden (1988)\n"
            "Red Orrin, Blue Moth (1996)\n\nShe was also a co-producer of the drama Tin Harbour (1997) and an "
            "executive producer of Ash Meadow (2007) and Low Tide Road (2010).")
    credits = _credits(_record(extractor, text))
    films = ("Dry Velden", "Red Orrin, Blue Moth")
    assert {("Quilla Marsh", "producer", f) for f in films} <= credits
    assert ("Quilla Marsh", "co-producer", "Tin Harbour") in credits
    assert {("Quilla Marsh", "executive producer", f) for f in ("Ash Meadow", "Low Tide Road")} <= credits


def test_a_birth_name_is_the_subject_not_another_person(extractor):
    text = ("Maria Orrin Marsh, a producer, died on Tuesday. Born Maria Jane Ventris in Dayton, Marsh was the "
            "daughter of a teacher. Her producing credits include “Dry Velden” (1988).")
    record = _record(extractor, text)
    assert [p["name"] for p in record["people"]] == ["Maria Orrin Marsh"]
    assert "Maria Jane Ventris" in record["people"][0]["aliases"]
    assert ("Maria Orrin Marsh", "producer", "Dry Velden") in _credits(record)


def test_a_crew_feature_credits_its_film_past_a_relative_clause(extractor):
    text = ("BEHIND THE SCENES\nHow the Crew of “The Pell Water” Made a Film in the Dark\n\n"
            "“The Pell Water,” the third feature from director Quilla Marsh, is set on an island. "
            "The film premieres next month.\n\n"
            "Cinematographer Halvard Ventris, who also shot Marsh’s debut “Moth Season,” chose old lenses. "
            "First AD Daniel Obrecht, who has worked with Marsh since her second feature, “Tin Harbour,” "
            "planned the storm. Costume designer Maria Maretsku, who worked with Marsh on “Low Tide,” "
            "is also aboard “Ash Meadow.”")
    credits = _credits(_record(extractor, text))
    assert ("Halvard Ventris", "cinematographer", "The Pell Water") in credits
    assert ("Halvard Ventris", "cinematographer", "Moth Season") in credits
    assert ("Quilla Marsh", "director", "Moth Season") in credits
    assert ("Daniel Obrecht", "first assistant director", "The Pell Water") in credits
    assert ("Maria Maretsku", "costume designer", "Ash Meadow") in credits


def test_programme_entries_name_director_and_film_across_a_dash(extractor):
    text = ("MEET THE DIRECTORS\n\nQuilla Marsh — The Weight of Velden\nUK, 2024, 16 min, English with subtitles\n"
            "Quilla Marsh graduated from the National Film and Television School in 2022. The Weight of Velden, "
            "which she wrote and directed, follows a swimming coach. It was produced by Halvard Ventris.\n\n"
            "Daniel Obrecht — Mañana, Quizás\nColombia, 2024, 12 min, Spanish with English subtitles\n"
            "Daniel Obrecht received his BFA from Florida State University’s College of Motion Picture Arts. "
            "His thesis film, Orrin Gate, premiered at Slamdance. In Mañana, Quizás, which he directed, a "
            "ticket seller waits.")
    record = _record(extractor, text)
    credits = _credits(record)
    assert {("Quilla Marsh", r, "The Weight of Velden") for r in ("writer", "director")} <= credits
    assert ("Halvard Ventris", "producer", "The Weight of Velden") in credits
    assert ("Daniel Obrecht", "director", "Mañana, Quizás") in credits
    assert {f["title"] for f in record["films"]} == {"The Weight of Velden", "Mañana, Quizás", "Orrin Gate"}
    assert [e["school"] for e in record["education"] if e["person"] == "Daniel Obrecht"] \
        == ["College of Motion Picture Arts"]


def test_unquoted_titles_after_a_role_a_genre_or_a_series_cue(extractor):
    text = ("Artist Spotlight: Editor Quilla Marsh\nMarsh’s latest project as editor, Paper Velden, premiered "
            "at Sundance. Since then Marsh has edited three episodes of the drama series Dust and Daughters. "
            "Marsh is now cutting Wolf Season, a thriller directed by Halvard Ventris. Daniel Obrecht, best "
            "known for his turns in “Cold Orrin” and “Moth Glass,” wears a faded Fred Perry polo.")
    record = _record(extractor, text)
    credits = _credits(record)
    assert {("Quilla Marsh", "editor", f) for f in ("Paper Velden", "Dust and Daughters")} <= credits
    assert ("Quilla Marsh", "director", "Paper Velden") not in credits
    assert ("Halvard Ventris", "director", "Wolf Season") in credits
    assert {("Daniel Obrecht", "actor", f) for f in ("Cold Orrin", "Moth Glass")} <= credits
    assert "Fred Perry" not in {p["name"] for p in record["people"]}


def test_a_title_with_a_comma_stays_whole_where_it_is_repeated_and_a_whose_score_is_a_composer_credit(extractor):
    text = ("Her producing credits include:\n\nDry Velden (1988)\nRed Orrin, Blue Sky (1996)\n\n"
            "Halvard Ventris shot Dry Velden and Red Orrin, Blue Sky, and he lit every set. Composer Quilla Marsh, "
            "whose score for “Moth Glass” was shortlisted, wrote the music. Daniel Obrecht listens to Quilla "
            "Marsh’s score for “Cold Orrin” every month.")
    record = _record(extractor, text)
    credits = _credits(record)
    assert {("Halvard Ventris", "cinematographer", f) for f in ("Dry Velden", "Red Orrin, Blue Sky")} <= credits
    assert {f["title"] for f in record["films"]} == {"Dry Velden", "Red Orrin, Blue Sky", "Moth Glass", "Cold Orrin"}
    assert ("Quilla Marsh", "composer", "Moth Glass") in credits
    assert ("Daniel Obrecht", "composer", "Cold Orrin") not in credits


def test_school_names_with_hyphens_their_own_and_two_particles_or_lower_case_adjectives(extractor):
    text = ("Quilla Marsh trained at the Escola Superior de Teatro e Cinema in Lisbon. Daniel Obrecht studied "
            "architecture at the École nationale supérieure des Beaux-Arts before film. Halvard Ventris studied at "
            "Aix-Velden University and the Universidade Federal do Rio Orrin do Sul. Maria Maretsku went to the "
            "Escola Superior de Velden e mais tarde.")
    record = _record(extractor, text)
    assert {(e["person"], e["school"]) for e in record["education"]} == {
        ("Quilla Marsh", "Escola Superior de Teatro e Cinema"),
        ("Daniel Obrecht", "École nationale supérieure des Beaux-Arts"),
        ("Halvard Ventris", "Aix-Velden University"), ("Halvard Ventris", "Universidade Federal do Rio Orrin do Sul"),
        ("Maria Maretsku", "Escola Superior de Velden")}


def test_sound_crew_roles_outside_the_canonical_list(extractor):
    record = _record(extractor, "Meet Quilla Marsh\n\nMarsh was supervising sound editor on the docuseries "
                                "“Rust Velden” for HBO. Daniel Obrecht was the boom op on “Cold Orrin.”")
    assert {("Quilla Marsh", "supervising sound editor", "Rust Velden"),
            ("Daniel Obrecht", "boom operator", "Cold Orrin")} <= _credits(record)


def test_an_unquoted_title_ending_a_quoted_list_and_a_quotation_is_no_title(extractor):
    text = ("Meet Quilla Marsh\n\nQuilla Marsh edited the documentaries “Harbor Velden” and A Map of Small "
            "Orrins, and has worked as producer for films such as “Ash Orrin,” “Common Velden” and Half Orrin. "
            "She loved “Cold Orrin” and Tom Hanks. She watched “Dry Orrin” and Netflix.\n\n"
            "“Easier,” says Halvard.\n\n“Harder,” Quilla Marsh said.")
    record = _record(extractor, text)
    assert {f["title"] for f in record["films"]} == {"Harbor Velden", "A Map of Small Orrins", "Ash Orrin",
                                                      "Common Velden", "Half Orrin", "Cold Orrin", "Dry Orrin"}
    assert {("Quilla Marsh", "editor", "A Map of Small Orrins"), ("Quilla Marsh", "producer", "Half Orrin")} \
        <= _credits(record)


def test_a_hyphenated_role_a_hyphenated_description_and_a_role_stated_again(extractor):
    text = ("Meet Quilla Marsh\n\nWriter-director Halvard Ventris made his feature debut with Dry Velden, which won "
            "at Sundance. Marsh's first feature as producer was Lowlands, a low-budget thriller directed by Daniel "
            "Obrecht. We just wrapped our second feature, Second Orrin. Daniel directed again, I’m producing, and "
            "we cut it now. Composer Ilke Varnstad (“Cold Orrin”) will score the film. Varnstad recorded the score "
            "early. He can next be seen in the series “Salt Velden.”")
    record = _record(extractor, text)
    credits = _credits(record)
    assert {("Halvard Ventris", "writer", "Dry Velden"), ("Halvard Ventris", "director", "Dry Velden"),
            ("Daniel Obrecht", "director", "Lowlands"), ("Quilla Marsh", "producer", "Lowlands"),
            ("Daniel Obrecht", "director", "Second Orrin"), ("Quilla Marsh", "producer", "Second Orrin"),
            ("Ilke Varnstad", "composer", "Cold Orrin")} <= credits
    assert "Ilke Varnstad" in {p["name"] for p in record["people"]}


def test_places_and_adjectives_are_no_titles_and_two_schools_stay_two(extractor):
    text = ("Meet Quilla Marsh\n\nMarsh is a graduate of the University of Velden and of Cambridge. She was "
            "visiting professor at Orrin (2007), Oxford (2009-2014), Harvard (2011) and Tulane (2012), as well as "
            "a fellow of the Institute for Advanced Study. She is known for her appearances in British war "
            "films. The poster features Cuban photographer Daniel Obrecht.")
    record = _record(extractor, text)
    assert record["films"] == []
    assert {e["school"] for e in record["education"]} == {"University of Velden"}


def test_a_title_named_by_its_credit_or_its_directors_possessive(extractor):
    text = ("Meet Quilla Marsh\n\nProduction designer Quilla Marsh had her breakthrough with nothing. Her "
            "breakthrough came with Harbor, Halvard Ventris’s drama about oyster farmers. She followed it with "
            "Glass Orrin, directed by Daniel Obrecht, and On Velden Season, a 1970s-set drama, she worked with "
            "costume designer Ilke Varnstad. It was a scrapyard in Queens, directed by Obrecht. Directed by Ilke "
            "Varnstad, produced by Halvard Ventris, the film opens. Tomas Velk starred in Ventris’ debut.")
    record = _record(extractor, text)
    assert {f["title"] for f in record["films"]} == {"Harbor", "Glass Orrin", "Velden Season"}
    assert {("Quilla Marsh", "production designer", "Harbor"), ("Halvard Ventris", "director", "Harbor"),
            ("Daniel Obrecht", "director", "Glass Orrin"),
            ("Ilke Varnstad", "costume designer", "Velden Season")} <= _credits(record)


def test_a_bio_header_line_holds_its_person_through_the_next_paragraphs(extractor):
    text = ("Where Are They Now?\n\nPhoto: Tomas Velk\n\n"
            "Quilla Marsh, BA in Film Studies, 2009\nMarsh came to Velden to write. She cut trailers.\n\n"
            "Her first credit as editor was “Orrin Street.”\n\n"
            "Halvard Ventris, MFA in Production, 2014\nVentris grew up in Orrin. He shot shorts.\n\n"
            "After graduation he landed his first feature as director of photography: “Coyote Velden.”")
    credits = _credits(_record(extractor, text))
    assert {("Quilla Marsh", "editor", "Orrin Street"),
            ("Halvard Ventris", "cinematographer", "Coyote Velden")} <= credits
    assert not {c for c in credits if c[0] in {"Tomas Velk", "SUBJECT"}}


def test_a_headline_below_a_kicker_names_the_subject_and_a_capitals_label_the_speaker(extractor):
    text = ("IN CONVERSATION\nQuilla Marsh on Building Worlds Out of Room Tone\n\n"
            "Sound designer Quilla Marsh made the wingbeats in Halvard Ventris’s “Orrin Night.” Halvard Ventris "
            "calls her often. Ventris says so.\n\n"
            "Q: Who were your influences?\nMARSH: Halvard, really. I edited “Velden Hours” for Halvard Ventris.")
    record = _record(extractor, text)
    assert record["subject"] == "Quilla Marsh"
    assert ("Quilla Marsh", "editor", "Velden Hours") in _credits(record)


def test_characters_and_their_titles_after_an_aside_that_leads_to_examples(extractor):
    text = ("Quilla Marsh is an English actress. She is known for various roles in a long television career "
            "including Merle Orrin in Velden Street, Mandy Velk in Orrin Heights and Mand in Grease Coyotes. "
            "She is often known for playing glamorous characters such as Anne-Marie in Harbor Lanes and loveable "
            "characters such as nurse Sarah in Quiet Orrin and Lisa Ventris in The Velden Adventures for the BBC.")
    record = _record(extractor, text)
    films = {"Velden Street", "Orrin Heights", "Grease Coyotes", "Harbor Lanes", "Quiet Orrin",
             "The Velden Adventures"}
    assert {f["title"] for f in record["films"]} == films
    assert {("Quilla Marsh", "actor", f) for f in films} <= _credits(record)
    assert not {p["name"] for p in record["people"]} & {"Merle Orrin", "Anne-Marie", "Lisa Ventris"}


def test_a_question_title_defines_a_film_and_its_screenplay_credits_it(extractor):
    text = ("Quilla Marsh is an actress. Who Killed Orrin, Didn't They? is a 1969 American drama film directed "
            "by Halvard Ventris. The screenplay was written by Tomas Velk and Daniel Obrecht.")
    record = _record(extractor, text)
    assert [f["title"] for f in record["films"]] == ["Who Killed Orrin, Didn't They?"]
    film = "Who Killed Orrin, Didn't They?"
    assert {("Halvard Ventris", "director", film), ("Tomas Velk", "writer", film),
            ("Daniel Obrecht", "writer", film)} <= _credits(record)


def test_it_stays_the_film_talked_about_past_films_named_in_passing(extractor):
    text = ("Life & Work with Quilla Marsh\n\nWhat can you share about your new feature?\n"
            "It’s called “Velden Season,” and we shot it last spring. It’s the feature I wanted to make out of "
            "“Orrin Street,” but it grew. I wrote it, and I produced it alongside Halvard Ventris, who also "
            "produced “The Long Coyote.” Tomas Velk shot it. Our lead is Ilke, opposite Daniel Obrecht, who "
            "some people will remember from “Copper Orrin.” Our 1st AD, Becca Lund, ran that set.")
    credits = _credits(_record(extractor, text))
    assert {("Quilla Marsh", "writer", "Velden Season"), ("Quilla Marsh", "producer", "Velden Season"),
            ("Halvard Ventris", "producer", "Velden Season"), ("Halvard Ventris", "producer", "The Long Coyote"),
            ("Tomas Velk", "cinematographer", "Velden Season"),
            ("Becca Lund", "first assistant director", "Velden Season")} <= credits
    assert not {c for c in credits if c[2] in {"Orrin Street", "Copper Orrin"}}


def test_a_press_release_crew_with_serving_as_a_second_by_and_a_surname_with_a_hyphen(extractor):
    text = ("Production Begins on “The Orrin Keepers”\n\n"
            "Set over a single harvest, “The Orrin Keepers” follows two siblings. It is directed by Quilla Ekdahl-Roos. "
            "Ekdahl-Roos wrote the screenplay with Tomas Velk (“Harbor”). The film is produced by Ilke Varnstad "
            "for Killer Films and by Halvard Ventris for Film i Väst, with Daniel Obrecht (“Cinder Velden”) "
            "serving as executive producer. Mira Castellanos will compose the score.\n\n"
            "About Killer Films\nKiller Films is a New York–based company. Its credits include Boys Don’t Cry.")
    record = _record(extractor, text)
    assert {"The Orrin Keepers", "Boys Don’t Cry"} <= {f["title"] for f in record["films"]}
    film = "The Orrin Keepers"
    credits = _credits(record)
    assert {("Quilla Ekdahl-Roos", "writer", film), ("Tomas Velk", "writer", film),
            ("Ilke Varnstad", "producer", film), ("Halvard Ventris", "producer", film),
            ("Daniel Obrecht", "executive producer", film), ("Mira Castellanos", "composer", film)} <= credits
    assert not {c for c in credits if c[2] == "Boys Don’t Cry" or c[0] == "Ilke Varnstad" and c[1] != "producer"}


def test_an_obituary_pronoun_after_a_named_doer_a_photographer_and_a_director_of_a_film_list(extractor):
    text = ("Quilla Marsh, the film editor, died on Sunday. There she met Halvard Ventris, a directing student. "
            "Her first feature was Tuesday (1979), a low-budget drama. Ventris directed it and she edited it. "
            "Salt was shot by the cinematographer Tomas Velk, who also photographed Undertow. Away from Ventris, "
            "she edited Kin (1994) and Weather (2002) for the director Sunita Varnstad.")
    credits = _credits(_record(extractor, text))
    assert {("Quilla Marsh", "editor", "Tuesday"), ("Halvard Ventris", "director", "Tuesday"),
            ("Tomas Velk", "cinematographer", "Undertow"), ("Sunita Varnstad", "director", "Kin"),
            ("Sunita Varnstad", "director", "Weather")} <= credits
    assert not {c for c in credits if c[0] == "Halvard Ventris" and c[1] == "editor"}


def test_a_role_opening_a_sentence_before_its_film_and_a_pronoun_as_the_object(extractor):
    text = ("ATLANTA – Thandiwe Marsh is paid to look back. As script supervisor on the crime drama “Red Clay "
            "County,” Marsh tracked every rolled sleeve and every line the actors changed. Sunita Varnstad hired "
            "her as script supervisor in 2019.")
    credits = _credits(_record(extractor, text))
    assert ("Thandiwe Marsh", "script supervisor", "Red Clay County") in credits
    assert not {c for c in credits if c[1] == "actor" or c[0] == "Sunita Varnstad"}


def test_a_cast_list_in_the_past_tense_and_items_whose_words_are_also_places(extractor):
    text = ("Tin Harbour is a 1931 silent film directed by Ilvana Maretsku. The cast included Mane Okorafor, "
            "Halvard York, Red Lanterns and Sakribai. Weather is a 1969 drama film. It stars Tomas Velk, "
            "Susannah York, Red Buttons and Gig Young.")
    credits = _credits(_record(extractor, text))
    assert {(name, "actor", "Tin Harbour") for name in ("Mane Okorafor", "Halvard York", "Red Lanterns", "Sakribai")
            } <= credits
    assert {(name, "actor", "Weather") for name in ("Tomas Velk", "Susannah York", "Red Buttons", "Gig Young")
            } <= credits
    assert not {c for c in credits if c[0] in {"Susannah", "Halvard", "York"}}


def test_a_name_before_life_dates_is_a_person_whatever_the_name_lists_know(extractor):
    text = ("Vineeth Oyelakan (born 1 October 1985) is a Malayalam film director. He directed the film Thira in 2013. "
            "Ilvana Maretsku (1940–2016) was a cinematographer. Taste of Cherry (1997) won a prize.")
    record = _record(extractor, text)
    people = {p["name"] for p in record["people"]}
    assert {"Vineeth Oyelakan", "Ilvana Maretsku"} <= people
    assert "Taste of Cherry" not in people
    assert ("Vineeth Oyelakan", "director", "Thira") in _credits(record)


def test_a_title_described_as_the_nth_feature_after_a_place_and_a_place_made_an_adjective(extractor):
    text = ("Rosalind Achebe leads cast of Atlanta-set family drama\n\n"
            "Fernweh Pictures announced that filming has begun in Atlanta on The Orrin Keepers, the second feature "
            "from writer-director Amara Nwosu. The film stars Rosalind Achebe and Tom Varga.")
    record = _record(extractor, text)
    assert {f["title"] for f in record["films"]} == {"The Orrin Keepers"}
    credits = _credits(record)
    assert {("Amara Nwosu", "director", "The Orrin Keepers"), ("Rosalind Achebe", "actor", "The Orrin Keepers")
            } <= credits


def test_titles_with_and_or_a_capitalised_from_stay_whole_in_a_credit_list(extractor):
    text = ("I’m an editor. Her first feature, Salt and Honey, which Priya directed and I edited, premiered in 2019. "
            "My credits include Salt and Honey, The Weight of Small Things and Nobody From Nowhere. I also served "
            "as additional editor on Tomorrow and Tomorrow, a documentary about two sisters.")
    titles = {f["title"] for f in _record(extractor, text)["films"]}
    assert titles == {"Salt and Honey", "The Weight of Small Things", "Nobody From Nowhere", "Tomorrow and Tomorrow"}


def test_the_nth_feature_from_an_award_winner_and_a_title_opening_with_a_question_word(extractor):
    text = ("EXCLUSIVE: Noor Haddad has joined the cast of What We Carried From Home, the second feature from "
            "Sundance Grand Jury Prize winner Mei-lin Tsao. Cameras roll next month.")
    record = _record(extractor, text)
    assert {f["title"] for f in record["films"]} == {"What We Carried From Home"}
    assert {("Mei-lin Tsao", "director", "What We Carried From Home"),
            ("Noor Haddad", "actor", "What We Carried From Home")} == _credits(record)


def test_a_bare_family_name_shared_with_a_relative_stays_the_main_persons(extractor):
    text = ("Harold Brennan, the production designer, died Sunday at his home. He was 84. His son, Thomas Brennan, "
            "said the cause was Parkinson’s disease.\n\nBorn in Pittsburgh, Brennan graduated from Carnegie Mellon "
            "University with a BFA in scenic design.")
    record = _record(extractor, text)
    assert {(e["person"], e["school"]) for e in record["education"]} == {("Harold Brennan", "Carnegie Mellon University")}


def test_a_role_and_a_copula_after_an_owner_or_and_credits_the_film_just_talked_about(extractor):
    text = ("Definitely The Islands Between Us, my first feature documentary. After that I made Half of Everything "
            "(2021), about my grandmother’s sisters. That one had an actual crew. My producer was Cathal Doyle, and "
            "the DP was Rónán Mac Giolla Bhríde. The title comes from “The Boston Burglar,” the old ballad my "
            "grandmother sang.")
    record = _record(extractor, text)
    assert {f["title"] for f in record["films"]} == {"The Islands Between Us", "Half of Everything"}
    assert {("Cathal Doyle", "producer", "Half of Everything"),
            ("Rónán Mac Giolla Bhríde", "cinematographer", "Half of Everything")} <= _credits(record)


def test_a_film_by_a_with_crew_in_brackets_credits_each_role_to_the_entrys_film(extractor):
    text = ("AND THEN THE RAIN\nScotland 2024 · 12 min · English\n\nA pier, a funfair that never opened, and two "
            "sisters.\n\nA film by Jamie Okoro, with Ruaridh MacLeod (DP) and Fionnuala Byrne (1st AD).")
    credits = _credits(_record(extractor, text))
    film = "AND THEN THE RAIN"
    assert {("Jamie Okoro", "director", film), ("Ruaridh MacLeod", "cinematographer", film),
            ("Fionnuala Byrne", "first assistant director", film)} == credits


def test_from_and_in_stay_inside_titles_listed_after_credits_include(extractor):
    text = ("Cinematographer Park Ji-woo studied at AFI. Since AFI, Park’s credits include Ordinary Weather, "
            "A House of Small Rooms and Girls from the Valley, the last of which earned her a nomination.")
    record = _record(extractor, text)
    assert {f["title"] for f in record["films"]} == {"Ordinary Weather", "A House of Small Rooms",
                                                     "Girls from the Valley"}
    assert ("Park Ji-woo", "cinematographer", "Girls from the Valley") in _credits(record)


def test_scripted_and_a_directorial_venture(extractor):
    text = ("Vineeth Oyelakan (born 1985) is an Indian director. He scripted and directed the film Thira in 2013. "
            "Vineeth's second directorial venture Thattathin Marayathu (2012) became a hit.")
    credits = _credits(_record(extractor, text))
    assert {("Vineeth Oyelakan", "writer", "Thira"), ("Vineeth Oyelakan", "director", "Thira"),
            ("Vineeth Oyelakan", "director", "Thattathin Marayathu")} <= credits



def test_an_announcements_headline_is_found_below_the_sites_name_and_menu(extractor):
    text = ("Tessaly\nFilms | News | About\n\nTessaly Begins Production on “Marrow Field”\n\n"
            "Tessaly Films today announced that principal photography has begun on Marrow Field, directed by "
            "Odile Vantongeren. Vantongeren shot the short “Ash Lane” in 2022. Composer Daniel Obrecht will score "
            "the film. Marrow Field is due out next year.")
    assert ("Daniel Obrecht", "composer", "Marrow Field") in _credits(_record(extractor, text))


def test_programme_headings_that_are_ordinary_words_above_a_details_line(extractor):
    text = ("What's On   Programme   Tickets\n\nHOME\nScotland, 2025, 22 min, English and Scots with English subtitles\n"
            "A night in a Leith flat.\nDirector: Odile Vantongeren\nCast: Quilla Marsh\n\n"
            "Here\nWorld Premiere  |  U.S. Narrative Competition  |  94 min\nA nurse in Newark.\n"
            "Director: Daniel Obrecht\n")
    credits = _credits(_record(extractor, text))
    assert {("Odile Vantongeren", "director", "HOME"), ("Quilla Marsh", "actor", "HOME"),
            ("Daniel Obrecht", "director", "Here")} == credits



def test_a_film_in_a_relative_clause_does_not_become_the_film_talked_about(extractor):
    text = "“Marrow” was shot by Quilla Marsh, who also shot “Ebbing Lane.” Daniel Obrecht edited it."
    record = _record(extractor, text)
    assert {("Quilla Marsh", "cinematographer", "Marrow"), ("Daniel Obrecht", "editor", "Marrow")} <= _credits(record)


def test_a_slate_announcements_crew_lines_are_for_the_film_of_their_paragraph(extractor):
    text = ("Tessaly Pictures Unveils Two-Film Slate\n\nTessaly Pictures has set a two-feature slate for 2026.\n\n"
            "Leading the slate is Marrow Field, the second feature from Odile Vantongeren. Her regular DP, "
            "Quilla Marsh, will lens.\n\nRounding out the slate is Ebbing Lane, a comedy from Tavish Obrecht. "
            "Editor Daniel Obrecht has boarded.")
    credits = _credits(_record(extractor, text))
    assert {("Quilla Marsh", "cinematographer", "Marrow Field"),
            ("Daniel Obrecht", "editor", "Ebbing Lane")} <= credits


def test_both_directed_by_credits_every_film_listed_before(extractor):
    text = ("Daniel Obrecht scored Lowtide Road and Paper Saints, both directed by Quilla Marsh. He also scored "
            "“Marrow Field” and “Ebbing Lane,” both directed by Tavish Obrecht.")
    credits = _credits(_record(extractor, text))
    assert {("Quilla Marsh", "director", "Lowtide Road"), ("Quilla Marsh", "director", "Paper Saints"),
            ("Tavish Obrecht", "director", "Marrow Field"), ("Tavish Obrecht", "director", "Ebbing Lane")} <= credits



def test_the_project_of_a_present_tense_director_a_script_co_writer_and_a_part(extractor):
    text = ("“Lantern Season” is directed by Quilla Marsh. Marsh directs from a screenplay she co-wrote with "
            "Daniel Obrecht, adapting a novel. Rowan Tully plays her estranged husband. Hollis Breyer "
            "will direct the first block of episodes alongside Marsh.")
    credits = _credits(_record(extractor, text))
    assert {("Quilla Marsh", "writer", "Lantern Season"), ("Daniel Obrecht", "writer", "Lantern Season"),
            ("Rowan Tully", "actor", "Lantern Season"),
            ("Hollis Breyer", "director", "Lantern Season")} <= credits


@pytest.mark.parametrize("text,titles,expected", [
    # a title after the place it is shot in starts after "on"
    ("Tessaly Films today announced that principal photography is underway in Tucson, Arizona on Marrow Field, "
     "a thriller written and directed by Odile Vantongeren. The film stars Quilla Marsh.",
     {"Marrow Field"}, {("Quilla Marsh", "actor", "Marrow Field")}),
    # a described title run on from a place keeps the title found elsewhere
    ("Marrow\nWorld Premiere | Narrative Competition | 94 min\n\n"
     "Writer-director Odile Vantongeren returns to Tribeca with Marrow, her second feature.",
     {"Marrow"}, {("Odile Vantongeren", "director", "Marrow")}),
    # titles after "series including" and after a role and "on" are a list, up to a person's name
    ("Quilla Marsh worked as a first assistant director on series including The Long Ledger and Boxwood. "
     "Since then she has been 2nd AD on BLUE TIDE and Second Orchard. The 1st AD on Boxwood, Daniel Obrecht, "
     "taught her the job.",
     {"The Long Ledger", "Boxwood", "BLUE TIDE", "Second Orchard"},
     {("Quilla Marsh", "first assistant director", "The Long Ledger"),
      ("Quilla Marsh", "second assistant director", "Second Orchard"),
      ("Daniel Obrecht", "first assistant director", "Boxwood")}),
    # a dated title after its director's possessive is the title alone
    ("Quilla Marsh played the barman in Daniel Obrecht's Frenzy (1972). Ocean's Eleven (2001) was a hit.",
     {"Frenzy", "Ocean's Eleven"}, {("Daniel Obrecht", "director", "Frenzy")}),
])
def test_title_shapes_and_their_credits(extractor, text, titles, expected):
    record = _record(extractor, text)
    assert {f["title"] for f in record["films"]} == titles
    assert expected <= _credits(record)
