"""Casualty figures bound to victims and killing words; missiles and houses never count."""

from __future__ import annotations

import pytest

from strikewatch.extract.casualties import combine, find_figures


def killed(text: str) -> tuple[int | None, int | None]:
    return combine(find_figures(text, 0, len(text))).killed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the US drone strike, which killed four suspected terrorists", (4, 4)),
        ("U.S. drones killed at least four militants in Pakistan.", (4, None)),
        ("The June drone strikes killed nearly 19 militants, including a commander.", (None, 19)),
        ("At least nine suspected militants were killed in a drone strike", (9, None)),
        ("A drone fired two missiles at a house, killing three people.", (3, 3)),
        ("The drone destroyed two houses and a vehicle.", (None, None)),
        ("Officials said five militants were killed, while residents said eight people died.", (5, 8)),
        ("between five and eight people were killed", (5, 8)),
        ("killing a dozen fighters", (12, 12)),
        ("dozens of militants were killed", (24, None)),
        ("killed an al Qaeda commander", (1, 1)),
        ("four militants were killed and two others injured", (4, 4)),
        ("The strike killed three militants and two civilians.", (5, 5)),
        ("Three militants and two civilians were killed in the strike.", (5, 5)),
        ("A drone fired two missiles at a vehicle, killing all four occupants.", (4, 4)),
        ("The bodies of seven persons were recovered from the rubble.", (7, 7)),
        ("Local officials put the death toll at nine.", (9, 9)),
        ("claimed the lives of 11 people", (11, 11)),
        ("Seven people, among them four foreigners, were killed.", (7, 7)),
        ("Reached by telephone, residents said eight people had died.", (8, 8)),
        # crews are people: the men who served the gun the drone destroyed
        ("Another drone strike destroyed an air defense system, killing three of its crew.", (3, 3)),
        ("Two crewmen were killed when the drone hit the launcher.", (2, 2)),
        # wounded only, and no deaths in that attack: a toll of nought
        ("A drone hit a military vehicle, wounding two fighters. No deaths were reported in that attack.", (0, 0)),
        # a toll revised by those who gave it
        ("Initially, officials put the death toll at seven, but later revised it to nine after more bodies were "
         "recovered.", (9, 9)),
        ("Officials put the toll at seven but later raised it to nine.", (9, 9)),
        ("The ministry said that night that seven workers had been killed. By the following afternoon, when "
         "rescuers had finished searching the rubble, the ministry put the toll at ten.", (10, 10)),
        # a name's word is not a count of provinces; an acronym in brackets among the words
        ("At least 11 Islamic State-Khorasan Province (IS-KP) militants were killed in a drone strike.", (11, None)),
        ("The drones hit 3 provinces, killing 9 people.", (9, 9)),
        # a man named after his title, his toll unsaid; another man with him, one more
        ("A senior al-Qaeda leader, Abu al-Khayr al-Masri, was killed on Sunday when a drone struck his car.",
         (1, None)),
        ("A senior al Qaeda operative identified as Abu Bakr al-Dosari was killed when a drone struck.", (1, None)),
        # two people told one by one: a pair
        ("In April, a US Marine and a Navy medic were killed when a Predator fired on them.", (2, 2)),
        ("A boy and a girl were killed.", (2, 2)),
        # a part of a toll stated beside it: the toll
        ("Four TTP commanders were among at least 20 people killed.", (20, None)),
        ("Two named militants among seven killed in Shaktoi.", (7, 7)),
        ("At least 9 civilians including 6 children among 17-21 killed in strike on houses.", (17, 21)),
        # the one named and those with him
        ("The drone killed Abu Laith al-Libi along with 12 others.", (13, 13)),
        ("A Taliban commander, along with four militants, was killed.", (5, 5)),
        ("Mustafa Abu Yazid was killed with at least nine others.", (10, None)),
        ("Two named militants were killed with at least eight others.", (10, None)),
        ("The drone killed a 10-year-old boy and six militants.", (7, 7)),
        # counted nouns joined by "and" add up, an open one leaves the sum open
        ("The strike killed two women and a child.", (3, 3)),
        ("The strike killed two named militants and at least two others.", (4, None)),
        ("Ten Taliban and 4 civilians were killed.", (14, 14)),
        # an age is not a toll; a verb before "strike" does not make people a strike count
        ("26-35 alleged militants and an 8-year old boy were killed.", (26, 35)),
        ("Five alleged militants killed in strike on car in Mada Khel.", (5, 5)),
        # riders, bystanders and other people named by what they were doing
        ("Another drone hit a motorcycle killing its two riders.", (2, 2)),
        ("The strike killed two Houthi fighters and three bystanders.", (5, 5)),
        # a toll told through "those killed" or hedged with "could be"
        ("Those killed numbered at least six.", (6, None)),
        ("Residents said the death toll could be as high as 20.", (None, 20)),
        # a witness counting the dead of his own family counts a part of the toll
        ('"My brother, his wife and their three children were killed," he said.', (4, None)),
        ("Residents said a dozen civilians were killed. \"My brother, his wife and their three children "
         "were killed.\" Officials said eight insurgents were killed.", (8, 12)),
        # "both" counts people only when people follow it
        ("A drone killed a commander and his son; both died instantly.", (2, 2)),
        ("The identity of the dead could not be ascertained as militants cordoned off both areas.", (None, None)),
        # a list after the total is its parts; two who listed them are not dead
        ("Kaleem and two relatives listed seven dead: two uncles, three cousins, a neighbor and a teacher.", (7, 7)),
        ("His son said he was killed along with two of his brothers, a cousin and a guard: five people in all.",
         (5, 5)),
        ("Residents said four men had been in the car.", (4, 4)),
        # a toll that rose twice: the last figure stands
        ("The death toll, initially reported as six, rose to 12 by early Thursday and to 17 by the afternoon.", (17, 17)),
        # ages are no toll
        ("Four girls aged between 15 and 18 were killed and 11 others were injured.", (4, 4)),
        ("The strike on Nov. 7 killed Adnan al-Qadhi, a suspected al-Qaeda operative, and two of his companions.",
         (3, 3)),
        ("Abu al-Khayr al-Masri was killed along with another man travelling with him when a missile struck their "
         "vehicle.", (2, 2)),
        # the dead of the other number: the doctors counted them
        ("Staff at the hospital, which had two doctors on duty that night, said 45 people died.", (45, 45)),
    ],
)
def test_killed(text: str, expected: tuple[int | None, int | None]) -> None:
    assert killed(text) == expected


def test_injured_and_children_apart() -> None:
    text = "The strike killed seven people, including three children, and wounded five others."
    c = combine(find_figures(text, 0, len(text)))
    assert c.killed == (7, 7)
    assert c.children == (3, 3)
    assert c.injured == (5, 5)


def test_civilians_count_their_own_parts_once() -> None:
    text = "At least nine civilians, including six children, were among 17 killed."
    c = combine(find_figures(text, 0, len(text)))
    assert (c.killed, c.civilians, c.children) == ((17, 17), (9, None), (6, 6))
    text = "The strike killed three women and four children."
    c = combine(find_figures(text, 0, len(text)))
    assert (c.killed, c.civilians, c.children) == ((7, 7), (7, 7), (4, 4))


def test_spans_point_at_the_figure() -> None:
    text = "A drone strike killed at least four militants."
    (fig,) = find_figures(text, 0, len(text))
    assert text[fig.span.start : fig.span.end] == "at least four"


def _report(text: str) -> tuple[int | None, int | None]:
    """The killed range of the one drone strike the whole extractor finds in ``text``."""
    from strikewatch.extract import extract_document
    from strikewatch.ingest import document_from_text

    [m] = [m for m in extract_document(document_from_text(text, "t")).mentions
           if m.type == "drone_strike"]
    return m.killed_min, m.killed_max


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "others" are others than the victims told before them
        ("A US drone strike killed Maulvi Nazir and five others in Wana.", (6, 6)),
        ("A US drone strike killed Abu Yahya al-Libi along with three others.", (4, 4)),
        ("Sanaullah Jan, a student, was killed in a US drone strike on his car with three others.", (4, 4)),
        ("Anwar al-Awlaki was killed by a CIA drone strike in Yemen on Friday. Three others were "
         "killed as well.", (4, 4)),
        ("Two US drone missiles killed 8 people. Six others from nearby cars died too.", (14, 14)),
        # ... but parts of a toll stay parts
        ("A US drone strike killed five people, including three militants and two others.", (5, 5)),
        ("A US drone strike killed a senior commander and five others in Wana.", (6, 6)),
        ("A drone struck a car, killing a senior commander and at least one other fighter.", (2, None)),
        ("A US drone strike killed Faruq al Qahtani, a senior al Qaeda leader in the east, and another veteran jihadist, "
         "Bilal al Utabi.", (2, 2)),
        # "one woman" is one, not one more than the one
        ("A US drone struck a house in Shaqra, killing six children and one woman.", (7, 7)),
        # a toll of a whole weekend is not this strike's
        ("Up to 24 people were killed by US drones in Jaar and Zinjibar, bringing the weekend "
         "death toll to 58.", (None, 24)),
    ],
)
def test_victims_told_in_relation_to_others(text: str, expected: tuple[int | None, int | None]) -> None:
    assert _report(text) == expected


def test_other_men_than_a_named_victim_are_another_count_of_his_toll() -> None:
    text = (
        "A US drone strike hit a house in Marawara. He said Swati was killed along with four of "
        "his commanders. A TTP commander said only two other men had died in the attack."
    )
    assert _report(text) == (3, 5)


def test_two_named_in_the_singular_and_the_others_with_them() -> None:
    assert _report("A US drone strike hit a house in Ghundi. Woman and child killed along with four "
                   "suspected militants, including two commanders.") == (6, 6)
    assert _report("A woman and her son were killed along with three militants when a US drone hit "
                   "a house.") == (5, 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least eight civilians among 13 reported killed in a US drone strike in Boya.", (13, 13)),
        ("A US drone strike killed four named commanders among 30 alleged militants in Speen Drang.", (30, 30)),
        ("Up to 5 named al Qaeda killed among 8-12 alleged militants in a US drone strike on an orchard.",
         (8, 12)),
    ],
)
def test_some_among_a_toll_are_part_of_it(text: str, expected: tuple[int | None, int | None]) -> None:
    assert _report(text) == expected


def test_a_named_man_with_an_al_name_and_a_boy_who_was_tending_goats() -> None:
    assert _report("Ahmed Saleh al-Kaff, a 34-year-old teacher, was killed on 14 May 2012 when a US drone "
                   "strike hit his car. Two other men in the car, his cousin and a neighbour, were also "
                   "killed.") == (3, 3)
    assert _report("Last week, another US drone strike near Al-Ghayl in Al Jawf province killed a "
                   "16-year-old boy who was tending his family's goats.") == (1, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a people's name used as an adjective is no victim
        ("Two Pakistani intelligence officials said 26 suspected militants were killed.", (26, 26)),
        ("Two Pakistani soldiers were killed.", (2, 2)),
        # a list after "including" goes on past its first item
        ("Residents said four men, including Al-Radmi, his two guards and his driver, died.", (4, 4)),
        # a count the report says was superseded gives way
        ("The ministry said 30 cadets were killed. An earlier count of 28 dead had risen overnight.",
         (30, 30)),
        ("The Interior Ministry said five al-Qaeda elements had been killed.", (5, 5)),
    ],
)
def test_who_is_counted_and_which_count_stands(text: str, expected: tuple[int | None, int | None]) -> None:
    assert killed(text) == expected


def test_a_fourth_man_who_died_is_a_count_of_four() -> None:
    text = ("A tribal source said three militants were killed. Residents, however, said a fourth man, a "
            "local shepherd who was walking nearby, died of his wounds overnight.")
    assert killed(text) == (3, 4)
    assert killed("It was the second strike this week; a second man was wounded.") == (None, None)


def test_a_first_report_superseded_and_two_numbers_sharing_a_noun() -> None:
    text = ("Initial reports said three people had been killed, but officials later said at least four, "
            "and possibly as many as six, Uzbek militants had died.")
    assert killed(text) == (4, 6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another source's one more
        ("AFRICOM said the drone killed four militants. But elders said a farmer who was driving his "
         "donkey cart along the road was also killed.", (4, 5)),
        ("A drone strike killed three members of the security forces. The Observatory said a civilian "
         "driver had also been killed in the car.", (3, 4)),
        # ... but an ordinal counts itself
        ("Four militants were killed in the strike. A fourth militant who was also killed has not been "
         "identified.", (4, 4)),
        # the one and those of his
        ('A Taliban "shadow" district governor and four of his fighters were killed.', (5, 5)),
        ("An elder said the number of dead could be as high as 35.", (None, 35)),
    ],
)
def test_one_more_and_the_ones_with_him(text: str, expected: tuple[int | None, int | None]) -> None:
    from strikewatch.extract.casualties import drop_singles
    from strikewatch.extract.text import split_sentences

    # figures are found sentence by sentence, as the extractor does
    figures = [f for s in split_sentences(text) for f in find_figures(text, s.start, s.end)]
    assert combine(drop_singles(figures)).killed == expected


def test_a_man_named_after_the_verb_is_one_dead_of_an_unsaid_toll() -> None:
    from strikewatch.extract.casualties import drop_singles

    text = "A US drone strike reportedly killed Abdulrahman al-Wuhayshi, the younger brother of an AQAP leader."
    assert combine(drop_singles(find_figures(text, 0, len(text)))).killed == (1, None)
    assert killed("The strike killed Pakistani Taliban fighters.") == (None, None)


def test_the_buried_and_a_title_before_a_name() -> None:
    assert killed("Residents said 12 people were buried, including the wife's parents.") == (12, 12)
    assert killed("Five people were buried under the rubble.") == (None, None)
    assert killed("A drone struck a car, killing YBS commander Marwan Bedal and his nephew.") == (2, 2)


def test_those_listed_before_the_others_and_the_buried() -> None:
    assert killed("Intelligence officials said Mehsud, his second wife and seven bodyguards were killed.") == (9, 9)
    assert killed("Sources said his driver and two guards were killed.") == (3, 3)
    assert killed("Officials said three militants and two civilians were killed.") == (5, 5)


def test_a_toll_that_rose_late_in_the_night() -> None:
    text = "Officials first said seven people had died, but the toll rose to 10 late in the night."
    assert killed(text) == (10, 10)


def test_a_phrase_that_ended_binds_no_victim_and_a_list_after_including() -> None:
    text = ("Local elders claimed that the strike hit the house of a farmer and killed nine members of one "
            "family, including women and children.")
    assert killed(text) == (9, 9)
    text = ('Afghan officials said at least 20 militants had been killed, while TTP sources said that 21 '
            'persons, including "students" and two commanders from Swat, had died.')
    assert killed(text) == (20, 21)
    assert killed("A drone strike killed three Eritrean refugees, including two children.") == (3, 3)


def test_one_worker_killed() -> None:
    from strikewatch.extract.casualties import drop_singles

    text = "At dawn on Thursday a drone struck near a power station, killing a worker, local officials said."
    assert combine(drop_singles(find_figures(text, 0, len(text)))).killed == (1, 1)


def test_a_day_s_dead_of_many_incidents_and_a_witness_s_children() -> None:
    text = ("At least 14 persons, including four suspected militants killed in a US drone strike, died in "
            "separate incidents in the tribal areas on February 3, reports Daily Times.")
    assert killed(text) == (4, None)  # the strike's four, a part of the day's dead; never the 14
    assert killed('"Two little children died in their beds," he said.') == (2, None)


def test_a_commander_and_another_militant_are_two() -> None:
    from strikewatch.extract.casualties import drop_singles

    text = "An al-Qaeda field commander and another militant were killed on Monday night."
    assert combine(drop_singles(find_figures(text, 0, len(text)))).killed == (2, 2)


def test_a_commander_and_several_of_his_fighters_are_more_than_one() -> None:
    from strikewatch.extract.casualties import drop_singles

    text = "A drone strike has killed a senior Taliban commander and several of his fighters in Sangin."
    assert combine(drop_singles(find_figures(text, 0, len(text)))).killed == (2, None)



def test_an_aside_naming_a_man_of_a_group_with_its_acronym() -> None:
    # the aside has commas and brackets of its own; the head count still binds to "were killed"
    assert killed("At least six persons, including the 'deputy chief' of the Tehreek-e-Taliban Pakistan (TTP), "
                  "Qari Hussain, were killed when a US drone fired missiles at a house.") == (6, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Residents said the death toll was 9 and that others were missing.", (9, 9)),
        ("The number of dead was 12, a doctor said.", (12, 12)),
        ("The toll was not known.", (None, None)),
    ],
)
def test_a_toll_stated_with_was(text: str, expected: tuple[int | None, int | None]) -> None:
    assert killed(text) == expected


def test_more_people_are_more_than_the_toll_before_them() -> None:
    assert _report("A US drone struck a house, killing three. Two more people died in hospital.") == (5, 5)
    assert _report("In a second strike, US drones killed four more insurgents, among them a bomb-maker "
                   "identified as Qari Zahid.") == (4, 4)
    assert killed("The strikes killed more than 20 people.") == (20, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # its commas lost in transit, the aside still is an aside
        ("At least 11 militants of the Islamic State Khorasan Province (ISKP) including four Pakistani "
         "nationals were killed in a US drone strike", (11, None)),
        # the son as well as the named man and the others
        ("A drone strike hit a meeting on Sunday killing the groups spokesman Abu Firas al-Suri his son and "
         "at least 20 other jihadists from Nusra", (22, None)),
    ],
)
def test_asides_and_kin_in_text_that_lost_its_commas(text: str, expected: tuple[int | None, int | None]) -> None:
    assert killed(text) == expected


def test_a_headline_names_one_of_the_two_the_body_counts() -> None:
    assert _report("US-led coalition drone kills ISIS commander in Hajin pocket\n\nA drone of the US-led "
                   "coalition targeted a motorcycle in al-Shaafah on Wednesday, killing a senior commander of the "
                   "group and his bodyguard, local sources said.") == (2, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The strike killed three men, two children and a woman.", (6, 6)),
        ("Officials said four militants, two civilians and a boy were killed.", (7, 7)),
        # the total told again part by part
        ("Three people, two women and a child, were killed on the spot.", (3, 3)),
    ],
)
def test_a_list_of_the_dead_that_ends_in_and(text: str, expected: tuple[int | None, int | None]) -> None:
    assert killed(text) == expected


def test_the_toll_of_an_attack_of_another_year_that_says_who_the_target_was() -> None:
    assert killed("Officials said the target had planned the 2013 attack on the Westgate shopping mall in Nairobi, "
                  "which killed 67 people.") == (None, None)


def test_a_named_man_described_then_the_others_with_him() -> None:
    assert killed("A US drone strike killed Hamid Al-Radmi, a suspected Al-Qaeda leader, and four other men.") == (5, 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A drone struck a vehicle, killing 10 suspected Al-Qaeda members. Three civilians who were travelling in "
         "a pick-up truck nearby were also killed, officials said.", (13, 13)),
        # a comma between the count and the civilian: another source's count (three in all), not a
        # civilian besides the three
        ("A drone hit a vehicle, killing two fighters. The Observatory put the toll at three, saying the civilian "
         "driver of the vehicle was also killed.", (2, 3)),
    ],
)
def test_civilians_also_killed_beside_the_fighters(text: str, expected: tuple[int | None, int | None]) -> None:
    from strikewatch.extract.casualties import drop_singles

    assert combine(drop_singles(find_figures(text, 0, len(text)))).killed == expected


def test_the_only_person_killed_is_a_count_of_one() -> None:
    assert killed("A drone fired two missiles at a house, killing five militants, officials said, but villagers said "
                  "the only person killed was an elderly woman working in a field.") == (1, 5)


def test_a_named_man_killed_along_with_kin_and_others_is_a_count_beside_another_sources() -> None:
    assert _report("Mullah Khadim was killed in a US drone strike in Helmand on Monday, officials said. The police "
                   "chief said Khadim was killed along with his brother-in-law and four other men when a drone fired "
                   "on their vehicle. But a council member said eight people were killed in the strike.") == (6, 8)


def test_another_sources_toll_then_who_was_among_its_dead() -> None:
    text = ("Six militants were killed when a US drone fired three missiles at a house. Local residents, however, put "
            "the death toll at 10, saying four children of a family living in an adjoining portion of the house were "
            "also among the dead.")
    assert killed(text) == (6, 10)


def test_a_commander_described_then_named_along_with_four_others() -> None:
    text = ("A drone strike hit a pickup truck near Moqokori, killing a senior al-Shabaab commander, Ismail Dheere, "
            "along with four other fighters.")
    assert killed(text)[0] == 5
    # (but a second man, described: "the head of the Quds Force, Iraqi militia leader X and eight others" is ten)
    text = ("The strike killed the head of the Revolutionary Guards' Quds Force, Iraqi militia leader Abu Mahdi "
            "al-Muhandis and eight other people, according to Iraqi officials.")
    assert killed(text)[0] == 10


def test_a_toll_raised_by_a_death_overnight_and_a_fourth_body() -> None:
    text = ("A medical source said four girls were killed. Early on Friday, the same source said one of the wounded "
            "girls had died overnight, raising the number of dead in the strike to five.")
    assert killed(text) == (4, 5) or killed(text)[1] == 5
    text = "Residents told a newspaper that a fourth body was recovered from the rubble later in the day."
    assert killed(text) == (4, 4)


def test_one_resident_who_spoke_is_not_one_dead() -> None:
    text = ("A drone killed four foreign fighters late on Friday, an official said. One resident said seven people had "
            "been killed, including two local men.")
    assert killed(text) == (4, 7)
    # (but "killing one man SANA said", its commas stripped, is one dead)
    assert killed("An Israeli drone fired a missile at a car killing one man SANA said.") == (1, 1)


def test_who_protested_a_killing_are_not_its_dead() -> None:
    text = ("Hundreds of tribesmen staged a protest in Miranshah on Monday against the killing of four civilians "
            "in a drone attack on a vehicle in Hassu Khel village two days earlier.")
    assert killed(text) == (4, 4)


def test_the_number_could_be_as_high_as_bounds_the_toll_just_told() -> None:
    text = "At least five people were killed, and one official told us the number could be as high as six."
    assert killed(text) == (5, 6)
    # (a count of the wounded hedged upwards is no toll)
    text = "Seven people were wounded, and a doctor said the number could be as high as ten."
    assert killed(text) == (None, None)


def test_bodies_brought_in_count_the_dead_of_the_strike_told_before() -> None:
    text = ("A US drone strike hit a house in the town of Jaar before dawn on Thursday, killing at least five "
            "militants, according to a security official. A medic at a field hospital said as many as 12 bodies "
            "were brought in, some of them of civilians who lived in neighboring houses.")
    assert _report(text) == (5, 12)


def test_two_named_who_were_killed_along_with_others() -> None:
    text = ("They marked the anniversary of the killing of commander Qassem Soleimani and the deputy head Abu Mahdi "
            "al-Muhandis, who were killed in a US drone strike near Baghdad airport on January 3, 2020, along with "
            "eight others.")
    assert killed(text) == (10, 10)


def test_a_large_number_of_people_is_a_crowd_not_a_count_of_strikes() -> None:
    text = ("At least 13 suspected militants were killed when a US drone fired two missiles at a house in Bobar "
            "village in South Waziristan on Tuesday. Tribesmen, however, said the death toll was 20, as a large "
            "number of people had gathered in the house for a meeting when the missiles struck.")
    assert _report(text) == (13, 20)


def test_a_witness_who_counted_bodies_gives_a_toll() -> None:
    text = ("A US drone strike hit an al-Shabab base near the town of Sakow on Sunday, killing at least eight "
            "militants, officials said. A man who gave his name as Hussein said he counted 12 bodies being buried.")
    assert _report(text) == (8, 12)


def test_a_toll_that_one_death_in_hospital_takes_to_a_new_number() -> None:
    text = ("Initial reports said four people had been killed. Later a senior official said 16 bodies had been "
            "recovered. \"One of the injured died in hospital, which takes the number to 17,\" the official said.")
    assert killed(text) == (17, 17)


def test_never_a_single_death_is_none_and_a_speakers_own_dead_are_a_part() -> None:
    assert killed("The command had never acknowledged a single civilian death in Somalia.") == (None, None)
    text = ("The drone destroyed a car on Sunday, killing 12 villagers. \"We heard it all day,\" said Abdullah, "
            "whose brother and two nephews were killed.")
    assert killed(text) == (12, 12)
    # (but "whose brother and four other relatives were killed when a US drone fired missiles" is the toll)
    text = ("a petition filed by Gul Nawaz, whose brother and four other relatives were killed when a US drone "
            "fired missiles at their house on October 30, 2012.")
    assert killed(text) == (5, 5)


def test_a_story_that_goes_on_about_its_strike_keeps_reading_its_tolls() -> None:
    text = ("A U.S. drone strike hit an al-Shabab base near the town of Sakow on Sunday, killing at least eight "
            "militants, Somali officials said. U.S. Africa Command said in a statement that its forces conducted "
            "an airstrike against an al-Shabab node. It said eight militants were killed. A Jubaland official "
            "told VOA the strike was carried out by a drone. \"The drone fired at least two missiles. It "
            "destroyed the building and two cars,\" he said. Residents of nearby villages said the number of dead "
            "was higher. A man who gave his name as Hussein said he counted 12 bodies being buried Monday morning.")
    assert _report(text) == (8, 12)
