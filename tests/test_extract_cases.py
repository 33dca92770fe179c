"""Language of strike reports, one construction per case, through the whole extractor.

Each case is a short text in the style of the reports it came from (SATP digests,
wire copy, war news) and what a careful reader takes from it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from strikewatch.extract import extract_document
from strikewatch.ingest import document_from_text
from strikewatch.model import Mention


def _drone(text: str, published: dt.date | None = None) -> list[Mention]:
    doc = document_from_text(text, "case")
    doc.published = published
    return [m for m in extract_document(doc).mentions if m.type == "drone_strike"]


def test_a_series_told_clause_by_clause_is_three_strikes() -> None:
    text = (
        "US drones carried out three strikes in North Waziristan Agency on June 14. The first "
        "drone struck a house in Datta Khel bazaar, killing five militants; later two missiles hit "
        "a vehicle near Miramshah killing four, while the third targeted a seminary in the Shawal "
        "valley, killing at least six."
    )
    got = [(m.place, m.killed_min, m.killed_max) for m in _drone(text)]
    assert got == [("Datta Khel", 5, 5), ("Miranshah", 4, 4), ("Shawal", 6, None)]


def test_a_day_counted_from_the_strike_told_before() -> None:
    text = (
        "A U.S. drone strike on Friday killed nearly a dozen suspected militants in the Mudiyah "
        "district of Abyan province, officials said. Two days earlier, a U.S. drone had struck a "
        "house in the Markha district of Shabwa province, killing four militants."
    )
    got = [(m.date, m.date_text) for m in _drone(text, dt.date(2017, 5, 14))]
    assert got == [(dt.date(2017, 5, 12), "Friday"), (dt.date(2017, 5, 10), "Two days earlier")]


def test_a_month_of_strikes_told_with_its_source_is_an_aggregate() -> None:
    text = (
        "U.S. drone strikes in Yemen killed at least 40 suspected members of al-Qaeda in March, "
        "according to a tally compiled by local officials, as Washington stepped up its campaign."
    )
    (m,) = _drone(text, dt.date(2017, 4, 1))
    assert m.aggregate and (m.killed_min, m.killed_max) == (40, None)


def test_a_drone_as_instrument_and_its_user() -> None:
    text = (
        "The Pakistan Army used its armed drone 'Burraq' for the first time on September 7, "
        "killing three terrorists in the Shawal valley of North Waziristan Agency."
    )
    (m,) = _drone(text)
    assert (m.perpetrator, m.killed_min, m.district) == ("PK", 3, "North Waziristan")


def test_who_flew_the_jets_did_not_fly_the_drone() -> None:
    text = (
        "Residents said a drone fired missiles at a house in the Sandapal area of Khyber Agency, "
        "killing four militants, but officials said they were killed by PAF jets."
    )
    assert [m.perpetrator for m in _drone(text)] == [None]


def test_a_strike_blamed_on_a_state() -> None:
    text = (
        "A drone strike hit a car near Sidakan in Erbil governorate, killing two officers and their "
        "driver, the Iraqi military said, blaming Turkey."
    )
    (m,) = _drone(text)
    assert (m.perpetrator, m.killed_min, m.killed_max) == ("TR", 3, 3)


def test_repelled_drones_and_policy_talk_are_not_strikes() -> None:
    repelled = (
        "Russia's defence ministry said its forces had fended off an attack by 13 armed drones "
        "launched by militants against the Hmeimim air base on Saturday night."
    )
    hearing = (
        "A Senate subcommittee on Tuesday held its first public hearing on the legal basis of "
        "targeted killings by drones, but no administration official agreed to testify."
    )
    assert _drone(repelled, dt.date(2018, 1, 8)) == []
    assert _drone(hearing, dt.date(2013, 4, 23)) == []


def test_a_run_on_digest_changes_subject_at_separately() -> None:
    text = (
        "Mullah Nazar Gul was killed along with four of his associates in a drone strike in the "
        "Chawkay District of Kunar Province on October 2 the police chief said separately three "
        "civilians were killed when a roadside bomb hit their vehicle in Khost Province"
    )
    (m,) = _drone(text)
    assert (m.killed_min, m.killed_max, m.district) == (5, 5, "Kunar")


def test_a_governorate_named_beside_a_namesake_village() -> None:
    text = (
        "A drone launched by Houthi rebels exploded above a military parade at al-Anad air base in "
        "Lahij province on Thursday, killing six soldiers."
    )
    assert [m.district for m in _drone(text, dt.date(2019, 1, 11))] == ["Lahij"]


def test_an_old_strike_told_on_a_recent_day_is_history() -> None:
    text = (
        "A US drone strike in 2010 killed the group's previous leader, his successor said in a "
        "video released on Monday."
    )
    assert _drone(text, dt.date(2015, 5, 20)) == []


def test_more_of_a_stated_toll_and_a_strike_that_missed() -> None:
    text = (
        "A woman and her two children were among five persons killed when drone-fired missiles "
        "struck a house in Sandapal area of Khyber Agency on June 21. Local sources said two "
        "militants who had taken shelter in the house were also killed."
    )
    assert [(m.killed_min, m.killed_max) for m in _drone(text)] == [(5, 5)]
    text = (
        "A US Predator drone targeted a vehicle in Barmal District of Paktika Province on "
        "September 2, killing four of them. A second strike by an unmanned aircraft on a compound "
        "in Gomal District the same evening missed its target; no one was hurt."
    )
    assert [(m.killed_min, m.killed_max) for m in _drone(text)] == [(4, 4), (0, 0)]


def test_a_toll_that_rose_and_drones_that_only_watched() -> None:
    text = (
        "The death toll in the January 10 drone attack on a compound in Shaktoi area of South "
        "Waziristan rose to nine on January 11 after the bodies of two more persons were recovered."
    )
    assert [(m.killed_min, m.killed_max) for m in _drone(text)] == [(9, 9)]
    text = (
        "At least 22 Taliban were killed in air strikes by the Afghan Air Force in Helmand on "
        "February 5; their movements had been monitored by drones for several days before the strikes."
    )
    assert _drone(text) == []


def test_where_the_news_was_told_is_not_where_the_strike_was() -> None:
    text = (
        '"A remotely piloted aircraft struck a car on the Dalbandin road, killing two men," the '
        "Home Minister told a press conference in Quetta on May 23."
    )
    assert [m.district for m in _drone(text)] == ["Chagai"]


def test_a_strike_whose_drone_is_named_later() -> None:
    text = (
        "ADEN, March 6 - A US missile strike killed four suspected al Qaeda militants in a car near "
        "Azzan in Shabwa province late on Tuesday, officials said. Residents heard a drone for "
        "hours, and a security official later confirmed that the missiles had been fired from an "
        "American drone."
    )
    got = [(m.date, m.killed_min, m.district) for m in _drone(text, dt.date(2013, 3, 6))]
    assert got == [(dt.date(2013, 3, 5), 4, "Shabwah")]


def test_a_toll_from_a_named_day_that_rose_later() -> None:
    text = (
        "The death toll from Sunday's suspected US drone strike on a vehicle in Marib province rose "
        "to five on Tuesday after two of the wounded died in hospital. Three men were killed "
        "outright when the missile hit their vehicle."
    )
    got = [(m.date, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2019, 11, 12))]
    assert got == [(dt.date(2019, 11, 10), 5, 5)]


def test_a_month_of_strikes_counted_in_times() -> None:
    text = (
        "US drones struck Pakistan's North Waziristan tribal region nine times in February, killing "
        "at least 48 suspected militants, the most in a single month since early last year."
    )
    (m,) = _drone(text, dt.date(2012, 3, 2))
    assert m.aggregate and (m.killed_min, m.killed_max) == (48, None)


def test_a_strike_of_a_past_year_and_a_drone_strike_hub_are_not_news() -> None:
    petition = (
        "The family of a man killed in a drone strike in 2010 filed a petition in the Peshawar "
        "High Court on June 4, reports The News."
    )
    hub = "Security forces on May 5 killed 12 militants in Datta Khel, the drone strike hub."
    assert _drone(petition) == [] and _drone(hub) == []


def test_one_month_of_strikes_carried_out_is_an_aggregate() -> None:
    text = (
        "During the month of March, US drones carried out five strikes in South Waziristan Agency, "
        "killing at least 30 suspected militants, according to officials. The latest of them hit a "
        "vehicle near Wana on March 28, killing three."
    )
    got = [(m.aggregate, m.killed_min, m.killed_max) for m in _drone(text)]
    assert got == [(True, 30, None), (False, 3, 3)]


def test_a_year_of_strikes_in_a_report_released_on_a_day_is_no_event() -> None:
    text = (
        "According to a report released by the Lahore-based Institute for Peace Studies on "
        "February 2, US drones carried out 61 strikes in the tribal areas during the previous "
        "year, killing 410 persons."
    )
    assert _drone(text) == []


def test_an_aside_in_brackets_between_number_and_victims() -> None:
    text = (
        "At least 12 Islamic State (IS, also called Daesh) fighters, including a local commander, "
        "were killed in a drone strike in the Deh Bala District of Nangarhar Province on March 9."
    )
    (m,) = _drone(text)
    assert (m.killed_min, m.killed_max) == (12, None)


def test_the_first_strike_told_in_the_clause_before_the_second_drone() -> None:
    text = (
        "Five militants were killed in the first strike in Marawara District on April 2, while "
        "three others died when a second drone hit a vehicle near Asadabad later that night."
    )
    got = [(m.killed_min, m.killed_max) for m in _drone(text)]
    assert got == [(5, 5), (3, 3)]


def test_a_list_of_victims_with_a_woman_and_her_children() -> None:
    text = (
        "Three suspected militants, a woman and her two daughters were killed when a US drone "
        "struck a house in the Mir Ali area of North Waziristan on May 5."
    )
    (m,) = _drone(text)
    assert (m.killed_min, m.killed_max) == (6, 6)


def test_a_toll_raised_by_bodies_found_later() -> None:
    text = (
        "Villagers pulled the bodies of three more militants from the rubble of a house in Datta "
        "Khel hit by a US drone, raising the death toll in the strike to nine, officials said on "
        "October 4. Six militants had been reported killed on the day of the strike."
    )
    (m,) = _drone(text)
    assert (m.killed_min, m.killed_max) == (9, 9)


def test_guards_who_died_with_him_count_with_him() -> None:
    text = (
        "A drone struck a car in Jilib on Monday, killing a senior al-Shabaab official; residents "
        "said three of his bodyguards died with him."
    )
    (m,) = _drone(text, dt.date(2019, 3, 6))
    assert (m.killed_min, m.killed_max) == (4, 4)


def test_an_unidentified_drone_keeps_its_owner_unknown() -> None:
    text = (
        "Drone strike kills three in Idlib\n"
        "An unidentified drone fired a missile at a motorcycle near Sarmada on Friday, killing three "
        "men. It was not clear who operated the drone. The US-led coalition has carried out drone "
        "strikes against jihadists in the province in the past."
    )
    (m,) = _drone(text, dt.date(2018, 3, 4))
    assert m.perpetrator is None


def test_the_owner_named_where_the_strikes_are_confirmed() -> None:
    text = (
        "Two drone strikes killed at least six suspected al-Shabaab fighters near Jilib on Tuesday "
        "and Wednesday, local officials said. The first strike hit a car, killing four; the second "
        "hit a house, killing two. U.S. Africa Command confirmed that it had carried out two "
        "airstrikes in the area this week."
    )
    got = {m.perpetrator for m in _drone(text, dt.date(2019, 8, 15))}
    assert got == {"US"}


def test_a_commander_and_another_fighter_are_two() -> None:
    text = (
        "An unidentified drone struck a pickup near Qaim overnight, killing a senior commander of "
        "the Kataib Hezbollah militia and another fighter, the group said."
    )
    (m,) = _drone(text, dt.date(2019, 8, 25))
    assert (m.killed_min, m.killed_max) == (2, 2)


def test_a_toll_as_high_as_is_a_maximum() -> None:
    text = (
        "A drone strike killed at least nine people at a market near Djibo on Friday, residents "
        "said. Others put the toll as high as 15."
    )
    (m,) = _drone(text, dt.date(2023, 4, 3))
    assert (m.killed_min, m.killed_max) == (9, 15)


def test_a_drone_made_in_one_state_and_flown_by_another() -> None:
    text = (
        "Ethiopian government forces used a Turkish-made Bayraktar TB2 drone to strike a truck "
        "near Alamata on Tuesday, killing four people, aid workers said."
    )
    (m,) = _drone(text, dt.date(2021, 11, 4))
    assert m.perpetrator == "ET"


def test_two_sides_drones_are_two_strikes() -> None:
    text = (
        "A Russian drone dropped an explosive on a car in Nikopol on Sunday, killing a man, the "
        "governor said. In Russia, the Kursk governor said on Sunday that a Ukrainian drone had "
        "struck a farm near the border, killing a woman."
    )
    got = [(m.perpetrator, m.killed_min) for m in _drone(text, dt.date(2023, 9, 4))]
    assert got == [("RU", 1), ("UA", 1)]


def test_a_remark_on_the_series_is_not_another_strike() -> None:
    text = (
        "A US drone fired two missiles at a house near Mir Ali on Friday, killing three suspected "
        "militants, officials said. It was the second drone strike in the agency within 24 hours. "
        "The Foreign Office in Islamabad condemned the strike."
    )
    got = [(m.district, m.killed_min) for m in _drone(text, dt.date(2013, 6, 8))]
    assert got == [("North Waziristan", 3)]


def test_a_strike_named_in_passing_then_told_in_full_is_one() -> None:
    text = (
        "A drone strike late Monday killed three suspected al-Qaida militants in Shabwa province, "
        "officials said, a day after another strike killed four or more in central Yemen. On "
        "Sunday, a drone hit a car near Rada'a in al-Bayda province, killing four or more of them."
    )
    got = [(m.date, m.district) for m in _drone(text, dt.date(2012, 4, 24))]
    assert got == [(dt.date(2012, 4, 23), "Shabwah"), (dt.date(2012, 4, 22), "Al Bayda")]


def test_a_strike_denied_for_another_cause_and_its_reports() -> None:
    text = (
        "Officials in Marib on Friday denied reports that a US drone had struck a car, saying the "
        "blast that killed three people was caused by a fuel tanker. Several websites had "
        "reported on Thursday that a drone had fired missiles at a car, killing everyone inside."
    )
    assert _drone(text, dt.date(2013, 8, 10)) == []


def test_a_strike_some_days_before_the_day_it_was_confirmed() -> None:
    text = (
        "Officials in Paktika on Tuesday confirmed that a drone strike two days earlier killed a "
        "Haqqani commander and three of his fighters in Barmal district. The strike came as "
        "foreign forces prepare to end their mission on December 31."
    )
    got = [(m.date, m.district, m.killed_min) for m in _drone(text, dt.date(2014, 11, 25))]
    assert got == [(dt.date(2014, 11, 23), "Paktika", 4)]


def test_a_town_as_a_bearing_gives_only_its_district() -> None:
    text = (
        "The drone fired two missiles at a compound in a village about 30 kilometres west of "
        "Miramshah on Wednesday, killing five suspected militants, officials said."
    )
    (m,) = _drone(text, dt.date(2014, 8, 21))
    assert (m.district, m.place) == ("North Waziristan", None)


def test_no_report_of_a_drone_strike_is_none() -> None:
    text = (
        "Residents said they saw American surveillance drones over Jaar for much of the day, but "
        "there was no report of a drone strike on Friday."
    )
    assert _drone(text, dt.date(2012, 6, 2)) == []


def test_group_initials_are_not_a_verb_and_a_leader_of_a_named_unit_with_his_men() -> None:
    members = "A second drone strike hit a motorcycle near Tabqa on Monday, killing two IS members."
    unit = (
        "A Turkish drone strike killed a commander of the Sinjar Resistance Units (YBS) and two of "
        "his companions near Sinune on Monday, local officials said."
    )
    assert [(m.killed_min, m.killed_max) for m in _drone(members, dt.date(2017, 6, 13))] == [(2, 2)]
    assert [(m.killed_min, m.killed_max) for m in _drone(unit, dt.date(2021, 8, 18))] == [(3, 3)]


def test_other_stories_headlines_and_comments_are_not_the_article() -> None:
    text = (
        "Jets pound militant hideouts in Tirah, 23 killed\n\n"
        "PESHAWAR: Pakistan Air Force jets pounded militant hideouts in the Tirah valley on "
        "Tuesday, killing at least 23 militants, officials said.\n\n"
        "Read more: Tirah, Khyber Agency, PAF\n\n"
        "RELATED STORIES\n"
        "US drone strike kills four in North Waziristan\n"
        "PHC hears petition against drone strikes\n\n"
        "Comments (2)\n"
        "Ahmad | 9 years ago\n"
        "A drone strike killed five people in my village last week.\n"
    )
    assert _drone(text) == []
    # the same headline in the article itself is a report
    assert len(_drone("US drone strike kills four in North Waziristan\n\nMore text follows.")) == 1


def test_a_strike_only_kept_as_an_option_is_hypothetical() -> None:
    text = ("Officials said that the option of a strike from a drone or a manned aircraft "
            "remained available if the commander could be located.")
    assert _drone(text) == []


def test_the_drone_of_the_strike_just_told_tells_it_again() -> None:
    text = (
        "MIRANSHAH - A US drone fired missiles at a militant hideout in the Shawal area of North "
        "Waziristan Agency on Saturday, killing between five and eight suspected militants, "
        "official sources said. According to sources, the drone fired two missiles at a compound "
        "in the Spalga village of Shawal, near the Afghan border."
    )
    [m] = _drone(text, dt.date(2012, 6, 24))
    assert (m.date, m.killed_min, m.killed_max) == (dt.date(2012, 6, 23), 5, 8)
    # "again" makes it another strike
    text2 = text.replace("the drone fired two missiles", "the drone fired again, two missiles")
    assert len(_drone(text2, dt.date(2012, 6, 24))) == 2


def test_names_of_days_and_peoples_are_not_dates_and_places() -> None:
    text = ("Ayman al-Zawahri, a plotter of the Sept. 11 attacks, was killed by a U.S. drone "
            "strike in Kabul on Sunday, officials said.")
    [m] = _drone(text, dt.date(2022, 8, 2))
    assert m.date == dt.date(2022, 7, 31)
    text = ("A US drone fired two missiles at a vehicle in the Khaisoor area of Mir Ali on "
            "November 19. Tribesmen said seven persons including two Afghans were killed.")
    [m] = _drone(text)
    assert (m.country, m.district) == ("PK", "North Waziristan")


def test_strikes_told_as_parts_of_a_days_strikes_take_its_day_and_their_own_place() -> None:
    text = ("US drones carried out three strikes in North Waziristan on Tuesday, killing 12 "
            "militants, officials said. In Datta Khel, a drone hit a house, killing five people. "
            "In Mir Ali, another drone struck a car, killing four.")
    got = [(m.date, m.place, m.killed_min) for m in _drone(text, dt.date(2012, 1, 11))]
    assert got == [(dt.date(2012, 1, 10), "Datta Khel", 5), (dt.date(2012, 1, 10), "Mir Ali", 4)]


def test_the_day_before_the_strike_told_and_him_and_one_of_his_guards() -> None:
    text = ("BARAWE, Somalia - A suspected US drone strike on Sunday evening targeted a car near the "
            "coastal town of Baraawe, killing him and one of his guards, residents said. The day "
            "before, a missile fired by a drone struck a house on the outskirts of Jilib, killing "
            "nearly a dozen fighters.")
    got = [(m.date, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2014, 1, 28))]
    assert got == [(dt.date(2014, 1, 26), 2, 2), (dt.date(2014, 1, 25), None, 12)]


def test_a_statement_naming_the_first_strikes_town_is_more_of_the_first_strike() -> None:
    text = ("US military drones conducted two strikes against Al-Shabaab targets in southern Somalia "
            "this week, local officials said on Wednesday. "
            "The first strike hit a militant checkpoint near Dinsoor town in Bay region on Monday "
            "night, killing at least six fighters. On Tuesday, another drone strike targeted a "
            "vehicle near Bardhere in Gedo region, killing two men. AFRICOM said in a statement "
            "that it had conducted an airstrike in the vicinity of Dinsoor on February 24, killing "
            "six terrorists, but did not comment on the Bardhere strike.")
    got = [(m.district, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2020, 2, 26))]
    assert got == [("Bay", 6, None), ("Gedo", 2, 2)]


def test_drones_shot_down_or_dropping_leaflets_did_not_strike() -> None:
    text = ("Russian air defence systems shot down five drones launched by militants at the Hmeimim "
            "air base on Saturday evening, the ministry said. \"There were no casualties or damage\", "
            "the spokesman said, adding that the drones had been launched from an area of Idlib "
            "province.")
    assert _drone(text, dt.date(2018, 8, 12)) == []
    text = ("An Israeli drone dropped leaflets over several villages in the northern countryside of "
            "Quneitra on Thursday, a local source said.")
    assert _drone(text, dt.date(2020, 1, 10)) == []


def test_a_strike_that_came_days_after_another_and_areas_owned_by_a_country() -> None:
    text = ("JILIB, Somalia - At least five fighters were killed on Sunday night when a US drone "
            "targeted a vehicle on the outskirts of Jilib. Sunday's strike came two days after "
            "another drone strike near Janaale in Lower Shabelle region killed two militants.")
    got = [m.date for m in _drone(text, dt.date(2020, 2, 25))]
    assert got == [dt.date(2020, 2, 23), dt.date(2020, 2, 21)]
    text = ("More than ten militants of the banned TTP, including a commander wanted for attacks in "
            "Khyber Agency, were killed in a drone strike in Afghanistan's Nangarhar province on Sunday.")
    [m] = _drone(text, dt.date(2017, 3, 27))
    assert (m.country, m.district, m.killed_min) == ("AF", "Nangarhar", 10)


def test_a_digest_that_lost_its_full_stops_is_split_where_sentences_began() -> None:
    text = ("At least 11 militants were killed in two drone strikes conducted by US forces in Paktia "
            "Province on September 6 reports Khaama Press The first strike in Zurmat District "
            "targeted a compound killing seven militants including a Haqqani Network commander "
            "The second strike hit a vehicle in Sayed Karam District later in the evening killing "
            "four militants The provincial Government spokesman said no civilians were harmed")
    got = sorted((m.killed_min, m.killed_max) for m in _drone(text) if not m.aggregate)
    assert got == [(4, 4), (7, 7)]
    from strikewatch.extract.text import split_sentences

    # a name with capitals inside is not cut ("International Security Assistance Force")
    names = ("killed in an air strike by an unmanned aerial vehicle of the International Security "
             "Assistance Force ISAF in Dangam District of Kunar Province on September 19 " * 3)
    assert all("Security Assistance" in s.text or "Security" not in s.text for s in split_sentences(names))


def test_a_missile_strike_whose_drones_are_named_as_behind_the_strikes() -> None:
    text = (
        "DERA ISMAIL KHAN, Pakistan (AP) — A suspected U.S. missile strike killed at least nine "
        "people in a village near the Afghan border on Sunday, intelligence officials said.\n\n"
        "Two intelligence officials said two missiles hit a house in Kalosha village, about 5 miles "
        "west of Wana, the main town in the South Waziristan tribal region.\n\n"
        "Local residents said 12 people were killed, including three women.\n\n"
        "A Pakistani army spokesman said he had no information about the strike.\n\n"
        "The U.S. rarely confirms such attacks, but its military and the CIA operate unmanned "
        "Predator drones armed with missiles over Afghanistan and are believed to be behind the "
        "strikes in Pakistan's border areas."
    )
    [m] = _drone(text, dt.date(2008, 11, 2))
    assert (m.date, m.district, m.killed_min, m.killed_max) == (dt.date(2008, 11, 2), "South Waziristan", 9, 12)


def test_news_placed_in_another_province_does_not_follow_up_a_strike() -> None:
    text = ("In a separate attack on Tuesday, a Turkish drone hit a house near the town of Arbat in "
            "Sulaimani province, officials said, adding that no one was hurt. Turkey's defence "
            "ministry said on Wednesday that four PKK militants had been neutralised in the "
            "Claw-Lock operation zone in Duhok province, without saying how.")
    [m] = _drone(text, dt.date(2022, 8, 17))
    assert (m.killed_min, m.killed_max) == (0, 0)


def test_the_drone_of_a_force_is_that_forces() -> None:
    text = ("Eight Taliban militants were killed in an air strike by an unmanned aerial vehicle of the "
            "International Security Assistance Force in Dangam District of Kunar Province on September 19.")
    [m] = _drone(text)
    assert (m.perpetrator, m.district) == ("NATO", "Kunar")


def test_a_lead_that_sums_up_strikes_told_one_by_one_is_their_aggregate() -> None:
    text = ("PESHAWAR: US drones fired missiles at militant hideouts in two of Pakistan's tribal "
            "regions on Thursday, killing at least 11 people, officials said.\n\n"
            "In the first attack, a drone fired two missiles at a compound in the remote Tirah valley "
            "of Khyber Agency, killing five militants.\n\n"
            "Hours later, another drone targeted a vehicle near the town of Sadda in the Kurram tribal "
            "district, killing at least six militants.\n\n"
            "U.S. officials rarely comment on the drone program, which rights groups say has killed "
            "dozens of civilians.")
    got = [(m.district, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2011, 10, 28))]
    assert got == [("Khyber", 5, 5), ("Kurram", 6, None)]


def test_missiles_from_a_drone_slammed_into_a_compound() -> None:
    text = ("DERA ISMAIL KHAN, Pakistan (AP) — Missiles fired from a suspected U.S. drone slammed into "
            "a compound near the Afghan border before dawn Friday, killing roughly 20 people, "
            "intelligence officials said.")
    [m] = _drone(text, dt.date(2008, 10, 18))
    assert (m.date, m.killed_min, m.killed_max) == (dt.date(2008, 10, 17), 20, 20)


def test_bodies_pulled_out_count_and_a_hospital_is_not_where_the_strike_was() -> None:
    text = ("In the first attack, missiles from a US drone hit a car near the town of Azzan in Shabwa "
            "province, killing five people, a local official said. Residents said four bodies were "
            "pulled from the wreckage.")
    [m] = _drone(text, dt.date(2012, 5, 16))
    assert (m.killed_min, m.killed_max) == (4, 5)
    text = ("MIRAMSHAH, Oct 18: The death toll in Saturday's US drone attack on a compound in Mir Ali "
            "rose to 11 on Monday after three of the injured succumbed to their wounds at a hospital "
            "in Bannu, officials said.")
    [m] = _drone(text, dt.date(2010, 10, 19))
    assert m.district == "North Waziristan"


def test_an_aggregate_told_part_by_part_gives_each_part_its_own_toll_and_the_place() -> None:
    text = ("Thirteen suspected militants were killed and nine others injured in two US drone attacks "
            "on Mana village in the Shawal tehsil of North Waziristan Agency on August 19, reports "
            "The News. The vehicles caught fire after being hit by the drones. The bodies of seven "
            "persons were recovered from the vehicles, a tribal elder said. In the second attack, six "
            "persons were killed and five others injured when a US drone hit a house in Mana village.")
    got = [(m.district, m.killed_min, m.killed_max) for m in _drone(text) if not m.aggregate]
    assert got == [("North Waziristan", 7, 7), ("North Waziristan", 6, 6)]


def test_the_latest_in_a_series_is_one_strike_and_keep_reading_lists_are_furniture() -> None:
    text = ("Suspected US drone kills 3 al-Qaida militants in Yemen\n\n"
            "SANAA, Yemen (AP) — A suspected U.S. drone strike killed three alleged al-Qaida militants "
            "late Saturday in central Yemen, security officials said Monday, the latest in a series of "
            "attacks targeting the terror network's Yemeni branch.\n\n"
            "Keep reading\n"
            "US drone kills AQAP suspects in Hadramout\n"
            "Yemen's parliament to debate ban on drones\n")
    got = [(m.date, m.killed_min, m.aggregate) for m in _drone(text, dt.date(2012, 6, 4))]
    assert got == [(dt.date(2012, 6, 2), 3, False)]


def test_talk_of_what_usually_happens_and_two_districts_named_together() -> None:
    text = ("Every few weeks, a short news item appears on the inside pages of our newspapers. A drone, "
            "it says, fired missiles at a house or a vehicle somewhere in North or South Waziristan, "
            "killing a number of suspected militants.")
    assert _drone(text, dt.date(2013, 11, 28)) == []
    text = ("January's two drone strikes killed nearly a dozen militants, including a senior TTP "
            "commander who had been linked to attacks on security forces in Bannu and Dera Ismail Khan.")
    [m] = _drone(text)
    assert (m.aggregate, m.district, m.killed_max) == (True, None, 12)


def test_a_dateline_run_into_the_first_sentence_is_its_own() -> None:
    from strikewatch.extract.text import split_sentences

    text = ("Drone strikes, shelling kill three in Idlib: monitor Idlib Saturday 14 October 2023 A "
            "Russian drone struck a motorcycle near Jisr al-Shughur on Friday killing two men the "
            "Observatory said. Earlier on Friday a drone launched by government forces hit a car on "
            "the road to Sarmin killing a civilian.")
    first = split_sentences(text)[0].text
    assert first.endswith("14 October 2023")
    got = [(m.date, m.killed_min, m.killed_max, m.aggregate) for m in _drone(text, dt.date(2023, 10, 14))]
    assert (dt.date(2023, 10, 13), 2, 2, False) in got
    assert [s.text[:12] for s in split_sentences("Published June 4 2016 A Russian airstrike on Aleppo killed "
                                                 "eight civilians on Saturday.")] == ["Published Ju", "A Russian ai"]
    # a date inside a sentence's story is no dateline
    assert len(split_sentences("Militants attacked on June 4 2016 Pakistani officials said, killing two.")) == 1


def test_a_relative_and_four_others_and_the_cia_with_stops() -> None:
    text = ("A petition was filed by Gul Nawaz, whose brother and four other relatives were killed "
            "when a US drone fired missiles at their house on October 30, 2012.")
    [m] = _drone(text, dt.date(2013, 5, 10))
    assert (m.killed_min, m.killed_max) == (5, 5)
    text = "Missiles fired by C.I.A.-operated drones struck a house in Mir Ali on Tuesday, killing five people."
    [m] = _drone(text, dt.date(2010, 3, 24))
    assert m.perpetrator == "US"


def test_a_headline_rounds_the_toll_the_story_hedges() -> None:
    text = ("U.S. drone strike kills 10 in Pakistan's Kurram region\n"
            "ISLAMABAD, Aug. 20 (Xinhua) -- As many as ten people were killed when a U.S. drone fired "
            "missiles at a vehicle in Pakistan's northwest Kurram tribal region on Monday morning, "
            "local media reported.")
    [m] = _drone(text, dt.date(2012, 8, 20))
    assert (m.killed_min, m.killed_max) == (None, 10)
    text = ("Meanwhile, a Russian drone targeted a motorbike in Jabal al-Zawiya yesterday, killing a man "
            "and his son who were working in their olive grove.")
    [m] = _drone(text, dt.date(2020, 8, 21))
    assert (m.killed_min, m.killed_max) == (2, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In another drone strike by NATO-led Resolute Support forces on Thursday, as many as seven "
         "Taliban insurgents were killed in Nad Ali district of Helmand.", "NATO"),
        ("Russia attacked Kyiv with Iranian-made drones early on Oct. 17, killing four people when one "
         "of the drones hit a residential building, the mayor said.", "RU"),
        # who sold the drones is not who flew them
        ("A drone strike on a camp in Dedebit killed 56 people late on Friday. The Ethiopian military, "
         "which has acquired drones from Turkey, Iran and the United Arab Emirates, has carried out "
         "a string of air strikes in Tigray.", None),
    ],
)
def test_who_flew_the_drone(text: str, expected: str | None) -> None:
    assert _drone(text, dt.date(2022, 1, 8))[0].perpetrator == expected


def test_the_blast_of_the_strike_does_not_change_the_storys_weapon() -> None:
    text = ("Bibi Zarmina was gathering vegetables in her fields in Tappi village, near Miranshah in "
            "North Waziristan, when she was killed by a US drone strike on 7 September 2012. Her "
            "grandchildren were thrown to the ground by the blast. Less than three months earlier, on "
            "2 July 2012, labourers had gathered in a tent near the village of Zowi Sidgi when "
            "missiles struck the tent. The first missiles killed eight men.")
    got = [(m.date, m.killed_min) for m in _drone(text, dt.date(2013, 10, 22))]
    assert got == [(dt.date(2012, 9, 7), 1), (dt.date(2012, 7, 2), 8)]


def test_the_first_of_three_strikes_is_one_strike() -> None:
    text = "In the first of 3 strikes, a US drone hit vehicles in Sandana, killing 7 people and injuring 11."
    [m] = _drone(text)
    assert (m.aggregate, m.killed_min, m.killed_max) == (False, 7, 7)


@pytest.mark.parametrize(
    ("text", "strikes"),
    [
        # the army's operation after "Elsewhere" is another story than the drone strike before it
        ("An unmanned aircraft fired two missiles at a house in the Mishti Mela area of Orakzai Agency "
         "on March 3, killing four persons. Elsewhere, the Pakistan Army claimed to have killed 12 "
         "militants during a search and strike operation in the Tirah valley.", 1),
        # drones repelled, then told again as "the home-made drones"
        ("Russia's defence ministry said its forces had repelled an attack by 13 drones on its Hmeimim "
         "air base late on Saturday. Seven of the drones were shot down. The ministry said the "
         "home-made drones carried explosive devices and had been launched from Idlib province.", 0),
        # a drone destroyed on the ground was the target
        ("The coalition said its aircraft had also destroyed a Houthi drone on the ground at Sanaa "
         "airport.", 0),
    ],
)
def test_drone_strikes_told_in(text: str, strikes: int) -> None:
    assert len(_drone(text, dt.date(2018, 1, 9))) == strikes


def test_a_nisba_is_a_name_not_a_state() -> None:
    text = ("A US drone strike killed al Qaeda operative Abdullah Azzam al Saudi and up to five others "
            "in North Waziristan on Tuesday.")
    [m] = _drone(text, dt.date(2009, 6, 10))
    assert m.perpetrator == "US"
    text = "A drone killed Abdullah Azzam al Saudi and up to five others in North Waziristan on Tuesday."
    [m] = _drone(text, dt.date(2009, 6, 10))
    assert m.perpetrator is None


def test_a_missile_strike_the_next_sentence_tells_with_its_drone() -> None:
    text = ("DERA ISMAIL KHAN, Pakistan (AP) — A suspected U.S. missile strike killed at least six people "
            "at a house near the main town of South Waziristan on Monday, intelligence officials said. "
            "Two officials said a drone fired two missiles at the house in the village of Karikot near "
            "Wana. Residents said as many as 10 people died.")
    [m] = _drone(text, dt.date(2008, 10, 27))
    assert (m.date, m.killed_min, m.killed_max, m.district) == (dt.date(2008, 10, 27), 6, 10, "South Waziristan")


def test_a_days_air_operations_and_a_named_man_with_his_driver() -> None:
    text = ("A Turkish armed drone struck a position of the YPG near the village of Jandairis on "
            "Wednesday, killing five fighters, the Syrian Observatory said. Turkey's military said 23 "
            "terrorists had been neutralised in air operations on Wednesday, without saying how many "
            "were killed by drones and how many by jets.")
    [m] = _drone(text, dt.date(2018, 2, 1))
    assert (m.killed_min, m.killed_max) == (5, 5)
    text = ("A US drone strike hit a car on a road near Ahmad Wal in Nushki district on Saturday, "
            "killing Mansour and the driver, Pakistani officials said.")
    [m] = _drone(text, dt.date(2016, 5, 24))
    assert (m.killed_min, m.killed_max) == (2, 2)


def test_a_months_strikes_in_may_and_the_strike_that_took_place_days_earlier() -> None:
    text = ("US drone strikes in North Waziristan Agency during the month of May killed nearly 40 "
            "militants, reports The News on June 2. Meanwhile, a drone fired two missiles at a house in "
            "Tappi village near Miranshah on June 1, killing three militants.")
    got = sorted((m.aggregate, m.killed_min, m.killed_max) for m in _drone(text))
    assert got == [(False, 3, 3), (True, None, 40)]
    text = ("TTP commander Qari Gul Rehman Mohmand was killed in a drone strike in Kunar Province of "
            "Afghanistan, reports The Express Tribune on May 19. The sources said the strike took place "
            "in Dangam District two days earlier.")
    assert len(_drone(text)) == 1


def test_the_same_province_and_another_events_place_after_a_day_after() -> None:
    text = ("ADEN, April 22, 2012 (AFP) - A suspected US drone strike killed a local al-Qaeda leader and "
            "two of his companions in Yemen's southern province of Shabwa late Saturday, tribal sources "
            "said. A similar strike in the same province on April 14 killed four suspected militants, "
            "according to local officials.")
    got = [(m.date, m.district) for m in _drone(text, dt.date(2012, 4, 22))]
    assert got == [(dt.date(2012, 4, 21), "Shabwah"), (dt.date(2012, 4, 14), "Shabwah")]
    text = ("The U.S. military said Saturday it had killed two members of the Islamic State group in a "
            "drone strike in Nangarhar province, a day after President Joe Biden vowed to hunt down those "
            "behind the suicide bombing at Kabul's airport.")
    [m] = _drone(text, dt.date(2021, 8, 28))
    assert m.district == "Nangarhar"


def test_the_strike_came_a_day_after_a_drone_attack() -> None:
    text = ("SANAA, Yemen (AP) — A U.S. drone strike late Friday killed at least seven al-Qaida militants "
            "in Yemen's Shabwa province, officials said Saturday. The strike came a day after a drone "
            "attack near the town of Jaar in Abyan province killed three suspected militants.")
    got = [(m.date, m.district) for m in _drone(text, dt.date(2011, 10, 15))]
    assert got == [(dt.date(2011, 10, 14), "Shabwah"), (dt.date(2011, 10, 13), "Abyan")]


def test_a_tehsil_is_pakistani_and_a_second_strike_in_another_country_is_not_placed_by_the_first() -> None:
    text = ("At least six persons were killed when a US drone fired three missiles at a seminary in the "
            "Ganjano Kallay area of Tall tehsil in Hangu District of KP on November 21, reports Dawn.")
    [m] = _drone(text)
    assert (m.country, m.district) == ("PK", "Hangu")
    text = ("Turkish armed drones neutralized five terrorists in two separate operations in northern Syria "
            "and northern Iraq, security sources said on Tuesday. Three terrorists were neutralized late "
            "Monday when an armed unmanned aerial vehicle hit their vehicle on a road west of Ayn al-Arab, "
            "the sources said. In the second operation, also on Monday, a drone strike in the Zozik region "
            "of northern Iraq neutralized two terrorists, according to the sources.")
    got = [(m.country, m.district) for m in _drone(text, dt.date(2021, 6, 15)) if not m.aggregate]
    assert got == [("SY", "Aleppo"), ("IQ", None)]


def test_the_day_of_the_strike_said_and_the_day_of_the_saying() -> None:
    text = ("BEIRUT - A senior al Qaeda leader was killed in a drone strike in northwestern Syria, a "
            "monitoring group said on Monday. The Observatory said the strike on Sunday hit a car near "
            "the village of al-Mastouma in Idlib province, killing two people.")
    [m] = _drone(text, dt.date(2017, 2, 27))
    assert (m.date, m.killed_min) == (dt.date(2017, 2, 26), 2)
    text = ("SANAA - Suspected US drone strikes killed six suspects in two separate attacks over the "
            "weekend, sources said on Monday.\n\nLate on Sunday, a drone fired two missiles at a vehicle "
            "in the Wadi Abida area of Marib province, killing three militants, an official said.\n\n"
            "On Saturday, another suspected US drone attack hit a car in Al-Bayda province, killing "
            "three suspects, a tribal source said.")
    got = sorted(m.date for m in _drone(text, dt.date(2013, 1, 21)) if not m.aggregate and m.date)
    assert got == [dt.date(2013, 1, 19), dt.date(2013, 1, 20)]


@pytest.mark.parametrize(
    "text",
    [
        # what drones have done over years, counted from a campaign's start
        "UNITED NATIONS - U.S. drone strikes in Pakistan have killed at least 400 civilians, a U.N. "
        "investigator said in a report released on Friday. U.S. drones have killed at least 400 "
        "civilians in Pakistan, he said.",
        "The US-led coalition said on Thursday that its air and drone strikes in Iraq and Syria had "
        "killed at least 1,139 civilians since the campaign began in August 2014.",
        # what a state has been doing with its drones
        "Turkey has deployed armed drones in large numbers over Idlib since it launched an offensive "
        "after 34 of its soldiers were killed in an air strike last week.",
        # a rule about counting the dead, not a strike
        "WASHINGTON - President Obama signed an executive order Friday requiring the government to "
        "publish each year how many civilians and combatants were killed in U.S. drone strikes.",
        # what drones have been doing, and a study's count between two years
        "ISLAMABAD - In recent months, suspected US drones have fired missiles at compounds in North and "
        "South Waziristan on several occasions, drawing protests from Islamabad.",
        "LONDON - The report says that between June 2004 and mid-September 2012, drone strikes killed "
        "between 2,562 and 3,325 people in Pakistan.",
        # rhetoric, and an air attack of another year in a story of drone protests
        "ISLAMABAD - 'Thousands of innocent people have been killed by American drones,' he said. The "
        "government reopened the supply routes on July 3 after the US apologised for the November 2011 "
        "Salala incident, in which 24 Pakistani soldiers were killed in a NATO air attack.",
        # drones that never landed: foiled, downed, shot down after launch
        "ERBIL - A drone attack targeting Erbil International Airport, which hosts US-led coalition forces, "
        "was foiled late on Friday, a security source said.",
        "24 August 2019 Army air defense units downed drones launched by terrorists towards Hmeimim, a "
        "military source said.",
        # a drone and quadcopters kept watch; the men died when the house was blown up
        "Three militants were killed in an encounter at Zainapora on April 27 The forces used a drone and "
        "quadcopters to keep a watch on the house through the night and the militants were killed after the "
        "house was blown up on April 28 morning a Police spokesman said",
        "It is the latest attack on bases hosting US forces since Wednesday, when two drones were launched at "
        "Ain al-Asad. US officials said one drone was destroyed and the second was shot down before reaching "
        "the base.",
    ],
)
def test_drone_talk_that_reports_no_strike(text: str) -> None:
    assert _drone(text, dt.date(2016, 7, 1)) == []


def test_the_parts_of_a_series_told_without_their_weapon() -> None:
    text = ("LANDI KOTAL: US drones carried out three attacks in the Tirah valley of Khyber Agency on "
            "Friday, killing as many as 54 people, officials said.\n\n"
            "The first attack took place in the morning in Sandana village, where a drone fired two "
            "missiles at two vehicles. Seven people were killed, a tribal elder said.\n\n"
            "About two hours later, a compound in the Nakai area was hit. An official said 15 militants "
            "were killed there, most of them members of the Swat Taliban who had moved to Tirah after the "
            "military operation in Malakand division. Residents, however, said they had counted 11 bodies "
            "and that some of the dead were local people who had rented rooms in the compound.\n\n"
            "The deadliest of the three attacks came in the afternoon in Speen Drang, where missiles "
            "destroyed three houses. Thirty-two bodies have been recovered, the official said. A "
            "spokesman for the group headed by Mangal Bagh denied that its commanders had been killed.")
    got = [(m.date, m.district, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2010, 12, 18))
           if not m.aggregate]
    day = dt.date(2010, 12, 17)
    assert got == [(day, "Khyber", 7, 7), (day, "Khyber", 11, 15), (day, "Khyber", 32, 32)]


def test_named_victims_with_asides_and_the_strike_a_day_before() -> None:
    text = ("ERBIL - A Turkish drone struck a hospital in Sinjar on Tuesday, killing eight people, a day "
            "after another Turkish drone strike killed a senior commander of a Yazidi armed group and his "
            "nephew, local officials said.\n\nThe strike hit a small hospital in the village of Sikeniye. "
            "The Nineveh health directorate put the number of dead at four.\n\n"
            "On Monday, a Turkish drone targeted a vehicle near Sinune, north of Sinjar, killing Said "
            "Hassan, a senior commander of the YBS, and his nephew, who was driving the car.")
    got = sorted((m.date, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2021, 8, 18)))
    assert got == [(dt.date(2021, 8, 16), 2, 2), (dt.date(2021, 8, 17), 4, 8)]
    text = ("MOGADISHU - A drone fired two missiles at a vehicle near the coastal town of Barawe on Sunday "
            "afternoon, killing Sahal Iskudhuq, a senior al-Shabab commander in charge of the group's "
            "intelligence wing, along with another militant traveling with him. A local elder said four "
            "people were killed.")
    [m] = _drone(text, dt.date(2014, 1, 27))
    assert (m.killed_min, m.killed_max) == (2, 4)


def test_a_country_that_owns_a_province_with_an_adjective_between() -> None:
    text = ("ISLAMABAD - TTP chief Mullah Fazlullah, the man behind the 2014 school massacre in Peshawar, "
            "has been killed in a US drone strike in Afghanistan's eastern Kunar province, officials "
            "confirmed on Friday.")
    [m] = _drone(text, dt.date(2018, 6, 16))
    assert (m.country, m.district) == ("AF", "Kunar")


def test_an_attack_named_by_its_target_is_not_the_strike_told_again() -> None:
    text = ("CIA drones fired six missiles at a compound in Dande Darpa Khel, killing between six and 10 "
            "people, officials said on Thursday.\n\nA security official said the strikes had been "
            "approved by the military, which has been under pressure to respond to the airport attack.\n\n"
            "Ten militants stormed the Jinnah international airport late on Sunday, setting off a "
            "night-long gun battle. Thirty-six people, including all 10 attackers, were killed.")
    [m] = _drone(text, dt.date(2014, 6, 12))
    assert (m.killed_min, m.killed_max) == (6, 10)


def test_a_strike_during_the_fighting_told_before_is_of_its_day() -> None:
    text = ("Published December 14 2016 Free Syrian Army fighters backed by the Turkish army captured two "
            "villages west of al-Bab on Tuesday, security sources said. During the fighting a Turkish armed "
            "drone hit a bomb-laden vehicle, killing the four terrorists inside it, the sources said.")
    [m] = _drone(text, dt.date(2016, 12, 14))
    assert (m.date, m.killed_min, m.perpetrator) == (dt.date(2016, 12, 13), 4, "TR")


def test_a_later_strike_the_same_day_and_a_war_s_running_count() -> None:
    text = ("QAMISHLI - A Turkish drone struck a car between Qamishli and Amuda on Tuesday, killing three "
            "members of the SDF, the group said.\n\nLater on Tuesday, a drone hit a checkpoint of the "
            "Asayish on the outskirts of Derik near the Iraqi border, killing two of its members.")
    got = sorted((m.killed_min, m.killed_max) for m in _drone(text, dt.date(2022, 11, 23)))
    assert got == [(2, 2), (3, 3)]
    text = ("BEIRUT - On Sunday morning, an Israeli drone strike hit a motorcycle near Bint Jbeil, wounding "
            "two people, the NNA said.\n\nThe violence has killed more than 80 people on the Lebanese side, "
            "according to an AFP tally. On the Israeli side, seven soldiers and two civilians have been "
            "killed, according to the army.")
    [m] = _drone(text, dt.date(2023, 11, 12))
    assert (m.killed_min, m.killed_max, m.injured_min) == (0, 0, 2)  # the war's count is not its toll


def test_plaintiffs_whose_relatives_were_killed_are_not_the_dead() -> None:
    text = ("MUENSTER, Germany, March 19 (Reuters) - A German court ruled on Tuesday on the use of Ramstein "
            "for drone strikes in Yemen, in a case brought by three Yemenis whose relatives were killed in "
            "a 2012 drone strike.")
    assert _drone(text, dt.date(2019, 3, 19)) == []


def test_a_lead_of_missile_strikes_dates_the_drone_strikes_told_after_it() -> None:
    text = ("ISLAMABAD (AP) - Suspected U.S. missile strikes hit the same stretch of North Waziristan three "
            "times on Wednesday, killing 20 alleged militants, intelligence officials said.\n\n"
            "The first strike came shortly after dawn, when a drone fired at least two missiles into a house "
            "in Dande Darpa Khel. Ten people were killed, two officials said.\n\n"
            "Roughly two hours later, a drone attacked a vehicle near Amber Shaga village, killing all four "
            "people inside, the officials said.\n\n"
            "In the third attack, in the afternoon, missiles slammed into another compound in Dande Darpa "
            "Khel, killing six people.")
    got = [(m.date, m.killed_min) for m in _drone(text, dt.date(2010, 9, 8)) if not m.aggregate]
    day = dt.date(2010, 9, 8)
    assert got == [(day, 10), (day, 4), (day, 6)]


def test_a_strike_without_a_place_lies_in_the_country_just_named() -> None:
    text = ("ERBIL - Turkish drones struck the Makhmour camp on Saturday, killing three civilians.\n\n"
            "It was the second Turkish drone strike in the Qamishli area in a week. On Tuesday, a drone "
            "struck near the village of Tal Zahab, wounding a member of the SDF, according to local media.")
    got = {m.date: m.country for m in _drone(text, dt.date(2021, 6, 6))}
    assert got[dt.date(2021, 6, 1)] == "SY"


def test_a_strike_a_day_after_another_drone_strike_keeps_its_own_toll() -> None:
    text = ("SULAIMANI - A drone struck the small Arbat airport on Monday, killing three members of the "
            "Counter-Terrorism Department and wounding three others, security officials said, a day after a "
            "Turkish drone strike killed two people in the Sidakan area.")
    got = sorted((m.killed_min, m.killed_max) for m in _drone(text, dt.date(2023, 9, 18)))
    assert got == [(2, 2), (3, 3)]


def test_libya_s_two_sides_fly_drones_of_their_own() -> None:
    text = ("TRIPOLI - At least 42 people were killed when a drone belonging to the forces of Khalifa Haftar "
            "struck a gathering in the southern town of Murzuq on Sunday, the municipal council said.\n\n"
            "The Murzuq attack came a day after a drone of the internationally recognised Government of "
            "National Accord (GNA) hit an LNA position at the Jufra air base, killing four LNA soldiers.")
    got = sorted((m.killed_min, m.perpetrator) for m in _drone(text, dt.date(2019, 8, 5)))
    assert got == [(4, "GNA"), (42, "LNA")]


def test_a_strike_that_missed_and_the_aircraft_that_struck_again() -> None:
    text = ("SANAA - On Saturday evening, a drone fired two missiles at a car in Wadi Abida but missed, the "
            "missiles landing in a nearby orchard, witnesses said. Nobody was hurt.\n\n"
            "About two hours later, the aircraft struck again, killing four men who had been sitting in a "
            "parked car near a farm, according to a local official.")
    got = sorted((m.killed_min, m.killed_max) for m in _drone(text, dt.date(2013, 1, 21)))
    assert got == [(0, 0), (4, 4)]


def test_drones_that_struck_again_and_a_strike_told_twice() -> None:
    text = ("At least five suspected militants were killed when a US drone fired two missiles at a vehicle in "
            "Khardand area of Kurram Agency on June 20, reports Daily Times. As tribesmen rushed to the site "
            "to pull the bodies out of the burning vehicle, drones struck again, killing two more persons.")
    got = sorted((m.killed_min, m.killed_max) for m in _drone(text))
    assert got == [(2, 2), (5, None)]
    text = ("ANCHOR: A U.S. drone strike this morning local time killed roughly ten people in North "
            "Waziristan.\n\nQADEER: Late last night, there was another strike near Miranshah. Officials told "
            "us four people were killed in that attack. And then this morning, drones struck again in the "
            "same village, Dande Darpa Khel, and officials are now saying roughly ten people were killed.")
    got = [(m.killed_min, m.killed_max) for m in _drone(text, dt.date(2014, 6, 12))]
    assert len(got) == 2 and got.count((10, 10)) == 1  # this morning's strike once, last night's apart


def test_a_weaponless_strike_of_another_month_in_a_drone_story_is_not_one_of_its_drone_strikes() -> None:
    text = ("IDLIB - A drone strike killed two commanders of Hurras al-Din on a road west of Idlib city late on "
            "Sunday, the Observatory said.\n\nWashington has repeatedly targeted the group's leaders. Last "
            "August the US military said it had struck a meeting of Al-Qaeda leaders north of Idlib city, an "
            "attack the Observatory said killed more than 40 people.")
    got = [(m.date, m.killed_min) for m in _drone(text, dt.date(2020, 6, 15))]
    assert got == [(dt.date(2020, 6, 14), 2)]


def test_a_strike_that_only_wounded_killed_nobody() -> None:
    text = ("BEIRUT - On Sunday morning, an Israeli drone strike hit a motorcycle near Bint Jbeil, wounding two "
            "people, the NNA said.")
    [m] = _drone(text, dt.date(2023, 11, 12))
    assert (m.killed_min, m.killed_max, m.injured_min) == (0, 0, 2)
    assert m.evidence_for("killed") is not None


def test_a_headline_said_again_at_the_head_of_the_story_is_its_own() -> None:
    from strikewatch.extract.text import split_sentences

    text = ("Turkish drones hit Kurdish-held northeast Syria as Ankara weighs ground assault\n"
            "Thursday 24 Nov 2022 Turkish drones hit Kurdish-held northeast Syria as Ankara weighs ground "
            "assault Reuters Turkish drones struck several targets overnight, killing at least three people.")
    got = [s.text for s in split_sentences(text)]
    assert got[-1].startswith("Reuters Turkish drones struck") and got[-2].endswith("ground assault")


def test_where_a_commander_brought_fighters_from_is_not_where_the_strike_was() -> None:
    text = ("KABUL (AFP) - Two strikes by NATO drones killed nine insurgents in the eastern Afghan province of "
            "Paktika, officials said Tuesday.\n\nThe first strike hit a compound in Zerok district on Monday "
            "morning, killing five insurgents including Haji Nur Ahmad, a Haqqani commander who organised the "
            "movement of fighters and weapons from Pakistan's North Waziristan tribal district, ISAF said.")
    got = [(m.country, m.district) for m in _drone(text, dt.date(2011, 8, 23)) if not m.aggregate]
    assert [c for c, _ in got] == ["AF"] and got[0][1] != "North Waziristan"


def test_a_ground_operation_told_after_a_strike_keeps_its_own_toll() -> None:
    text = ("KABUL - A U.S. remotely piloted aircraft struck ISIS-K fighters in Deh Bala district of Nangarhar "
            "on Oct. 19, killing four, the command said.\n\nAfghan commandos, supported by U.S. advisers, killed "
            "23 ISIS-K fighters in an operation in Achin's Pekha valley Oct. 14-15, according to the ministry.")
    [m] = _drone(text, dt.date(2018, 10, 20))
    assert (m.killed_min, m.killed_max) == (4, 4)


def test_a_commander_who_organised_raids_did_no_raid_that_day() -> None:
    text = ("ASADABAD - The first strike took place on Thursday night in the Shigal district, when an unmanned "
            "aircraft fired on a house. He said eight insurgents were killed, among them a commander who had "
            "been organising cross-border raids into Pakistan.")
    [m] = _drone(text, dt.date(2013, 5, 18))
    assert (m.district, m.killed_min) == ("Kunar", 8)


def test_the_place_of_an_event_of_another_year_names_a_man_not_the_strike() -> None:
    text = ("KABUL - The mastermind of the 2014 attack on the Army Public School in Peshawar, Umar Mansoor, has "
            "been killed in a drone strike in eastern Nangarhar province of Afghanistan on Saturday, officials "
            "said Wednesday.")
    [m] = _drone(text, dt.date(2016, 7, 13))
    assert (m.country, m.district) == ("AF", "Nangarhar")


def test_a_missile_attack_whose_drone_is_named_later_and_a_day_in_the_strike_s_own_clause() -> None:
    text = ("HANGU, April 1: At least 12 people were killed and several others injured when missiles struck a "
            "house in Khadezai village of Lower Orakzai Agency on Wednesday.\n\nSecurity officials later said "
            "that the missiles had been fired by a US drone, in what was the first such attack in Orakzai.")
    [m] = _drone(text, dt.date(2009, 4, 2))
    assert (m.date, m.district, m.perpetrator) == (dt.date(2009, 4, 1), "Orakzai", "US")
    text = ("MIRAMSHAH, July 10: A US drone strike on a compound in Datta Khel tehsil killed six suspected "
            "militants on Thursday, security officials said. The strike was the third by a US drone in North "
            "Waziristan since the army began its ground and air offensive on June 15.")
    [m] = _drone(text, dt.date(2014, 7, 11))
    assert m.date == dt.date(2014, 7, 10)


def test_it_was_a_rare_drone_attack_tells_the_strike_again() -> None:
    text = ("LANDI KOTAL: At least five people were killed when a US drone fired two missiles at a house in "
            "Tirah valley in Khyber Agency on Saturday, officials said.\n\nIt was a rare drone attack in Khyber "
            "Agency, where most military action has been carried out by Pakistani security forces.")
    assert len(_drone(text, dt.date(2010, 5, 16))) == 1


def test_what_a_strike_came_a_day_after_keeps_its_own_toll() -> None:
    text = ("SANAA, Aug 9 (Reuters) - A suspected U.S. drone strike on a house in Yemen's central Marib province "
            "killed three suspected al Qaeda militants on Saturday, residents said, a day after the group's "
            "fighters killed 14 soldiers they had pulled off a bus in the southeast.")
    [m] = _drone(text, dt.date(2014, 8, 9))
    assert (m.killed_min, m.killed_max) == (3, 3)
    text = ("SANAA - A suspected U.S. drone strike killed three al-Qaida militants in Bayda's Rada'a district on "
            "Sunday, officials said.\n\nOn Saturday, the Houthis said their fighters had killed seven al-Qaida "
            "militants in fighting in Qaifa, a claim that could not be verified.")
    [m] = _drone(text, dt.date(2017, 11, 27))
    assert (m.killed_min, m.killed_max) == (3, 3)


def test_a_headline_and_an_earlier_attack_of_another_year() -> None:
    text = ("Drone strike near Bannu kills up to five\n\nBANNU: A missile fired by a suspected US drone hit a house "
            "in Janikhel area of the Frontier Region Bannu on Sunday evening, killing between two and five "
            "people, officials and residents said.\n\nIt was the second drone attack in the Bannu region. The "
            "November 19 attack, also on a house in Jani Khel, killed five people and was the first missile "
            "strike outside the tribal agencies.")
    got = sorted((str(m.date), m.killed_min, m.killed_max) for m in _drone(text, dt.date(2009, 3, 16)))
    assert got[0][0] == "2008-11-19" and got[1] == ("2009-03-15", 2, 5) and len(got) == 2


def test_where_the_paper_quotes_its_sources_and_men_who_crossed_over() -> None:
    text = ("Two militants of the Lashkar-e-Islam were killed in a US drone strike in the Kot District of "
            "Afghanistan's Nangarhar Province on March 3, reports Dawn quoting sources in Khyber Agency. The "
            "sources said the drone fired a missile at a house where the men were staying.")
    [m] = _drone(text, dt.date(2016, 3, 4))
    assert (m.district, m.killed_min) == ("Nangarhar", 2)
    text = ("At least two persons were killed when a US drone fired missiles at a car in the Barmal District of "
            "Afghanistan's Paktika Province on May 5, reports Dawn. Sources in Wana said the dead were "
            "fighters who had crossed over from South Waziristan a day earlier. An Afghan official, however, "
            "said that five militants had been killed.")
    [m] = _drone(text, dt.date(2016, 5, 6))
    assert (m.killed_min, m.killed_max) == (2, 5)


def test_a_toll_raised_by_officials_who_sit_in_another_district() -> None:
    text = ("At least three persons were killed when a US drone fired missiles at a house near Miranshah in North "
            "Waziristan Agency on April 2, reports Dawn. Security officials in Peshawar, however, later put the "
            "death toll at six, while two other persons were injured.")
    [m] = _drone(text, dt.date(2013, 4, 3))
    assert (m.killed_min, m.killed_max, m.district) == (3, 6, "North Waziristan")


def test_a_strike_the_sentence_does_not_place_lies_where_the_story_is_set() -> None:
    text = ("Fear and order in al-Qaeda's Zinjibar\n\nBy a correspondent, Tuesday 8 March 2011\n\n"
            "Militants have run Zinjibar for two months. In Zinjibar the market is open again and in Zinjibar "
            "the courts sit daily.\n\nOn Sunday night a US drone fired a missile at a pick-up on the road "
            "south of the town, killing three men, residents said.")
    [m] = _drone(text, dt.date(2011, 3, 8))
    assert (m.district, m.killed_min) == ("Abyan", 3)
    # a strike told in passing, with neither day nor place, is not placed by the story
    text = ("Papers found in the house in Abbottabad show the leader had stepped back. In Abbottabad the "
            "compound has since been razed. One note asks who should replace a deputy killed in a drone strike.")
    assert all(m.district is None for m in _drone(text, dt.date(2011, 12, 8)))


def test_a_day_set_in_its_own_sentence_and_a_strike_after_sunset() -> None:
    text = ("US drones struck villages near Datta Khel at least four times this month, residents say.\n\nThe first attack came shortly after sunset on "
            "4 June. Missiles slammed into a compound near Datta Khel, killing six people.\n\nOn Friday the "
            "pattern repeated itself. In the morning, two missiles struck a car near Mir Ali, killing two people.")
    got = sorted((str(m.date), m.killed_min) for m in _drone(text, dt.date(2011, 6, 12)))
    assert got == [("2011-06-04", 6), ("2011-06-10", 2)]


def test_what_the_attacks_come_a_day_after_is_a_strike_of_the_day_before() -> None:
    text = ("SANAA, June 5 (AFP) - Two drone strikes killed eight suspected militants in Yemen on Wednesday, "
            "officials said.\n\nAt dawn, a drone fired missiles at a car in Marib province, killing five. In the "
            "afternoon, a second strike hit a car in Hadramawt, killing three.\n\nThe attacks come a day after a "
            "drone strike destroyed a car in the Said area of Shabwa province, killing four militants. Residents said "
            "drones had circled for hours. Yemen's government rarely comments on the strikes. On Monday, "
            "two suspected militants were killed when a drone hit their vehicle in Marib.")
    got = sorted((str(m.date), m.district, m.killed_min) for m in _drone(text, dt.date(2013, 6, 5)))
    assert got == [("2013-06-03", "Marib", 2), ("2013-06-04", "Shabwah", 4), ("2013-06-05", "Hadramawt", 3),
                   ("2013-06-05", "Marib", 5)]


def test_an_army_that_flies_its_own_drones_and_the_drones_it_bought() -> None:
    [m] = _drone("An Iraqi drone strike killed three Islamic State fighters in the Hamrin mountains on Monday, "
                 "the Security Media Cell said.", dt.date(2023, 3, 7))
    assert m.perpetrator == "IQ"
    text = ("A drone strike killed 12 people at a market in the Amhara region on Sunday, a hospital official said. "
            "Ethiopia's military, which acquired Turkish, Chinese and Iranian drones during the war, did not "
            "comment.")
    [m] = _drone(text, dt.date(2023, 8, 15))
    assert m.perpetrator in (None, "ET")


def test_hamas_is_not_hama_and_a_caucasus_town_is_not_a_pakistani_namesake() -> None:
    text = ("An Israeli drone struck a car near Deir al-Balah on Monday, killing three people the army said were "
            "Hamas fighters.")
    [m] = _drone(text, dt.date(2024, 2, 6))
    assert m.country != "SY" and m.district is None
    text = ("BAKU (Reuters) - An Azerbaijani drone hit a bus near Martuni on Sunday, killing two people, "
            "officials in Stepanakert said. Shelling also hit Ganja, Azerbaijan's second city.")
    [m] = _drone(text, dt.date(2020, 10, 12))
    assert m.country != "PK"


def test_a_strike_of_its_own_day_and_officials_who_spoke_from_another_city() -> None:
    text = ("ISLAMABAD — A U.S. drone fired missiles at a house on the edge of Miranshah on Thursday morning, "
            "killing three people, Pakistani officials said.\n\nThe attack came a day after another strike in North "
            "Waziristan. On Wednesday, missiles hit a vehicle in the village of Isha, a few miles outside "
            "Miranshah, killing four men, according to two intelligence officials in Peshawar who spoke on the "
            "condition of anonymity.\n\nIn Thursday's strike, the missiles destroyed part of a guesthouse, "
            "officials said.")
    got = sorted((str(m.date), m.district, m.killed_min) for m in _drone(text, dt.date(2012, 6, 14)))
    assert got == [("2012-06-13", "North Waziristan", 4), ("2012-06-14", "North Waziristan", 3)]


def test_a_strike_of_another_month_told_after_is_not_a_toll_of_this_one() -> None:
    text = ("Militants have held the port for months.\n\nOn 3 July, a US drone strike killed four men in a car in the "
            "city, two of whom were fishermen, their families said. In April, a strike on a group of men eating on "
            "the waterfront killed five, according to local officials; some residents put the toll at seven.")
    tolls = [(m.killed_min, m.killed_max) for m in _drone(text, dt.date(2015, 9, 12)) if str(m.date) == "2015-07-03"]
    assert tolls == [(4, 4)]


def test_a_feature_opens_on_the_scene_before_it_names_the_drone() -> None:
    text = ("Living under the drones\n\nRawdah, Yemen - The men had gathered under the trees at the edge of town, as "
            "they often do.\n\nThen came the whine that everyone here knows, and a flash. When the dust settled on "
            "Tuesday, five men were dead.\n\nSecurity officials in Ataq, the provincial capital of Shabwa, said the "
            "five were members of al-Qaeda, and that the strike had been carried out by a US drone.")
    [m] = _drone(text, dt.date(2014, 11, 14))
    assert (str(m.date), m.killed_min, m.district, m.place) == ("2014-11-11", 5, "Shabwah", None)


def test_a_hideout_targeted_with_an_armed_drone_and_a_drone_that_only_filmed() -> None:
    [m] = _drone("Four terrorists were killed when security forces targeted their hideout with an armed drone in the "
                 "Datta Khel area of North Waziristan on May 3, reports Dawn, quoting the ISPR.")
    assert (m.killed_min, m.district) == (4, "North Waziristan")
    assert _drone("Three insurgents were killed in an encounter with police near Bara on May 3. Police said the "
                  "operation was launched after images captured by an unmanned aerial vehicle showed armed men "
                  "in the area.") == []


def test_whose_commander_is_not_where_and_a_town_in_a_two_country_report() -> None:
    text = ("At least nine persons were killed in two drone attacks in Kurram Agency on June 2, reports The News. "
            "Minutes later, a suspected US drone fired two missiles at a house in nearby Zarakai village, killing "
            "four persons, including an Afghan 'commander'.")
    assert all(m.country == "PK" for m in _drone(text))
    text = ("Drone strikes in June\n\nIn Yemen, on June 9 a drone killed two AQAP members travelling by car in "
            "Abyan. In Pakistan, three weeks later, on June 29, a strike on a house in Miranshah killed four people. "
            "On June 23 a strike near Azzan in Shabwa killed three.")
    towns = {m.country for m in _drone(text, dt.date(2013, 7, 1)) if str(m.date) == "2013-06-29"}
    assert towns == {"PK"}


def test_three_strikes_told_after_a_paragraph_on_politics() -> None:
    text = ("MIRANSHAH, Pakistan (Reuters) - U.S. drones fired missiles at targets in Pakistan's North Waziristan "
            "region three times on Friday, killing at least nine people, security officials said.\n\nThe attacks "
            "come as relations are strained after a CIA contractor shot dead two men in Lahore in January.\n\nIn "
            "the first attack, early on Friday, two missiles struck a vehicle near Mir Ali. All three people inside "
            "were killed, officials said.\n\nAbout half an hour later, a drone fired again, killing two more "
            "people.\n\nThe third strike hit a house in Datta Khel in the evening. Officials said four suspected "
            "militants were killed.")
    got = sorted((m.killed_min, str(m.date)) for m in _drone(text, dt.date(2011, 3, 11)) if not m.aggregate)
    assert got == [(2, "2011-03-11"), (3, "2011-03-11"), (4, "2011-03-11")]


def test_the_second_strike_by_another_source_and_a_second_missile_on_another_man() -> None:
    text = ("Coalition drone strikes hit Islamic State in Deir Ezzor\n\nThe first strike on Monday hit a command post "
            "in Mayadin, killing a dozen fighters, the statement said. A second strike on Tuesday destroyed a "
            "vehicle near Albu Kamal, killing five. The Syrian Observatory said however that the second strike "
            "hit a house and that a woman and her three children were among the dead, bringing that toll to nine.")
    got = sorted((str(m.date), m.killed_min, m.killed_max) for m in _drone(text, dt.date(2017, 9, 20)))
    assert got == [("2017-09-18", 12, 12), ("2017-09-19", 5, 9)]


def test_a_months_count_with_more_strikes_than_the_story_tells_stands() -> None:
    text = ("A suspected U.S. drone killed five militants in a car in Mukalla on Wednesday, residents said. On "
            "Sunday, a drone killed four suspected militants in another car in Mukalla. U.S. drones have struck in "
            "and around the port city at least four times this month, killing some 18 suspected militants.")
    got = [(m.aggregate, m.killed_min) for m in _drone(text, dt.date(2015, 8, 27))]
    assert (True, 18) in got and len(got) == 3


def test_a_day_that_stands_as_its_own_paragraph_and_an_afternoon_strike_of_its_own() -> None:
    text = ("Strikes resumed this week after a lull.\n\nTuesday brought the heaviest barrage of the year.\n\n"
            "Shortly after dawn, drones struck a compound in Malik Shahi, a village in the Barmal area of South "
            "Waziristan close to the border with Afghanistan's Paktika province. Officials said eight militants "
            "were killed.\n\nA few hours later, missiles hit a house in the Shawal valley of North Waziristan, "
            "killing 15 people.\n\nIn the afternoon, a drone struck a pickup truck in Shawal, killing five people, "
            "the officials said.")
    got = sorted((m.district, m.killed_min, str(m.date)) for m in _drone(text, dt.date(2011, 7, 14)))
    assert got[-1] == ("South Waziristan", 8, "2011-07-12")
    assert [(d, k) for d, k, _ in got[:2]] == [("North Waziristan", 5), ("North Waziristan", 15)]


def test_missile_strikes_the_next_sentence_says_drones_carried_out() -> None:
    text = ("Suspected US missile strikes kill six in Pakistan\n\nWANA, Pakistan (AFP) - Two suspected US missile "
            "strikes killed six militants in Pakistan's tribal region on Monday, security officials said.\n\nThe "
            "strikes, believed to have been carried out by unmanned US drones, hit targets near Wana.\n\n\"A US "
            "drone fired two missiles at a house in Karikot village, killing four militants,\" an official said.\n\n"
            "About an hour later, another missile struck a pick-up truck near Shin Warsak, killing two militants.")
    got = sorted((str(m.date), m.killed_min) for m in _drone(text, dt.date(2008, 12, 22)) if not m.aggregate)
    assert got == [("2008-12-22", 2), ("2008-12-22", 4)]


def test_drones_that_carried_out_two_airstrikes() -> None:
    text = ("BOSASO - US drones have carried out two airstrikes against Islamic State militants in Puntland's Bari "
            "region, killing eight, the first American strikes against the group since it emerged, officials said.")
    [m] = _drone(text, dt.date(2017, 11, 4))
    assert m.aggregate and m.killed_min == 8


def test_a_strike_earlier_this_month_and_a_base_the_militants_attacked() -> None:
    text = ("MOGADISHU (Reuters) - A U.S. drone strike killed five al Shabaab militants in Lower Shabelle on Monday, "
            "the deputy governor said.\n\nEarlier this month, a U.S. drone strike near Kunyo Barrow killed three "
            "militants, according to Somali officials. On Monday, al Shabaab fighters attacked a Somali army base "
            "near Janaale, killing four soldiers, a military officer said.")
    got = sorted((str(m.date), m.killed_min, m.killed_max) for m in _drone(text, dt.date(2015, 12, 22)))
    assert got == [("2015-12-21", 5, 5), ("None", 3, 3)]


def test_a_second_man_also_killed_with_a_named_one() -> None:
    text = ("Abu al-Faraj al-Masri, a veteran Egyptian fighter, was killed on Monday when a drone fired a missile "
            "at his car near Jisr al-Shughour, the Observatory said. It said a second man in the car was also killed.")
    [m] = _drone(text, dt.date(2016, 10, 4))
    assert (m.killed_min, m.killed_max) == (2, 2)


def test_a_neighbours_army_told_in_a_story_on_another_armys_drones() -> None:
    text = ("BAMAKO (AFP) - A drone strike by the Malian army killed at least eight civilians near a well in the "
            "Kidal region on Tuesday, rebels said.\n\nIn neighbouring Burkina Faso, the army said a drone strike last "
            "week had killed dozens of jihadists near Djibo.")
    got = sorted(m.perpetrator or "" for m in _drone(text, dt.date(2023, 11, 9)))
    assert got == ["BF", "ML"]


def test_shortly_afterwards_a_strike_of_its_own_and_one_that_killed_no_one() -> None:
    text = ("At least 11 suspected militants were killed in three US drone attacks in North Waziristan on January 23, "
            "reports The News. In the first attack, a drone fired two missiles at a car near Miramshah, killing four "
            "persons. Shortly afterwards, three persons riding a motorcycle were killed when a drone targeted them "
            "near Datta Khel. Late in the evening, another drone fired missiles at a vehicle near Razmak, killing "
            "four militants.")
    assert sorted(m.killed_min or 0 for m in _drone(text) if not m.aggregate) == [3, 4, 4]
    text = ("A US drone fired two missiles at a vehicle near Wana on June 15, reports Dawn. However, no casualties "
            "were reported as the occupants had got out and run into a nearby orchard moments before the missiles "
            "struck. A drone attack in the same area last week had killed four militants.")
    got = sorted((m.killed_min, m.killed_max) for m in _drone(text))
    assert got == [(0, 0), (4, 4)]


def test_a_tally_over_twelve_months_is_no_aggregate_but_a_months_strikes_are() -> None:
    text = ("In the 12 months that ended in September 2011, the reports counted 95 drone strikes that killed at least "
            "482 people in Pakistan.")
    assert [m for m in _drone(text, dt.date(2013, 4, 10)) if m.status == "reported"] == []
    text = ("In June, the US carried out 10 drone strikes in North and South Waziristan, killing at least 62 people, "
            "according to data compiled by The Long War Journal.")
    [m] = _drone(text, dt.date(2010, 7, 2))
    assert m.aggregate and m.killed_min == 62


def test_a_strike_whose_sentence_ends_on_a_running_count() -> None:
    text = ("MIRANSHAH: A US drone fired four missiles at a vehicle in the Datta Khel area of North Waziristan on "
            "Saturday, killing eight suspected militants, officials said, taking the number of people killed in three "
            "drone attacks in the agency since Friday to at least 16.")
    [m] = _drone(text, dt.date(2010, 9, 5))
    assert (m.aggregate, m.killed_min, m.killed_max) == (False, 8, 8)
    text = ("Rescue workers recovered the bodies of four more militants from the rubble of a compound in Shawal two "
            "days after it was hit by a US drone, raising the death toll in the strike to 11, sources said.")
    [m] = _drone(text, dt.date(2010, 12, 19))
    assert m.killed_min == 11


def test_an_air_strike_whose_vehicle_a_local_official_says_a_drone_hit() -> None:
    text = ("MOGADISHU (Reuters) - A U.S. air strike killed five al Shabaab militants near the town of El Bur in "
            "central Somalia on Sunday, the U.S. military said.\n\nA Somali official in the region said the vehicle "
            "was hit by a drone. Six fighters were killed, he said.")
    [m] = _drone(text, dt.date(2018, 4, 2))
    assert (m.killed_min, m.killed_max, m.perpetrator) == (5, 6, "US")


def test_a_second_attack_the_same_day() -> None:
    text = ("Pakistani security officials reported that on Monday a drone fired two missiles at a vehicle in the village "
            "of Norak, near Miram Shah, killing four suspected militants. The same day, a Pakistani newspaper reported "
            "a second attack, on a house in the Khaisor area, that it said killed three men, two children and a woman."
            "\n\nDocuments seized in the Navy SEAL raid on Bin Laden's compound in Abbottabad on May 2 showed that he "
            "had been in regular contact with the Qaeda leader.")
    got = sorted((str(m.date), m.killed_min) for m in _drone(text, dt.date(2011, 8, 27)))
    assert got == [("2011-08-22", 4), ("2011-08-22", 6)]


def test_a_missile_fired_by_a_spy_plane_and_militants_who_left_a_day_earlier() -> None:
    [m] = _drone("At least four persons were killed when a missile, believed to have been fired by a US spy plane, hit "
                 "a house in the Jani Khel area near Bannu on March 15, reports Dawn.")
    assert (m.killed_min, m.perpetrator) == (4, "US")
    text = ("Two women were injured when a US drone fired two missiles at a house near Miramshah on September 2, "
            "reports The Express Tribune. No one was killed in the attack, official sources said, adding that "
            "militants who had been staying there had left a day earlier.")
    [m] = _drone(text)
    assert (m.killed_min, m.killed_max) == (0, 0)


def test_bodies_taken_for_burial_and_the_graveyard_they_went_to() -> None:
    text = ("At least five militants were killed when a US drone fired two missiles at a vehicle near Wana on "
            "February 2, reports Dawn. Residents of the area, however, said six bodies, charred beyond recognition, "
            "had been taken to a nearby village for burial.")
    [m] = _drone(text)
    assert (m.killed_min, m.killed_max) == (5, 6)
    text = ("Seven militants killed in the March 9 drone strike on a vehicle in Tappi village near Miranshah have been "
            "identified, officials said. The bodies were handed over to relatives and were buried in their ancestral "
            "graveyard in Khost Province of Afghanistan.")
    [m] = _drone(text)
    assert m.country == "PK"


def test_where_the_foreign_dead_came_from_is_not_where_they_died() -> None:
    text = ("At least 18 militants were killed in two drone strikes in eastern Nangarhar province and in Achin "
            "district in Afghanistan, officials said. "
            "The second drone strike was carried out in the Shadal Bazaar area of Kot district early on Thursday "
            "morning, killing at least six militants, the statement said. The statement further added that the "
            "militants killed included foreign nationals, mainly from Pakistan's Orakzai tribal region.")
    got = _drone(text, dt.date(2016, 6, 16))
    assert got and all(m.country == "AF" and m.district != "Orakzai" for m in got)


def test_the_first_attack_by_two_drones_and_a_strike_the_attacks_came_a_day_after() -> None:
    text = ("MIRANSHAH, Pakistan, Jan 1, 2011 (AFP) - US drones fired missiles into Pakistan's tribal belt on Saturday, "
            "killing 13 militants in two strikes, officials said.\n\nIn the first attack, two drones fired four missiles "
            "at a house, killing eight militants, an official said. A local intelligence official put the death toll "
            "from the first strike at nine.\n\nAbout two hours later, drones struck again, killing at least five more "
            "people.\n\nSaturday's attacks came a day after a US drone struck a vehicle near Ghulam Khan on Friday, "
            "killing five suspected militants.")
    got = sorted((str(m.date), m.killed_min, m.killed_max) for m in _drone(text, dt.date(2011, 1, 1)) if not m.aggregate)
    assert got == [("2010-12-31", 5, 5), ("2011-01-01", 5, None), ("2011-01-01", 8, 9)]


def test_pilotless_us_aircraft_in_two_attacks_in_north_waziristan() -> None:
    text = ("MIRANSHAH, Pakistan, May 12 (Reuters) - Pilotless U.S. aircraft fired a volley of missiles at militant "
            "hideouts in Pakistan's North Waziristan in two attacks late on Tuesday, killing 24 people, officials said."
            "\n\nThe first and larger strike hit a compound near Datta Khel, killing 14 people.\n\nHours later, the "
            "drones struck again, firing two missiles at a house in the same area, killing 10 more people.")
    got = sorted((str(m.date), m.killed_min) for m in _drone(text, dt.date(2010, 5, 12)) if not m.aggregate)
    assert got == [("2010-05-11", 10), ("2010-05-11", 14)]


def test_the_second_attack_told_in_the_sentence_after_it_is_named() -> None:
    text = ("WANA, June 27: At least 20 people were killed in two missile attacks by US drones in South Waziristan on "
            "Monday, officials said.\n\nThe first attack took place in the morning in the Shawal area, where a drone "
            "fired two missiles at a vehicle. Eight people in the vehicle were killed.\n\nThe second attack was "
            "carried out at about 11pm in Shakai. Officials said a spy plane fired four missiles on a house in Tanai "
            "village, killing 12 militants.")
    got = sorted(m.killed_min or 0 for m in _drone(text, dt.date(2011, 6, 28)) if not m.aggregate)
    assert got == [8, 12]


def test_civilians_killed_by_drones_in_a_separate_report_are_a_tally() -> None:
    text = ("The UN special rapporteur said in a separate report that Pakistan's foreign ministry had told him at least "
            "400 civilians had been killed by drones.")
    assert [m for m in _drone(text, dt.date(2013, 10, 31)) if m.status == "reported"] == []


def test_the_strike_a_count_starts_from_is_history() -> None:
    text = ("ADEN, Sept 1, 2012 (AFP) - A suspected US drone strike killed eight Al-Qaeda militants late on Friday in "
            "Hadramawt, a local official said. A tribal source said seven men had been killed.\n\nThe latest raid is the "
            "first reported in Hadramawt since August 4, when a drone strike on a car near the town of Al-Qatn killed "
            "five suspected militants.")
    [m] = _drone(text, dt.date(2012, 9, 1))
    assert (m.killed_min, m.killed_max) == (7, 8)


def test_a_senator_arriving_in_the_capital_and_nato_aircraft_that_killed_soldiers() -> None:
    text = ("MIRANSHAH, Pakistan, May 16, 2011 (AFP) - US drones fired missiles at a compound in North Waziristan on "
            "Monday, killing at least 10 militants, officials said, as US Senator John Kerry arrived in Islamabad. "
            "Washington had halted the strikes after NATO aircraft killed 24 Pakistani soldiers at two border posts.")
    [m] = _drone(text, dt.date(2011, 5, 16))
    assert (m.district, m.killed_min, m.killed_max) == ("North Waziristan", 10, None)


def test_an_airstrike_a_local_official_says_a_drone_carried_out() -> None:
    text = ("CAIRO (AP) - The U.S. military said Friday it carried out an airstrike in southwestern Libya that killed "
            "11 al-Qaida militants. It said the strike had been coordinated with Libya's U.N.-backed government in "
            "Tripoli.\n\nA local official in Ghat said a drone had struck two vehicles near a farm late Thursday "
            "afternoon.")
    [m] = _drone(text, dt.date(2018, 11, 30))
    assert (str(m.date), m.killed_min, m.district) == ("2018-11-29", 11, None)


def test_the_attack_a_militant_confirms_is_the_strike_just_told() -> None:
    text = ("MOGADISHU, Feb 25, 2012 - At least four foreign fighters were killed when an unmanned aircraft fired "
            "missiles at their vehicle near Afgoye in Lower Shabelle on Friday, residents said. A commander of the "
            "group confirmed the attack on its fighters, but said seven men were killed.")
    [m] = _drone(text, dt.date(2012, 2, 25))
    assert (m.killed_min, m.killed_max) == (4, 7)


def test_the_bodies_a_witness_saw_are_a_toll_of_the_strike() -> None:
    text = ("MOGADISHU (AP) - A missile fired from a drone struck a vehicle near Barawe on Sunday, killing a senior "
            "commander and at least one other fighter, an intelligence official said. Residents said the car burst "
            "into flames after it was hit. \"We saw a drone flying for hours and then there was a big explosion,\" "
            "said a farmer. \"There were three bodies. One of them was a man from our village.\"")
    [m] = _drone(text, dt.date(2014, 1, 27))
    assert (m.killed_min, m.killed_max) == (2, 3)


def test_his_companions_also_killed_are_besides_him() -> None:
    text = ("ASADABAD, Jun 15, 2018: The Ministry of Defence confirmed on Friday that Mullah Fazlullah, the TTP chief, "
            "was killed in a drone strike in Kunar province on Wednesday night. A spokesman said Fazlullah had been "
            "hiding in the area for a long time and four of his companions were also killed in the strike.")
    [m] = _drone(text, dt.date(2018, 6, 15))
    assert (m.killed_min, m.killed_max) == (5, 5)


def test_a_series_told_part_by_part_and_the_day_before() -> None:
    text = ("LANDI KOTAL, Pakistan, Dec 17 (Reuters) - Missiles fired by U.S. drone aircraft killed at least 47 people "
            "in three attacks on militant hideouts in Pakistan's Khyber region on Friday, officials said.\n\n"
            "In the first attack, drones fired missiles at two vehicles in the Tirah valley, killing seven militants. "
            "Less than an hour later, a second drone strike hit a compound in Tirah, killing eight people.\n\n"
            "The deadliest attack came in the afternoon, when missiles destroyed two houses, killing at least 32 "
            "people, officials said. The men killed were believed to be Taliban who had fled a military offensive in "
            "neighbouring Orakzai.\n\nOn Thursday, a drone strike on a vehicle in Tirah killed seven people, "
            "officials said.")
    got = [(str(m.date), m.district, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2010, 12, 17))]
    assert got == [("2010-12-17", "Khyber", 7, 7), ("2010-12-17", "Khyber", 8, 8),
                   ("2010-12-17", "Khyber", 32, None), ("2010-12-16", "Khyber", 7, 7)]


def test_a_weekly_round_up_of_strikes_told_by_their_days() -> None:
    text = ("THE WEEK\n\nPosted Saturday, January 12, 2013\n\nDrones return\n\n"
            "On Sunday, tribesmen in Babar Ghar, South Waziristan, counted five drones before missiles slammed into a "
            "compound. Officials in Wana said at least eight people died, among them a commander said to have trained "
            "suicide bombers. Residents who helped pull bodies from the rubble said 17 had been buried.\n\n"
            "On Tuesday the drones came for North Waziristan. The first strike hit a house outside Mir Ali, killing "
            "four men. Fifteen minutes later, a second drone fired at a vehicle nearby, killing two more. Thursday's "
            "strike, again near Mir Ali, killed at least three men on a motorcycle.\n\n"
            "All of this came a week after Maulvi Nazir died in a drone strike near Wana on Jan. 2 along with at least "
            "five aides.\n\nTrouble on the Line of Control\n\n"
            "On Sunday the Army said Indian troops had crossed the Line of Control and attacked a post, killing one "
            "soldier.")
    got = [(str(m.date), m.killed_min, m.killed_max) for m in _drone(text, dt.date(2013, 1, 12))]
    assert got == [("2013-01-06", 8, 17), ("2013-01-08", 4, 4), ("2013-01-08", 2, 2), ("2013-01-10", 3, None),
                   ("2013-01-02", 6, None)]


def test_the_largest_attack_of_a_weekend_and_a_corrected_toll() -> None:
    text = ("SANA, Yemen, April 21, 2014 - American drones have killed at least 55 suspected members of Al Qaeda since "
            "Saturday, Yemeni officials said on Monday.\n\nThe largest attack came before dawn on Sunday, when drones "
            "fired repeatedly at a training camp in the al-Mahfad area of Abyan. A security committee said 30 "
            "militants had been killed. A local official put the toll at 24.\n\nLate on Sunday, another drone struck a "
            "car in Shabwa, killing three suspected militants, according to a local official. Residents reached by "
            "phone said four men had been in the car.")
    got = [(str(m.date), m.district, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2014, 4, 21))]
    assert got[-2:] == [("2014-04-20", "Abyan", 24, 30), ("2014-04-20", "Shabwah", 3, 4)]


def test_a_toll_given_earlier_that_rose() -> None:
    text = ("JALALABAD, Afghanistan, Sept 19, 2019 (Reuters) - A U.S. drone strike on farmland in Nangarhar province "
            "late on Wednesday killed at least 30 civilians who were resting after harvesting pine nuts, officials "
            "said. Officials had earlier given a toll of 20 dead, which rose through Thursday as bodies were recovered.")
    [m] = _drone(text, dt.date(2019, 9, 19))
    assert (m.killed_min, m.killed_max) == (30, None)


def test_a_long_read_that_opens_on_the_scene_of_an_old_strike() -> None:
    text = ("By Daniel Burke\nJanuary 19, 2017\n\nPESHAWAR, Pakistan - Kaleem was 14 when the guests arrived at his "
            "uncle's house in Zeraki, a village outside Mir Ali in North Waziristan.\n\nIt was a Friday, Jan. 23, 2009. "
            "The first missile came through the roof. The second hit the courtyard, where he was standing.\n\n"
            "\"When I woke up in the hospital, they told me my uncles were gone.\"\n\nIt was the first drone strike of "
            "the Obama presidency.\n\nAt the time, Pakistani security officials told reporters that the Zeraki strike "
            "killed 10 people. The family's account is different. Kaleem and two relatives listed seven dead: two "
            "uncles, three cousins, a neighbor and a schoolteacher.\n\nThat Friday evening, a second drone attack hit "
            "a house in Gangi Khel, near Wana in South Waziristan. His son said the elder was killed along with two of "
            "his brothers, a cousin and a guard: five people in all. News reports at the time put the toll at as many "
            "as eight.\n\nIn July, the White House released figures: 473 strikes between 2009 and 2015, killing "
            "between 64 and 116 civilians.")
    got = [(str(m.date), m.district, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2017, 1, 19))
           if m.status == "reported"]
    assert got == [("2009-01-23", "North Waziristan", 7, 10), ("2009-01-23", "South Waziristan", 5, 8)]


def test_a_feature_opening_on_the_evening_of_a_strike() -> None:
    text = ("Tom Ashworth in Wessab\nTuesday 7 May 2013 14.03 BST\n\nThe men of Wessab were sitting down to supper "
            "when they heard it. Shortly after eight o'clock on the evening of 17 April, the whine was followed by a "
            "flash on the road below the market, then the sound of a car burning.\n\n\"We ran down with torches,\" "
            "said a farmer. \"There was nothing to save.\"\n\nThe interior ministry announced the next morning that "
            "five \"terrorists\" had been killed in the strike in Wessab, a district of Dhamar province. Villagers "
            "give a lower count. By their reckoning four men died.\n\nTwo Yemeni security officials said it was "
            "carried out by a US drone. It was the first reported drone strike in Yemen in almost three months.\n\n"
            "On 23 January a US drone hit a car in Khawlan, killing four men.")
    got = [(str(m.date), m.district, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2013, 5, 7))]
    assert got == [("2013-04-17", "Dhamar", 4, 5), ("2013-01-23", None, 4, 4)]


def test_a_subtitle_strike_the_body_tells_is_not_a_later_one() -> None:
    text = ("The Night the Sky Fell on Murzuq\n\nTwo years after a drone strike killed dozens at a town meeting in "
            "Libya's deep south, survivors are still waiting\n\nBy Yusuf Agali\nAugust 4, 2021\n\nThe men of Murzuq had "
            "gathered in the courtyard of a community hall.\n\nThe strike killed at least 42 people, according to the "
            "municipal council of Murzuq. The United Nations mission put the toll at 43.\n\nHaftar's Libyan National "
            "Army acknowledged carrying out an air strike in Murzuq that night.\n\nIn November 2019, a drone strike on "
            "a biscuit factory in the Wadi al-Rabie area of southern Tripoli killed 10 workers, and on Jan. 4, 2020, a "
            "drone struck the parade ground of a military academy in Tripoli, killing 26 cadets.")
    got = [(m.date_value, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2021, 8, 4))]
    assert got == [(None, 24, 43), ("2019-11", 10, 10), ("2020-01-04", 26, 26)]


def test_a_second_strike_that_destroyed_two_vehicles_and_an_old_strike_of_june() -> None:
    text = ("ADEN (Reuters) - Sept 22, 2011 - Suspected U.S. drones killed at least 10 Islamist militants in two strikes "
            "in Yemen's southern Abyan province on Wednesday, local officials said.\n\nThe first strike hit a house in "
            "the al-Mahfad district in the early afternoon, killing four men, a local official said.\n\nLater on "
            "Wednesday, a second strike destroyed two vehicles on the coastal road outside the town of Shaqra. A "
            "security official said six militants were killed. Residents said seven bodies had been brought to a "
            "clinic in Shaqra.\n\nA suspected drone strike near Zinjibar in early June killed a local al Qaeda "
            "commander, according to Yemeni officials at the time.")
    got = [(m.date_value, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2011, 9, 22)) if not m.aggregate]
    assert got == [("2011-09-21", 4, 4), ("2011-09-21", 6, 7), ("2011-06", 1, 1)]


def test_two_strikes_of_a_lead_told_by_africom_and_again_by_an_official() -> None:
    text = ("MOGADISHU, February 26, 2019 - Officials in Hiran say U.S. drones killed at least 55 al-Shabab fighters "
            "in two strikes on Sunday and Monday.\n\nU.S. Africa Command said in two statements that it conducted an "
            "airstrike Sunday east of Beledweyne, killing 35 militants, and a second airstrike Monday in the vicinity "
            "of Shebeeley, killing 20.\n\nThe deputy governor said the Sunday strike, which hit the fighters in the "
            "late afternoon, had killed \"more than 40\" militants. On Monday, he said, another drone fired missiles "
            "at militants who were moving in a convoy of pickup trucks near Shebeeley.")
    got = [(m.date_value, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2019, 2, 26)) if not m.aggregate]
    assert got == [("2019-02-24", 35, None), ("2019-02-25", 20, 20)]


def test_a_toll_in_dispute_and_a_vote_that_came_days_after_a_strike() -> None:
    text = ("SANA'A, Dec. 29 - Accounts of how many people died in a drone strike in Wadi Hadramout on Friday continued "
            "to differ over the weekend. The Associated Press quoted a security official as saying one suspected "
            "militant was killed. A local news website said six people died.\n\nIt was the first strike since the "
            "parliament voted on Dec. 15 to demand an end to drone attacks. The vote came three days after a strike "
            "near Rada'a in Al-Baydha governorate hit a wedding convoy, killing at least 12 people.")
    got = [(m.date_value, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2013, 12, 30))]
    assert got == [("2013-12-27", 1, 6), ("2013-12-12", 12, None)]


def test_a_count_since_sunday_is_no_toll_of_the_sunday_strike() -> None:
    text = ("24 June, 2020 - A Turkish drone strike on a house in a village near Kobane killed three women late on "
            "Tuesday, the Syrian Democratic Forces said.\n\nOn Sunday, a Turkish drone struck a motorcycle on the road "
            "between Kobane and Sarrin, killing a member of the Asayish security forces, the Observatory said. The "
            "deaths bring to four the number of people killed by Turkish drones in the Kobane region since Sunday, "
            "according to the monitor.")
    got = [(m.date_value, m.district, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2020, 6, 24))]
    assert got == [("2020-06-23", "Aleppo", 3, 3), ("2020-06-21", "Aleppo", 1, 1)]


def test_a_strike_told_by_its_hour_after_a_scene_and_the_agency_named_before() -> None:
    text = ("Newsline, September 2009\n\nIn the small hours of August 5, 2009, Baitullah Mehsud lay on a charpoy on the "
            "roof of his father-in-law's house in Zangara, South Waziristan. The night was hot.\n\nAt around 1 am, two "
            "missiles fired from a CIA drone struck the roof.\n\nTwo years later, the same pattern appeared in Kurram "
            "Agency, an area that had rarely been hit by drones. On 20 June 2011, a drone fired on a pickup truck near "
            "the village of Khardand, in the agency's upper reaches, killing the five men inside.")
    got = [(m.date_value, m.district, m.killed_min) for m in _drone(text)]
    assert got == [("2009-08-05", "South Waziristan", None), ("2011-06-20", "Kurram", 5)]


def test_a_year_later_feature_that_sets_the_day_of_its_scene() -> None:
    text = ("Published Mar 18, 2012\n\nThe elders had started arriving a little after nine in the morning, and by ten "
            "there were perhaps 60 of them sitting beside the bus stand in Datta Khel, North Waziristan. It was March 17 "
            "last year, a Thursday. The dispute before the jirga was an old one.\n\nAt least four missiles, fired from "
            "the American drones that had been circling over the town since dawn, hit the gathering in the space of a "
            "minute or two. The political administration's first statement that afternoon described the dead as "
            "\"around two dozen militants\". By nightfall officials in Miramshah were saying 38 people had died.")
    [m] = _drone(text, dt.date(2012, 3, 18))
    assert (m.date_value, m.district, m.killed_min, m.killed_max) == ("2011-03-17", "North Waziristan", 38, 38)


def test_a_news_analysis_whose_standfirst_names_the_drones() -> None:
    text = ("The Friday Times\nJanuary 11-17, 2013\n\nDeath of a 'good' Taliban\n\nMaulvi Nazir kept the peace with the "
            "army for six years. The drones finally caught up with him.\n\nFor a man who had survived a suicide bomber "
            "five weeks earlier, Maulvi Nazir was remarkably careless. Late on the night of January 2, according to "
            "tribesmen in Wana, he set off in a double-cabin pickup from a meeting near Angoor Adda in South "
            "Waziristan. Two missiles hit the pickup on a dirt track outside the village of Sar Kanda. Security "
            "officials in Wana said Nazir and nine others were killed. His own group, in a statement read out the "
            "next morning, put the number of \"martyrs\" at six. Either way, it was the most consequential strike the "
            "CIA's drones have carried out in South Waziristan since 2009.")
    [m] = _drone(text, dt.date(2013, 1, 11))
    assert (m.date_value, m.district, m.killed_min, m.killed_max, m.perpetrator) == (
        "2013-01-02", "South Waziristan", 6, 10, "US")


def test_a_standfirst_s_day_over_a_body_that_tells_the_strike_without_one() -> None:
    text = ("Abu Al Khayr Al Masri: the Egyptian veteran who outlived the war on terror until a drone found him in "
            "Idlib\n\nAl Qaeda's deputy leader was killed on Sunday when a missile hit his car in north-west Syria\n\n"
            "February 27, 2017\n\nFor nearly four decades, he was one of the men Ayman Al Zawahiri trusted most. He "
            "was there in the Egyptian jails of the early 1980s. He was there in the camps of Afghanistan. He was "
            "there in Iran.\n\nHe was killed along with another man travelling with him when a missile struck their "
            "vehicle near the village of Al Mastumah, south of Idlib city, in the afternoon.")
    [m] = _drone(text, dt.date(2017, 2, 27))
    assert (m.date_value, m.district, m.killed_min, m.killed_max) == ("2017-02-26", "Idlib", 2, 2)


def test_that_morning_and_in_the_afternoon_of_a_day_just_named() -> None:
    text = ("CIA drones 'targeted rescuers and mourners' in Pakistan\n\nSaturday 4 February 2012\n\nThe deadliest "
            "episode examined by the bureau took place on 23 June 2009 in "
            "South Waziristan. That morning, a strike on a compound near the town of Makeen killed a mid-ranking "
            "commander and five other men. In the afternoon, as several thousand people gathered in a nearby village "
            "for his funeral prayers, drones fired at least three missiles into the crowd.\n\nLocal officials said at "
            "the time that at least 60 people had been killed at the funeral. The bureau puts the toll at between 67 "
            "and 83.")
    got = [(m.date_value, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2012, 2, 4))]
    assert got == [("2009-06-23", 6, 6), ("2009-06-23", 60, 83)]


def test_a_strike_told_under_a_political_lead_with_other_events_around_it() -> None:
    text = ("U.S. drone kills up to 20 in Pakistan as country braces for Eid\n\nTue Nov 16, 2010\n\nISLAMABAD, Nov 16 "
            "(Reuters) - Pakistan deployed thousands of extra police around mosques on Tuesday ahead of Eid, days after "
            "a suicide truck bombing in Karachi, while a U.S. drone strike in the northwest killed up to 20 suspected "
            "militants.\n\n\"We have credible information that militants want to strike during Eid,\" the minister "
            "said.\n\nEarlier on Tuesday, missiles fired by a U.S. drone struck a compound in the village of Ghulam "
            "Khan in North Waziristan, intelligence officials said. \"At least 15 militants were killed,\" one "
            "official said. A second official said later that 20 bodies had been pulled from the rubble.")
    got = [(m.date_value, m.district, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2010, 11, 16))]
    assert got == [("2010-11-16", "North Waziristan", 15, 20)]


def test_a_jirga_that_opened_hours_after_a_strike_does_not_date_it() -> None:
    text = ("Oct 27, 2008\n\nISLAMABAD: Pakistani and Afghan elders opened a two-day jirga in Islamabad on Monday, hours "
            "after a suspected US drone strike killed as many as 20 people in the South Waziristan tribal region.\n\n"
            "Hours before the jirga opened, a pilotless spy plane fired two missiles at a house some 20 km west of "
            "Wana, late on Sunday, officials said. A security official in Wana said 16 bodies had been recovered.")
    got = [(m.date_value, m.district, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2008, 10, 27))]
    assert got == [("2008-10-26", "South Waziristan", 16, 20)]


def test_a_strike_in_baghdad_on_palestine_street_and_targets_that_store_drones() -> None:
    text = ("Feb. 7, 2024\n\nIraq's government has spent weeks trying to negotiate an end to the coalition. On Wednesday "
            "night, that balancing act was shaken again.\n\nA U.S. drone fired on a vehicle in the Mashtal neighborhood "
            "of eastern Baghdad at about 9:30 p.m., killing a senior commander of Kataib Hezbollah.\n\nOn Friday, U.S. "
            "bombers and other aircraft struck more than 85 targets in Iraq and Syria, including weapons depots and "
            "drone storage facilities. The Iraqi government said 16 people were killed.\n\nIt was the second time in "
            "five weeks that the United States had struck inside Baghdad. On Jan. 4, a drone strike on a vehicle near "
            "the headquarters of a militia on Palestine Street killed Mushtaq Talib al-Saidi, known as Abu Taqwa, a "
            "commander of the group Harakat al-Nujaba, and one of his aides.")
    got = [(m.date_value, m.country, m.killed_min) for m in _drone(text, dt.date(2024, 2, 7))]
    assert got == [("2024-02-07", "IQ", 1), ("2024-01-04", "IQ", 2)]


def test_a_paragraph_that_ends_on_the_day_of_the_strikes_told_next() -> None:
    text = ("December 25, 2012\n\nSANAA, Yemen - Yemen's president faced a test of his authority this week.\n\n"
            "Washington's other priority in Yemen, the fight against al-Qaeda in the Arabian Peninsula, was on display "
            "Monday.\n\nIn the al-Manaseh area of Rada'a district, in al-Bayda province, a drone fired two missiles at "
            "a car, killing at least two suspected militants, a tribal leader said.")
    [m] = _drone(text, dt.date(2012, 12, 25))
    assert (m.date_value, m.district, m.killed_min) == ("2012-12-24", "Al Bayda", 2)


def test_a_headline_that_tells_the_strike_in_the_present_over_another_lead() -> None:
    text = ("AFP\n\nSomalia: drones strike Shebab in Kismayo as famine toll mounts\n\nMOGADISHU, Sept 26, 2011 (AFP) - "
            "Somalia's government appealed Monday for help to contain a cholera outbreak in the camps of Mogadishu, "
            "where more than 60 patients had died over the past two weeks.\n\nIn the southern port city of Kismayo, "
            "residents said foreign military aircraft struck three locations in and around the city late Sunday.")
    [m] = _drone(text, dt.date(2011, 9, 26))
    assert (m.date_value, m.district, m.killed_min) == ("2011-09-25", "Lower Juba", None)


def test_a_print_line_and_an_airport_bombing_the_strike_came_after() -> None:
    text = ("U.S. Drone Strike Kills 2 ISIS Members, Pentagon Says\n\nThe strike in eastern Afghanistan came a day after "
            "a suicide bombing at Kabul's airport killed at least 170 Afghans.\n\nPublished Aug. 28, 2021\n\nThe "
            "strike, carried out late Friday Washington time, by an MQ-9 Reaper drone, hit two men in a vehicle in "
            "Nangarhar Province, east of Kabul, officials said.\n\nA version of this article appears in print on Aug. "
            "29, 2021, Section A, Page 1 with the headline: Drone Strike Kills 2 Tied To ISIS Cell.")
    got = [(m.district, m.killed_min) for m in _drone(text, dt.date(2021, 8, 28))]
    assert got == [("Nangarhar", 2)]


def test_missiles_told_first_and_the_predators_that_fired_them_later() -> None:
    text = ("Saturday, January 14, 2006\n\nKHAR, Pakistan -- Pakistan's government lodged a protest with the U.S. "
            "ambassador on Saturday over a missile attack near the Afghan border.\n\nThe missiles struck three houses "
            "in Damadola, a village in the Bajaur tribal region, before dawn Friday. Local officials said 18 people, "
            "including five women and five children, were killed. Two U.S. intelligence officials said the CIA had "
            "targeted the village.\n\nThe officials said the missiles were fired by CIA-operated Predator drones.")
    [m] = _drone(text, dt.date(2006, 1, 14))
    assert (m.date_value, m.district, m.killed_min, m.perpetrator) == ("2006-01-13", "Bajaur", 18, "US")


def test_a_strike_a_day_before_the_day_named_and_an_embassy_in_the_capital() -> None:
    text = ("Thursday Jan 25, 2018\n\nISLAMABAD: Pakistan on Thursday rejected fresh US allegations, saying a suspected "
            "US drone strike a day earlier had hit an Afghan refugee settlement in Kurram, killing two people.\n\n"
            "The US Embassy in Islamabad did not comment on the strike.")
    [m] = _drone(text, dt.date(2018, 1, 25))
    assert (m.date_value, m.district, m.killed_min) == ("2018-01-24", "Kurram", 2)


def test_a_separate_strike_after_another_story_s_yearly_count() -> None:
    text = ("Published March 13, 2015\n\nMOGADISHU, Somalia - Gunmen shot dead a Somali lawmaker outside his home in the "
            "capital on Thursday, police said. At least five members of parliament were killed in Mogadishu last year.\n\n"
            "Separately, a U.S. drone strike targeted a senior al-Shabab commander linked to the 2013 attack on the "
            "Westgate shopping mall, Somali officials said Friday. The strike on Thursday hit a vehicle outside the town "
            "of Bardere in the Gedo region. He was believed to have helped plan the mall siege, in which 67 people were "
            "killed.\n\n\"Three al-Shabab men were killed when the drone struck their car,\" the deputy governor said. A "
            "resident said he saw the charred remains of four people being carried away by militants.")
    [m] = _drone(text, dt.date(2015, 3, 13))
    assert (m.date_value, m.district, m.killed_min, m.killed_max) == ("2015-03-12", "Gedo", 3, 4)


def test_two_strikes_of_two_days_in_one_sentence() -> None:
    text = ("SANAA, Aug 9, 2013 (AFP) - The raids raised to seven the number of suspected US drone strikes in Yemen in "
            "less than two weeks.\n\nOn Tuesday a drone killed four suspected militants travelling in a car in Marib, and "
            "on Wednesday six people died when missiles hit two vehicles in the Markha area of Shabwa province, "
            "according to local officials.")
    got = [(m.date_value, m.district, m.killed_min) for m in _drone(text, dt.date(2013, 8, 9))]
    assert got == [("2013-08-06", "Marib", 4), ("2013-08-07", "Shabwah", 6)]


def test_a_day_set_by_a_sentence_of_drones_and_a_man_killed_with_another() -> None:
    text = ("Published: May 13, 2012\n\nSana'a: Yemeni troops launched an offensive on Saturday in Abyan.\n\nUS drones "
            "also stepped up their attacks on Saturday.\n\nIn the morning a drone fired two missiles at two vehicles in "
            "Al Hosoon, a village close to Marib city. A local tribal chief said five members of Al Qaida were killed. "
            "A security official in Marib put the number of dead at seven.\n\nThe attacks came a week after a US drone "
            "killed Fahd Al Quso. Al Quso was killed with another militant last Sunday when missiles struck their car "
            "in the Rafadh area of Shabwa.")
    got = [(m.date_value, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2012, 5, 13))]
    assert ("2012-05-12", 5, 7) in got and ("2012-05-06", 2, 2) in got


def test_the_strike_carried_out_by_reapers_that_jets_harassed_is_the_strike_told() -> None:
    text = ("July 9, 2023\n\nThe US military announced that one of its drones had killed a leader of the Islamic State in "
            "Syria.\n\nOn Sunday, the US Central Command said its forces had conducted a strike in eastern Syria at "
            "11:33 pm local time on Friday, 7 July, killing Usamah al-Muhajir, an ISIS leader.\n\nAccording to the "
            "statement, the strike was carried out by MQ-9 Reaper drones, the same aircraft that had been harassed by "
            "Russian military jets earlier on Friday.\n\nEarlier on 5 July, US officials said Russian aircraft had "
            "dropped parachute flares in front of US drones over Syria.")
    got = [(m.date_value, m.perpetrator) for m in _drone(text, dt.date(2023, 7, 9))]
    assert got == [("2023-07-07", "US")]


def test_a_half_year_count_said_in_a_month_is_a_tally() -> None:
    text = ("QAMISHLI, 2022-08-19 - A Turkish drone targeted a centre in the village of Jaqjaq, east of Qamishli, on "
            "Thursday evening, killing four girls.\n\nThe Rojava Information Center said in July that Turkish drone "
            "strikes had killed 27 people in northeast Syria in the first half of 2022.")
    got = [(m.date_value, m.killed_min) for m in _drone(text, dt.date(2022, 8, 19)) if m.status == "reported"]
    assert got == [("2022-08-18", 4)]


def test_an_airstrike_whose_aircraft_the_command_would_not_name() -> None:
    text = ("MOGADISHU, May 7, 2024 (AP) - Drone strikes killed 23 civilians at a farm near Jambaluul in March, Amnesty "
            "International said Tuesday.\n\nThe U.S. military's Africa Command said Monday it had carried out an "
            "airstrike against al-Shabab about 35 kilometers northeast of Kismayo on Saturday. It said three militants "
            "were killed. It did not say what kind of aircraft was used.")
    assert [m for m in _drone(text, dt.date(2024, 5, 7)) if m.date_value == "2024-05-04"] == []


def test_the_day_a_strike_was_announced_is_not_its_day() -> None:
    text = ("Aug 2, 2022\n\nWASHINGTON - Ayman al-Zawahiri was killed by a U.S. drone strike in Kabul over the weekend, "
            "officials said.\n\nPresident Joe Biden announced the strike in a televised address from the White House on "
            "Monday evening. Two Hellfire missiles fired from a drone struck the balcony of a safe house in Kabul at 6:18 "
            "a.m. Kabul time on Sunday.")
    got = [m.date_value for m in _drone(text, dt.date(2022, 8, 2))]
    assert got == ["2022-07-31"]


def test_four_strikes_of_two_days_counted_by_their_day() -> None:
    text = ("MIRANSHAH, Sept 9: At least 26 people were killed in four US drone attacks in North Waziristan in less "
            "than 24 hours, officials said on Thursday.\n\nThe latest attack took place before dawn on Thursday when a "
            "pilotless aircraft fired two missiles at a house in the Machis area of Miranshah. Officials said six "
            "suspected militants were killed.\n\nThe first of Wednesday's three strikes hit two adjoining houses in Dande "
            "Darpa Khel at around 9am. An official said 10 people had died, while residents put the toll at 12.\n\nSome "
            "three hours later a drone targeted a pick-up vehicle in Ambar Shaga, killing all four people travelling in "
            "it.\n\nThe third attack on Wednesday came late at night, when missiles struck a compound in Dande Darpa "
            "Khel. Officials initially said five people had been killed but later raised the toll to six.")
    got = [(m.date_value, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2010, 9, 9)) if not m.aggregate]
    assert got == [("2010-09-09", 6, 6), ("2010-09-08", 10, 12), ("2010-09-08", 4, 4), ("2010-09-08", 6, 6)]


def test_drones_that_hit_two_targets_in_one_sentence_and_a_school_attack() -> None:
    text = ("January 20, 2015\n\nIt was the fourth drone strike in the tribal areas this month. On Thursday, drones hit a "
            "house in Shawal, killing seven, and a vehicle in Ladha tehsil of South Waziristan, killing five.\n\nThe "
            "government has hanged more than a dozen convicts since lifting a moratorium on executions after the school "
            "attack, in which 150 people, most of them children, were killed.")
    got = [(m.date_value, m.district, m.killed_min) for m in _drone(text, dt.date(2015, 1, 20)) if m.status == "reported"]
    assert got == [("2015-01-15", "North Waziristan", 7), ("2015-01-15", "South Waziristan", 5)]


def test_drones_seen_hovering_and_one_of_them_fired() -> None:
    text = ("June 5, 2012\n\nPakistani intelligence officials said several drones were seen hovering over the village of "
            "Hassu Khel, near the town of Mir Ali, before dawn on Monday, and that one of them fired four missiles at a "
            "house used by militants. The officials initially said 14 people were killed, but later put the toll at 15.")
    [m] = _drone(text, dt.date(2012, 6, 5))
    assert (m.date_value, m.district, m.killed_min, m.killed_max) == ("2012-06-04", "North Waziristan", 15, 15)


def test_the_deadliest_of_the_strikes_took_place_at_dawn() -> None:
    text = ("April 21, 2014\n\nYemen's government says at least 55 suspected al-Qaeda fighters have been killed since "
            "Saturday in a wave of drone strikes and security operations.\n\nThe deadliest of the strikes took place "
            "shortly after dawn prayers on Sunday, when drones struck several times at a training camp in the al-Mahfad "
            "area of Abyan province. A security official said at least 24 fighters were killed in the camp. A tribal "
            "leader said 31 bodies had been recovered.")
    got = [(m.date_value, m.district, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2014, 4, 21))
           if m.status == "reported" and not m.aggregate]
    assert got == [("2014-04-20", "Abyan", 24, 31)]


def test_a_monday_of_a_feature_and_the_sept_18_strike_it_names_later() -> None:
    text = ("By Shwan Rasool\nOctober 3, 2023\n\nIt was a Monday, a little after one in the afternoon, and a group of men "
            "from the counter-terrorism unit were standing near a hangar at the Arbat airfield near Sulaymaniyah when a "
            "drone fired a missile at them. Three of the men were killed.\n\nThe Patriotic Union of Kurdistan said that "
            "the Sept. 18 strike had been carried out by \"a Turkish drone\".")
    [m] = _drone(text, dt.date(2023, 10, 3))
    assert (m.date_value, m.killed_min) == ("2023-09-18", 3)


def test_two_strikes_minutes_apart_told_after_a_lead_of_the_month() -> None:
    text = ("MOGADISHU, Somalia (AP) - Drone strikes carried out during a Somali military operation in March killed 23 "
            "civilians at a farm, Amnesty International said Tuesday.\n\nThe rights group said two strikes hit a "
            "farming area near the village of Jambaluul in the Lower Shabelle region at about 10 p.m. on March 18, "
            "minutes apart. The first struck a small building, and the second hit people who had run into a field, "
            "it said.\n\nAmnesty said it had identified fragments of munitions used by Turkish-made Bayraktar TB2 "
            "drones. The campaign has relied on drones and manned aircraft flown by the United States, Turkey and "
            "the United Arab Emirates.")
    got = [(m.date_value, m.district, m.perpetrator) for m in _drone(text, dt.date(2024, 5, 7)) if not m.aggregate]
    # the day and the place of the pair; no one state of the three that fly drones there
    assert got == [("2024-03-18", "Lower Shabelle", None)]


def test_a_victim_s_past_in_a_relative_clause_leaves_the_toll_to_the_strike() -> None:
    text = ("JALALABAD - Drone strikes by foreign forces killed at least 30 militants in eastern Nangarhar "
            "province, officials said on Wednesday.\n\nOfficials said the first strike took place on Tuesday "
            "afternoon in the Mamand valley of Achin district.\n\nThe governor's spokesman told reporters that 19 "
            "Daesh militants were killed, among them Shahidullah Shahid, a former spokesman who pledged allegiance "
            "to Daesh last year.")
    got = [(m.date_value, m.district, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2015, 7, 8))
           if not m.aggregate]
    assert got == [("2015-07-07", "Nangarhar", 19, 19)]


def test_a_day_weeks_later_in_a_story_of_past_years_is_that_story_s() -> None:
    text = ("June 23, 2019\n\nOn June 23, 2009, a Tuesday, missiles fired by a US drone struck a house in Neej "
            "Narai in South Waziristan, killing at least five people.\n\nSix weeks later, on the night of August 5, "
            "a US drone fired on the roof of a house in Zanghara, killing Baitullah Mehsud and his wife.")
    got = sorted(m.date_value for m in _drone(text, dt.date(2019, 6, 23)) if m.date_value)
    assert got == ["2009-06-23", "2009-08-05"]


def test_a_leader_named_after_his_title_and_another_man_also_killed() -> None:
    text = ("Mon 27 Feb 2017 A senior al-Qaeda leader, Abu al-Khayr al-Masri, was killed on Sunday when a drone "
            "struck his car near al-Mastoumeh in Idlib province, the Syrian Observatory for Human Rights said. The "
            "Observatory said another man travelling with al-Masri, believed to be his bodyguard, was also killed.")
    [m] = _drone(text, dt.date(2017, 2, 27))
    assert (m.date_value, m.district, m.killed_min, m.killed_max) == ("2017-02-26", "Idlib", 2, 2)


def test_the_day_of_another_attack_and_the_city_a_commander_planned_attacks_in() -> None:
    text = ("Al Qaeda in the Arabian Peninsula has confirmed that Nasr al Ansi, the official who read the group's "
            "claim of responsibility for the January attack on Charlie Hebdo in Paris, was killed in an American "
            "drone strike in Yemen on April 21.\n\nMogadishu (HOL) - A senior Al-Shabaab commander was killed in an "
            "American drone strike near Buulo Barde in the Hiiraan region late on Friday. The Pentagon said he was "
            "responsible for planning attacks in Mogadishu.")
    got = [(m.date_value, m.district) for m in _drone(text, dt.date(2015, 5, 30))]
    assert got == [("2015-04-21", None), ("2015-05-29", "Hiran")]


def test_a_strike_a_day_later_in_the_same_sentence_and_bodies_pulled_out() -> None:
    text = ("PESHAWAR, Pakistan (Reuters) - A pilotless U.S. aircraft fired missiles at a compound in Pakistan's "
            "Orakzai tribal region late on Wednesday, killing 13 people, officials said.\n\nA tribesman, reached by "
            "telephone, gave a higher figure. \"We pulled 14 bodies out of the rubble,\" he said.\n\nWednesday's "
            "attack was the third in a week. On March 25, missiles fired by drones hit two vehicles near Makeen in "
            "South Waziristan, killing seven militants, and a day later a strike on a house near Mir Ali in North "
            "Waziristan killed four people, officials said at the time.")
    got = [(m.date_value, m.district, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2009, 4, 2))]
    assert got == [("2009-04-01", "Orakzai", 13, 14), ("2009-03-25", "South Waziristan", 7, 7),
                   ("2009-03-26", "North Waziristan", 4, 4)]


def test_the_deadliest_attack_after_a_lead_that_counts_the_strikes() -> None:
    text = ("Last Modified: 24 Jan 2013 09:18\n\nTwo suspected US drone strikes have killed at least six people in "
            "Yemen.\n\nThe deadliest attack took place late on Wednesday in Khawlan district, about 40km southeast of "
            "the capital Sanaa, when missiles struck a pick-up truck near the village of al-Masnaah, local officials "
            "said.\n\nA security official said four members of al-Qaeda were killed.\n\nEarlier on Wednesday, a drone "
            "fired a missile at two men riding a motorcycle in the Qayfa area in al-Bayda province, killing both.")
    got = [(m.date_value, m.district, m.killed_min) for m in _drone(text, dt.date(2013, 1, 24)) if not m.aggregate]
    assert got == [("2013-01-23", None, 4), ("2013-01-23", "Al Bayda", 2)]


def test_the_place_and_toll_of_the_bombing_a_strike_answered_are_not_the_strike_s() -> None:
    text = ("August 28, 2021\n\nKABUL, Afghanistan (AP) - A U.S. drone strike in eastern Afghanistan killed two "
            "members of the Islamic State group, the Pentagon said Saturday, in the first U.S. retaliation for the "
            "suicide bombing at Kabul airport that killed scores of Afghans and 13 American service members.\n\nThe "
            "strike was carried out late Friday in Nangarhar province by an MQ-9 Reaper drone, officials said.")
    got = [(m.date_value, m.district, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2021, 8, 28))]
    assert got == [("2021-08-27", "Nangarhar", 2, 2)]


def test_scenes_of_an_investigation_dated_after_and_before_the_missile() -> None:
    text = ("Published On 20 Mar 2019\n\nMogadishu, Somalia - Abdi heard the drone change its sound over Farah "
            "Waeys, a farming village in Lower Shabelle.\n\nHis two nephews were on the track to the maize field "
            "when the missile hit. It was shortly after dawn on November 12, 2017. Both were killed instantly, he "
            "said.\n\nThe case that Amnesty describes in most detail took place more than a year later, on the night "
            "of December 9, 2018, outside Gobanle, a village west of Afgooye. A minibus carrying farmers stopped on "
            "the road. A drone fired two missiles at the vehicle.\n\nAFRICOM announced the next day that it had "
            "killed eight al-Shabab fighters in \"a precision strike\" near Gobanle.")
    got = [(m.date_value, m.killed_min) for m in _drone(text, dt.date(2019, 3, 20))]
    assert got == [("2017-11-12", 2), ("2018-12-09", 8)]


def test_a_village_named_after_the_lead_is_not_a_namesake_in_another_district() -> None:
    text = ("PESHAWAR, Pakistan (Reuters) - A pilotless U.S. aircraft fired missiles at a militant compound in "
            "Pakistan's Orakzai tribal region late on Wednesday, killing 13 people, officials said.\n\nSecurity "
            "officials initially said 10 people had been killed when two missiles hit a house in Khadezai village "
            "shortly before midnight. By Thursday morning the toll had risen to 13.\n\nA tribesman gave a higher "
            "figure. \"We pulled 14 bodies out of the rubble,\" he said.")
    got = [(m.date_value, m.district, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2009, 4, 2))]
    assert got == [("2009-04-01", "Orakzai", 13, 14)]


def test_a_figure_killed_another_man_also_killed_and_a_group_named_for_the_levant() -> None:
    text = ("Sun 26 Feb 2017 A senior al-Qaeda figure was killed on Sunday when a drone struck the car he was "
            "travelling in near the village of al-Mastouma in the northwestern Syrian province of Idlib. The Syrian "
            "Observatory for Human Rights identified the dead man as Abu al-Khayr al-Masri, an Egyptian who was once "
            "a deputy to al-Qaeda leader Ayman al-Zawahiri, and said another man travelling with him was also "
            "killed. Hours later, a second drone strike hit a motorcycle on the road between Saraqeb and Sarmin, "
            "killing a fighter of Tahrir al-Sham, the Observatory said.")
    got = [(m.district, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2017, 2, 26))]
    assert got == [("Idlib", 2, 2), ("Idlib", 1, 1)]


def test_a_day_of_politics_an_election_day_and_the_strike_told_later() -> None:
    text = ("Updated 2:18 PM ET, Wed February 1, 2012\n\nSANAA, Yemen (AP) - Yemen's vice president opened his "
            "campaign for the Feb. 21 presidential election on Wednesday with a promise to \"restore the authority "
            "of the state,\" as security officials in the south said a suspected U.S. drone strike had killed at "
            "least 11 al-Qaida militants, among them a man wanted for the 2002 bombing of a French oil tanker.\n\n"
            "Hadi is the only candidate in the vote. The opposition parties have urged their supporters to vote.\n\n"
            "Protesters call the election a referendum without a choice. Saleh left Yemen last week.\n\n"
            "Hadi's speech did not mention the strike, which hit late Tuesday in the Wadi Modiya area near the town "
            "of Lawdar in the southern province of Abyan.")
    got = [(m.date_value, m.district, m.killed_min) for m in _drone(text, dt.date(2012, 2, 1))]
    assert got == [("2012-01-31", "Abyan", 11)]


def test_drones_intercepted_struck_nothing_and_the_strikes_of_drones_and_jets_are_several() -> None:
    text = ("The coalition also said that its air defences had intercepted and destroyed an explosive-laden drone "
            "launched by the Houthis towards the city of Khamis Mushait on Saturday, the third such drone it has "
            "reported intercepting this week. It said there were no casualties.")
    assert _drone(text, dt.date(2021, 2, 21)) == []
    text = ("SANAA, Yemen (AP) - Yemeni security and tribal officials said drones and manned aircraft took part and "
            "that the strikes killed at least 11 suspected militants in the southern provinces of Shabwa, Abyan and "
            "Bayda.\n\nIn Shabwa's al-Saeed district, a drone fired two missiles at a pickup truck before dawn on "
            "Thursday, killing four suspected militants, a security official said. A tribal leader in the district "
            "said five people had died.")
    got = [(m.date_value, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2017, 3, 3)) if not m.aggregate]
    assert got == [("2017-03-02", 4, 5)]


def test_the_dead_of_a_drone_strike_told_after_the_attack_the_man_planned() -> None:
    text = ("Umar Mansoor, the 'mastermind' of the December 16, 2014 attack on the Army Public School in Peshawar, "
            "was killed along with four of his accomplices in a US drone strike in the Nazyan District of Nangarhar "
            "province in Afghanistan on July 9, reports The Express Tribune.")
    [m] = _drone(text)
    assert (m.district, m.killed_min, m.killed_max) == ("Nangarhar", 5, 5)


def test_a_count_since_the_first_strike_a_uav_that_tracked_and_militants_attack() -> None:
    text = ("Since the first strike in June 2004, at least 2,300 persons have been killed in over 400 strikes, "
            "most of them in North Waziristan.")
    assert _drone(text) == []
    text = ("Three Maoists were killed in an encounter with Security Forces in Sukma District on February 4. The "
            "team launched the operation on the basis of inputs from an Unmanned Aerial Vehicle (UAV) of the "
            "NTRO, which had tracked the movement of around 30 Maoists.")
    assert _drone(text) == []
    text = ("PAF shoots down 'Iranian drone' in Panjgur\n\nA Pakistan Air Force jet shot down an unmanned aircraft "
            "that had entered Pakistani airspace from Iran.\n\nTensions have risen since April 26, when Jaish al-Adl "
            "militants killed 10 Iranian border guards near Mirjaveh, in one of the deadliest attacks on Iranian "
            "forces in years.")
    assert _drone(text, dt.date(2017, 6, 21)) == []


def test_a_year_ago_today_and_the_day_before_it() -> None:
    text = ("August 17, 2022\n\nIn Sinjar, a clinic bombed a year ago stands as a warning.\n\nA year ago today, a "
            "drone fired two missiles at the clinic in Sikeniye, killing eight people.\n\nThe day before, on August "
            "16, a drone had struck a car on the road to Sinjar town, killing a YBS commander and his nephew.")
    got = [(m.date_value, m.killed_min) for m in _drone(text, dt.date(2022, 8, 17))]
    assert got == [("2021-08-17", 8), ("2021-08-16", 2)]


def test_the_day_the_wounded_died_is_not_the_day_of_the_strike() -> None:
    text = ("May 15, 2012\n\nSHARANA (PAN): At least six insurgents were killed in a drone strike in the Barmal "
            "district of southeastern Paktika province, officials said on Tuesday.\n\nThe governor's spokesman said "
            "that an unmanned aircraft of the foreign forces targeted a house in the Margha area of Barmal on "
            "Monday night.\n\nHowever, the district chief put the toll at eight, saying two fighters who were badly "
            "wounded in the strike had died on Tuesday morning.")
    got = [(m.date_value, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2012, 5, 15))]
    assert got == [("2012-05-14", 6, 8)]


def test_a_strike_in_the_nearby_region_told_beside_a_car_bomb_and_a_village_inside_a_valley() -> None:
    text = ("(Reuters) - A car bomb tore through a crowded market in the northwestern Pakistani city of Peshawar on "
            "Sunday, killing at least 40 people, while a suspected U.S. drone strike killed three militants in the "
            "nearby North Waziristan region.")
    got = [(m.date_value, m.district) for m in _drone(text, dt.date(2013, 9, 29))]
    assert got == [("2013-09-29", "North Waziristan")]
    text = ("PESHAWAR: A US drone attack killed a dozen suspected militants in the remote Tirah valley of Khyber "
            "Agency on Monday.\n\nOfficial sources said the pilotless plane fired missiles on a hideout in the "
            "Sandapal area of Tirah. \"Twelve bodies were pulled from the debris,\" said a tribal elder.")
    got = [(m.district, m.killed_min) for m in _drone(text, dt.date(2013, 7, 2))]
    assert got == [("Khyber", 12)]


def test_where_the_strikes_told_together_took_place_places_their_parts() -> None:
    text = ("PESHAWAR, Pakistan (AP) - A barrage of U.S. drone strikes killed at least 18 suspected militants in a "
            "remote valley in northwest Pakistan on Friday, officials said.\n\nThe attacks took place in the Shawal "
            "valley of North Waziristan, a rugged area along the Afghan border.\n\nIn the first strike, missiles "
            "slammed into a compound in the village of Makai Ghar, killing six people. Minutes later, another drone "
            "fired on a house in the nearby village of Dara, killing four.")
    got = [(m.district, m.killed_min) for m in _drone(text, dt.date(2012, 8, 24)) if not m.aggregate]
    assert got == [("North Waziristan", 6), ("North Waziristan", 4)]


def test_the_third_attack_s_toll_rose_and_the_hospital_town_is_not_another_strike_s() -> None:
    text = ("MIRAMSHAH, Jan 23: At least 13 people were killed in three attacks by suspected US drones in North "
            "Waziristan on Sunday.\n\nOfficials said the first attack took place at around 10am in Doga Madakhel, "
            "a village about 25km west of Miramshah, when a drone fired two missiles at a car. Four people sitting "
            "in the car were killed.\n\nThe third attack took place in the evening near Razmak, where a drone fired "
            "missiles at a pick-up. The toll was initially put at four, but later rose to six after two of the three "
            "injured people died on the way to hospital in Miramshah, a local official said.")
    got = [(m.place, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2011, 1, 24)) if not m.aggregate]
    assert [(k, lo, hi) for _, lo, hi in got for k in [None]] == [(None, 4, 4), (None, 4, 6)]
    assert got[1][0] == "Razmak"


def test_a_chapter_of_a_group_and_a_hangar_that_stored_drones() -> None:
    text = ("At least 47 militants were killed in three US drone strikes in the Tirah Valley of Khyber Agency on "
            "December 17. In the second strike, missiles hit a compound in Nakai village, killing between eight and "
            "15 militants, most of them said to belong to the Swat chapter of the Tehreek-e-Taliban Pakistan (TTP).")
    assert {m.district for m in _drone(text)} == {"Khyber"}
    text = ("TRIPOLI (Reuters) - Warplanes of the LNA struck Tripoli's Mitiga airport late on Saturday. An LNA "
            "spokesman said its aircraft had destroyed a hangar used to store Turkish-made drones and a \"control "
            "room\" from which the drones were operated against LNA forces south of Tripoli.")
    assert _drone(text, dt.date(2019, 7, 28)) == []


def test_where_the_dead_commander_led_is_not_where_the_drone_hit_him() -> None:
    text = ("Pakistani Taliban Commander Killed in Kunar Drone Strike: Officials\n\nA senior commander of the "
            "Pakistani Taliban who led the group's fighters in Pakistan's Bajaur tribal agency was killed in a strike "
            "by a NATO drone in eastern Kunar province on Friday, Afghan officials said.")
    got = [(m.date_value, m.country, m.district) for m in _drone(text, dt.date(2012, 8, 26))]
    assert got == [("2012-08-24", "AF", "Kunar")]


def test_the_day_a_ministry_spoke_and_the_night_of_the_strike() -> None:
    text = ("June 16, 2018\n\nOn Friday, Afghanistan's defence ministry said he had been killed in a US drone "
            "strike in the Marawara district of Kunar province. The strike took place on Wednesday night, two days "
            "before Eid al-Fitr, Afghan officials said.")
    assert [m.date_value for m in _drone(text, dt.date(2018, 6, 16))] == ["2018-06-13"]
    # the only day told, though it is the day officials spoke
    text = ("Sunday's strike was the second in a week. On Friday, local officials in Hadramout said a drone fired "
            "missiles at a vehicle in the Hawra area of Wadi Hadramout, killing eight suspected militants.")
    assert "2012-08-31" in [m.date_value for m in _drone(text, dt.date(2012, 9, 5))]


def test_a_drone_shot_down_by_a_missile_and_a_soldier_hacked_to_death() -> None:
    text = ("The MQ-9 Reaper was lost over Yemen on June 6.\n\nTwo weeks later, in the early hours of June 20, an "
            "Iranian surface-to-air missile struck a U.S. Navy RQ-4A Global Hawk, a $130 million high-altitude "
            "surveillance drone, over the Strait of Hormuz.")
    assert _drone(text, dt.date(2019, 9, 1)) == []
    text = ("US drone strikes in Pakistan have fallen this year.\n\nOn Wednesday, two men hacked a British soldier "
            "to death on a street in Woolwich, in an attack they said was revenge for Western wars.")
    assert _drone(text, dt.date(2013, 5, 24)) == []


def test_the_attacks_a_dead_leader_helped_plan_are_not_the_strike() -> None:
    text = ("He was killed by a U.S. drone in Kabul.\n\nAyman al-Zawahri, who helped plan the attacks of Sept. 11, "
            "2001, and then led Al Qaeda for more than a decade, was killed on Sunday in Kabul, Afghanistan.")
    assert "2001-09-11" not in [m.date_value for m in _drone(text, dt.date(2022, 8, 2))]


def test_a_missile_strike_whose_missiles_the_next_sentence_gives_to_a_predator() -> None:
    text = ("Senior al Qaeda commander Abu Laith al-Libi was among 13 persons killed in a missile strike on a house "
            "in Khushali Torikhel village near Mir Ali in North Waziristan Agency on January 29, reports Daily "
            "Times. The missiles were believed to have been fired by a US Predator drone operating from across the "
            "border in Afghanistan.")
    [m] = _drone(text)
    assert (m.district, m.killed_min) == ("North Waziristan", 13)


def test_the_site_of_the_first_attack_is_a_place_not_a_strike() -> None:
    text = ("MIRAMSHAH, Jan 23: US drones fired missiles in three separate attacks in North Waziristan on Sunday, "
            "killing at least 13 suspected militants.\n\nOfficials said the first attack took place at about 11am "
            "in Doga Mada Khel, when a drone fired two missiles at a vehicle. Four or five people inside it were "
            "killed, they said.\n\nAbout an hour later, another drone fired three missiles at a motorcycle near "
            "Khar Kamar, not far from the site of the first attack, killing all three men riding it.")
    got = [(m.killed_min, m.killed_max) for m in _drone(text, dt.date(2011, 1, 24)) if not m.aggregate]
    assert got == [(4, 5), (3, 3)]


def test_a_spy_plane_that_fired_and_a_deadliest_since_a_day_when_missiles_struck() -> None:
    text = ("MIRAMSHAH: Missiles fired by a suspected US spy plane destroyed a house in a village near Mir Ali in "
            "North Waziristan Agency on Friday evening, killing six people, officials said.\n\nOn July 8, about 45 "
            "people were killed when drones fired missiles at a convoy in South Waziristan. It was the deadliest "
            "attack since June 23, when missiles struck a funeral prayer in Makeen and killed more than 60 people.")
    got = {(m.date_value, m.killed_min) for m in _drone(text, dt.date(2009, 7, 18)) if not m.aggregate}
    assert got == {("2009-07-17", 6), ("2009-07-08", 45), ("2009-06-23", 60)}


def test_a_drone_launched_by_militants_is_not_the_states_whose_drones_the_story_tells() -> None:
    text = ("A U.S. drone fired on a vehicle in eastern Baghdad on Wednesday night, killing a militia commander, "
            "officials said.\n\nThe strike was the latest in a series of escalations since Jan. 28, when a one-way "
            "attack drone launched by Iran-backed militants struck a U.S. outpost in Jordan, killing three American "
            "soldiers.")
    got = {m.date_value: m.perpetrator for m in _drone(text, dt.date(2024, 2, 7))}
    assert got == {"2024-02-07": "US", "2024-01-28": None}


def test_a_second_strike_on_a_hideout_and_its_tolls_told_after() -> None:
    text = ("MIRANSHAH, Pakistan — Two US drone strikes killed at least nine militants in North Waziristan on "
            "Friday, officials said.\n\nThe first attack hit a house in Zanani village early in the morning, killing "
            "five militants.\n\nAbout an hour later, a second drone attacked a compound in the Shaktoi area, where "
            "the Taliban chief is believed to have been hiding in recent weeks.\n\nOfficials in the region gave "
            "differing tolls for the second attack. One intelligence official said four people had been killed, "
            "while another said the dead numbered six.")
    got = [(m.killed_min, m.killed_max) for m in _drone(text, dt.date(2010, 1, 15)) if not m.aggregate]
    assert got == [(5, 5), (4, 6)]


def test_an_announced_airstrike_whose_drone_local_sources_heard() -> None:
    text = ("Tripoli, 15 June 2018:\n\nMeanwhile, AFRICOM confirmed yesterday that it had carried out a strike near "
            "Bani Walid on Wednesday.\n\n\"US forces conducted a precision airstrike 50 miles southeast of Bani Walid, "
            "killing one AQIM terrorist,\" AFRICOM said in a statement.\n\nAFRICOM did not say what aircraft had been "
            "used. However, local sources told the paper that a drone had been heard over the area for two days "
            "before the attack and that a missile hit a car. They said two men had been in the car and that both "
            "were killed.")
    [m] = _drone(text, dt.date(2018, 6, 15))
    assert (m.date_value, m.killed_min, m.killed_max, m.perpetrator) == ("2018-06-13", 1, 2, "US")


def test_the_place_and_day_of_the_attack_a_strike_answered() -> None:
    text = ("MOGADISHU, Jan 27 - A U.S. drone killed two al Shabaab fighters in southern Somalia, officials said. "
            "AFRICOM said the strikes were a response to the attack of Saturday in Mogadishu.")
    assert [(m.date_value, m.district) for m in _drone(text, dt.date(2014, 1, 27))] == [(None, None)]
    text = ("A senior commander responsible for planning further attacks on U.S. and AMISOM personnel in Mogadishu "
            "was killed in a drone strike in southern Somalia this week.")
    assert [m.district for m in _drone(text, dt.date(2016, 4, 2))] == [None]


def test_twin_strikes_an_hour_apart_and_a_leader_killed_along_with_his_men() -> None:
    text = ("MIRAMSHAH: At least eight suspected militants were killed when US drones fired missiles at two houses "
            "near Mir Ali on Tuesday, officials said.\n\nThe first strike took place on Tuesday evening in Haider "
            "Khel, where a drone fired four missiles at a house. Officials said four militants were killed.\n\nLess "
            "than an hour later, drones targeted another house in Hassu Khel. Officials said four people were killed "
            "there.\n\nOn January 2, a drone strike near Wana killed Maulvi Nazir, the most powerful militant "
            "commander in South Waziristan, along with five of his associates as they travelled in a vehicle.")
    got = sorted((m.date_value, m.killed_min) for m in _drone(text, dt.date(2013, 1, 9)) if not m.aggregate)
    assert ("2013-01-02", 6) in got
    assert [k for d, k in got if d == "2013-01-08"].count(4) == 2


def test_a_strike_and_the_next_days_told_in_one_sentence() -> None:
    text = ("Wednesday's strike was the third in a week. On Wednesday last week, missiles fired from a drone hit two "
            "vehicles near Makeen in South Waziristan, killing seven people, and the following day four people "
            "died when a house was targeted near Mir Ali in North Waziristan.")
    got = {(m.date_value, m.district, m.killed_min) for m in _drone(text, dt.date(2009, 4, 2))}
    assert got == {("2009-03-25", "South Waziristan", 7), ("2009-03-26", "North Waziristan", 4)}


def test_the_first_strike_of_a_period_is_the_strike_told() -> None:
    text = ("PARACHINAR - A suspected US drone struck a motorcycle in the Kurram Agency on Thursday, killing two men, "
            "officials said, in what appeared to be the first American drone attack in Pakistan since President "
            "Donald Trump took office in January.\n\nKurram has long been used as a transit route by militants, and "
            "its sectarian violence has claimed hundreds of lives over the past decade.")
    got = [(m.date_value, m.killed_min) for m in _drone(text, dt.date(2017, 3, 3))]
    assert got == [("2017-03-02", 2)]


def test_minutes_after_the_first_attack_another_missile_and_the_last_strike_before() -> None:
    text = ("DERA ISMAIL KHAN, Pakistan (Reuters) - Missiles fired by suspected U.S. drone aircraft killed at least "
            "21 people in Pakistan's South Waziristan on Saturday, intelligence officials said.\n\nOfficials said two "
            "missiles struck the former school in Tabbi Langar Khel in the early afternoon. The toll rose to 17 as "
            "residents pulled bodies from the rubble.\n\n\"The drones came low,\" said a resident. He said some of "
            "the dead were young men.\n\nThe account could not be verified.\n\nMinutes after the first attack, "
            "another missile hit a double-cabin pick-up truck as it left the village, killing all four people in "
            "it.\n\nThe last strike in South Waziristan, on April 29, killed at least six people near Kaniguram.")
    got = sorted((m.date_value, m.district, m.killed_min) for m in _drone(text, dt.date(2009, 5, 10)) if not m.aggregate)
    assert got == [("2009-04-29", "South Waziristan", 6), ("2009-05-09", "South Waziristan", 4),
                   ("2009-05-09", "South Waziristan", 17)]


def test_last_sunday_is_no_ordinal_and_a_claim_far_down_is_the_one_strike() -> None:
    text = ("The attacks came a week after a US drone killed Fahd Al Quso. Al Quso was killed with another militant "
            "last Sunday when missiles struck their car in the Rafadh area of Shabwa.")
    got = [(m.date_value, m.killed_min) for m in _drone(text, dt.date(2012, 5, 13))]
    assert got == [("2012-05-06", 2)]


def test_the_strike_near_a_town_is_the_second_in_a_week() -> None:
    text = ("A US drone strike killed two al-Shabaab fighters near Jilib late on Monday night, officials said.\n\n"
            "The strike near Jilib is the second US drone strike in the southern regions in less than a week.\n\n"
            "Last Wednesday, a drone strike near Jamaame in the Lower Juba region killed four al-Shabaab militants.")
    got = sorted((m.date_value, m.district, m.killed_min) for m in _drone(text, dt.date(2018, 2, 27)))
    assert got == [("2018-02-21", "Lower Juba", 4), ("2018-02-26", "Middle Juba", 2)]


def test_a_second_missile_and_a_third_strike_in_one_sentence() -> None:
    text = ("ADEN, Aug 2 (Reuters) - Suspected U.S. drones killed at least 15 militants in three air strikes in "
            "Abyan province, local officials said on Tuesday.\n\nThe strikes on Monday hit the al-Khamila area of "
            "Abyan. A local official said the first strike destroyed a building, killing a local commander and at "
            "least six of his men.\n\nMinutes later, a second missile hit two vehicles leaving the area, killing "
            "five people, and a third strike in the evening hit a group of fighters gathered near a checkpoint, "
            "killing three, the official said.")
    got = sorted(m.killed_min for m in _drone(text, dt.date(2011, 8, 2)) if not m.aggregate)
    assert got == [3, 5, 7]


def test_missiles_that_killed_no_one_and_the_drone_named_paragraphs_later() -> None:
    text = ("BANNU: Two missiles slammed into a house in the Jani Khel area of Bannu district early on Wednesday, "
            "wounding two men but killing no one, local officials said.\n\nIt was the first such attack outside the "
            "tribal areas.\n\nVillagers said the owner was away. One of the wounded was a guest.\n\n\"We heard the "
            "plane the whole night,\" a shopkeeper said.\n\nA senior official said a pilotless aircraft had been "
            "circling over the area for about an hour before it fired two missiles at the mud-walled compound at "
            "around 3am.")
    got = [(m.date_value, m.district, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2007, 12, 6))]
    assert got == [("2007-12-05", "Bannu", 0, 0)]
    text = ("Residents said they watched the drone circling over the town for about an hour before it dropped its "
            "first package of medicine.")
    assert _drone(text, dt.date(2023, 11, 15)) == []


def test_a_commander_of_a_network_and_two_of_his_fighters_and_the_cities_he_planned_attacks_in() -> None:
    text = ("KABUL, Afghanistan (AP) - A drone strike by the U.S.-led coalition killed a senior commander of the "
            "Haqqani network and two of his fighters in eastern Afghanistan late Tuesday, the coalition said "
            "Wednesday.\n\nThe coalition said an unmanned aircraft fired on a vehicle carrying Qari Nasrullah, a "
            "senior commander responsible for planning suicide attacks in Khost and the capital, Kabul. "
            "\"Nasrullah and two associated insurgents were killed in the precision strike,\" it said.")
    got = [(m.date_value, m.district, m.killed_min) for m in _drone(text, dt.date(2012, 7, 11))]
    assert got == [("2012-07-10", None, 3)]


def test_the_number_killed_by_a_states_drones_is_no_strike() -> None:
    text = ("Campaigners said they would hold a rally outside the Waddington base on Saturday, and claimed that the "
            "government had never given a full account of the number of people killed by British drones.")
    assert _drone(text, dt.date(2013, 4, 25)) == []


def test_pakistans_military_and_a_quoted_precision_strike() -> None:
    text = ("PESHAWAR: Pakistan's military said on Tuesday that it had used its armed drone for the second time in "
            "the Shawal valley of North Waziristan, killing four militants.\n\nThe military's spokesperson said the "
            "Burraq unmanned aerial vehicle had carried out a \"precision strike\" on a terrorist hideout in Shawal "
            "on Tuesday morning.")
    got = [(m.date_value, m.perpetrator, m.killed_min) for m in _drone(text, dt.date(2015, 10, 14))]
    assert got == [("2015-10-13", "PK", 4)]


def test_officials_said_he_died_in_a_drone_strike_in_a_district() -> None:
    text = "US officials said he died in a drone strike in North Waziristan in late May."
    [m] = _drone(text, dt.date(2010, 6, 11))
    assert (m.district, m.killed_min, m.killed_max) == ("North Waziristan", 1, None)


def test_the_unity_government_then_the_accord_and_a_part_without_casualties() -> None:
    text = ("At least three people were killed in a series of drone strikes carried out yesterday by the "
            "Tripoli-based Government of National Unity (GNU) around Zawiya.\n\nAccording to local sources, the "
            "first strike hit a warehouse in the Abu Surra area. The building caught fire, but there were no "
            "casualties, an official said.\n\nA second drone targeted a boat on the beach at Al-Harsha, killing "
            "one man.\n\nThe GNU has acquired Turkish-made drones since the war for Tripoli, in which the then "
            "Government of National Accord used them against Haftar's forces.")
    got = sorted((m.killed_min, m.perpetrator) for m in _drone(text, dt.date(2023, 5, 26)) if not m.aggregate)
    assert got == [(0, "GNU"), (1, "GNU")]


def test_drones_that_fired_at_three_places_are_a_series() -> None:
    text = ("PARACHINAR: At least seven people were killed when US drones fired missiles at three places in Kurram "
            "Agency on Friday, officials said.")
    [m] = _drone(text, dt.date(2010, 8, 28))
    assert m.aggregate


def test_an_air_strike_in_a_month_before_is_not_the_drone_told() -> None:
    text = ("The death toll from the drone strike that hit the military college in Tripoli on Saturday evening has "
            "risen to 30, the ministry said on Sunday.\n\nThe attack is one of the deadliest of the war. In July, an "
            "air strike on a migrant detention centre in the Tajoura suburb of Tripoli killed 53 migrants.")
    got = [(m.date_value, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2020, 1, 5))]
    assert got == [("2020-01-04", 30, 30)]


def test_the_first_of_mondays_strikes_and_the_second_strike_hit_a_town() -> None:
    text = ("SANA'A, Dec. 26 - American drones struck twice in Yemen on Monday, killing at least five people in the "
            "governorates of Al-Baidha and Hadramout, officials said.\n\nThe first of Monday's strikes targeted a car "
            "in the Manaseh area, east of Rada'a in Al-Baidha governorate, at around noon. A security official said "
            "two suspected members of Al-Qaeda were killed.\n\nThe second strike hit Al-Shihr, a coastal town east "
            "of Mukalla in Hadramout, in the late afternoon. A security official said three militants were killed.")
    got = sorted(m.killed_min for m in _drone(text, dt.date(2012, 12, 27)) if not m.aggregate)
    assert got == [2, 3]


def test_an_area_of_an_afghan_district_is_no_pakistani_namesake() -> None:
    text = ("JALALABAD (Pajhwok): At least 14 Daesh militants have been killed in two drone strikes by foreign "
            "forces in eastern Nangarhar province, officials said on Sunday.\n\nThe spokesman said the first strike "
            "took place late Saturday night in the Tor Ghar area of Pachiragam district, killing eight rebels.\n\n"
            "A resident of Tor Ghar confirmed the strike.\n\nThe second strike hit Daesh hideouts in the Gurgori area "
            "of Kot district early today, killing six militants. A tribal elder said four people had been killed "
            "and that all of them were Daesh fighters from Orakzai and Bajaur areas of Pakistan.")
    got = {m.country for m in _drone(text, dt.date(2017, 6, 4))}
    assert got == {"AF"}
    assert "Tor Ghar" not in {m.district for m in _drone(text, dt.date(2017, 6, 4))}


def test_a_us_military_strike_whose_drone_two_officials_named() -> None:
    text = ("A U.S. military strike in southern Somalia last week killed a senior al Shabaab commander who helped "
            "plan the 2013 attack on Nairobi's Westgate shopping mall, the Pentagon said on Wednesday.\n\nHe was "
            "killed on March 12 near the town of Bardhere in Somalia's Gedo region, a spokesman said.\n\nThe "
            "spokesman described the operation as an \"airstrike\", but two U.S. officials said it was carried out "
            "by an unmanned drone.\n\nA Somali official said the drone fired two missiles at a car. \"All three in "
            "the car were killed,\" he said.")
    got = [(m.date_value, m.district, m.killed_min) for m in _drone(text, dt.date(2015, 3, 19))]
    assert got == [("2015-03-12", "Gedo", 3)]


def test_where_militants_were_going_and_the_pak_afghan_border_place_nothing() -> None:
    text = ("At least 12 militants were killed in three US drone attacks in the lower parts of Kurram Agency on "
            "August 27, reports Dawn. In the first attack, drones fired four missiles at two vehicles in the "
            "Shahidano Dhand area near the Pak-Afghan border, killing nine suspected militants who were on their way "
            "to Afghanistan's Paktia Province. Hours later, two missiles struck a house in Taaloo Ganj village, "
            "killing three militants.")
    got = [(m.country, m.district, m.killed_min) for m in _drone(text) if not m.aggregate]
    assert got == [("PK", "Kurram", 9), ("PK", "Kurram", 3)]


def test_a_commander_killed_earlier_in_the_day_whose_funeral_was_struck() -> None:
    text = ("At least 45 persons were killed when US drones fired missiles at a gathering of mourners in the Lattaka "
            "area of Makeen tehsil in South Waziristan Agency on June 23, reports Dawn. The funeral was being held "
            "for a TTP commander, Khwaz Wali Mehsud, who had been killed along with five other militants earlier in "
            "the day in a drone attack on a compound in the Neej Narai area of Makeen.")
    got = sorted(m.killed_min for m in _drone(text))
    assert got == [6, 45]


def test_a_months_count_beside_two_strikes_told_stands_as_well() -> None:
    text = ("Four militants were killed when a US drone fired two missiles at a pick-up truck in the Lawara Mandi "
            "area of Datta Khel tehsil in North Waziristan Agency on September 26, reports The News. Earlier in the "
            "day, a drone attack on a jeep near the Miranshah bazaar killed at least three persons. Official "
            "sources said US drones had carried out 20 attacks in North Waziristan since the beginning of the "
            "month, killing more than 100 persons.")
    got = sorted((m.aggregate, m.killed_min) for m in _drone(text))
    assert got == [(False, 3), (False, 4), (True, 100)]


def test_the_three_strikes_of_a_day_told_in_the_sentence_before() -> None:
    text = ("On December 17, drones struck the Tirah valley of Khyber Agency three times in the course of a single "
            "day. The political administration said 54 people were killed in the three strikes, officials said, "
            "most of them members of a faction of the Tehreek-e-Taliban Pakistan from Swat.")
    [m] = _drone(text, dt.date(2011, 1, 2))
    assert (m.aggregate, m.date_value, m.district, m.killed_min) == (True, "2010-12-17", "Khyber", 54)


def test_where_refugee_families_fled_from_is_not_where_the_drone_struck() -> None:
    text = ("PESHAWAR: US drones carried out two attacks near an Afghan refugee camp in North Waziristan on Sunday.\n\n"
            "Officials said the first attack took place in Shiva village, near Mir Ali, killing three men. About 20 "
            "minutes later, another drone fired missiles at a house nearby. Officials said four people were killed "
            "in the second attack.\n\nTribal elders said the victims were Afghan refugees from the nearby camp, which "
            "houses families who fled Khost and Paktia provinces in the 1980s.")
    got = {(m.country, m.district) for m in _drone(text, dt.date(2010, 10, 11)) if not m.aggregate}
    assert got == {("PK", "North Waziristan")}


def test_a_strike_on_the_outskirts_of_a_town_told_again_in_its_area() -> None:
    text = ("MIRAMSHAH: At least 21 people were killed when a US drone fired missiles at a house on the outskirts of "
            "Miramshah, the main town of North Waziristan, in the early hours of Wednesday, officials said.\n\nThe "
            "missiles struck as people were eating sehri in the Dande Darpakhel area, about five kilometres north "
            "of Miramshah. Local tribesmen said the dead included several men who had arrived at the house the "
            "previous evening.")
    got = [m.date_value for m in _drone(text, dt.date(2011, 8, 11))]
    assert got == ["2011-08-10"]


def test_the_second_such_attack_and_a_strike_in_the_same_area_named_before() -> None:
    text = ("Four killed in suspected drone attack in Bannu\n\nBANNU: At least four people were killed when a missile "
            "believed to have been fired by a US drone struck a house in the Jani Khel area of Bannu district on "
            "Sunday afternoon, officials said, in the second such attack outside the tribal areas in four months."
            "\n\nOn Thursday, missiles fired by a pilotless aircraft killed at least 24 people in Barjo village of "
            "Kurram Agency.\n\nIt was also the second known strike in the Jani Khel area. In November, a drone attack "
            "on a house in the same area killed five people.")
    got = sorted((m.killed_min, m.district) for m in _drone(text, dt.date(2009, 3, 15)))
    assert got == [(4, "Bannu"), (5, "Bannu"), (24, "Kurram")]


def test_residents_toll_far_down_a_one_strike_story() -> None:
    text = ("MIRAMSHAH, March 17: At least 38 people were killed when missiles fired by a US drone struck a jirga in "
            "the Datta Khel area of North Waziristan on Thursday, officials said.\n\nThe attack came a day after the "
            "release of a CIA contractor. Officials said the drone fired four missiles at a gathering.\n\nThe elders "
            "had assembled to settle a dispute over a mine.\n\n\"Most of those who died were elders.\n\nThere were "
            "some Taliban among them,\" one official said.\n\nA tribal elder, who said he had lost two nephews, put "
            "the death toll at 44.")
    [m] = _drone(text, dt.date(2011, 3, 18))
    assert (m.killed_min, m.killed_max) == (38, 44)


def test_the_deadliest_strike_of_a_day_of_strikes_on_dozens_of_sites() -> None:
    text = ("QAMISHLI, Syria - At least 31 people were killed on Thursday as Turkish drones and warplanes struck "
            "dozens of sites across northeast Syria, local authorities said.\n\nThe strikes came a day after a "
            "minister's threat.\n\nIn that attack, two assailants detonated explosives; both were killed.\n\nThe PKK "
            "claimed it. Ankara said the attackers had come from Syria.\n\nThe deadliest strike on Thursday targeted "
            "a training academy near the town of Derik in the far northeast. The SDF initially said 21 had been "
            "killed, but the toll later rose to 29.")
    got = sorted((m.aggregate, m.killed_max) for m in _drone(text, dt.date(2023, 10, 6)))
    assert (False, 29) in got


def test_a_vehicle_that_stopped_is_no_halt_of_the_strikes() -> None:
    text = ("MARIB - The first strike took place at about 8 pm on Saturday, when a drone fired two missiles at a "
            "pickup, causing no casualties.\n\nAbout two hours later, a second strike hit the same vehicle after it "
            "had stopped near a farmhouse a few kilometres away, killing all four men inside.")
    got = sorted(m.killed_min for m in _drone(text, dt.date(2013, 1, 21)))
    assert got == [0, 4]


def test_officials_three_then_residents_a_fourth_body() -> None:
    text = ("The US launched a drone strike against a compound in Kurram yesterday, killing three militants, "
            "officials said.\n\nMissiles struck a house in the village of Ghuz Ghari on the morning of Sept. 15. "
            "Two officials said three militants were killed. Residents told a newspaper that a fourth body was "
            "recovered from the rubble later in the day.")
    [m] = _drone(text, dt.date(2017, 9, 16))
    assert (m.killed_min, m.killed_max) == (3, 4)


def test_a_residents_heard_toll_a_few_paragraphs_down() -> None:
    text = ("MIRANSHAH, Pakistan (AP) - A U.S. drone fired missiles at a house in North Waziristan on Sunday evening, "
            "killing at least four suspected militants, intelligence officials said.\n\nThe officials said the "
            "drone fired two missiles.\n\nThe house caught fire.\n\nThe officials spoke anonymously.\n\nA resident "
            "said as many as six drones had been flying over the area.\n\n\"We were all watching the sky,\" he said. "
            "He said he had been told by neighbors that five or six people had died.")
    [m] = _drone(text, dt.date(2013, 4, 15))
    assert (m.killed_min, m.killed_max) == (4, 6)


def test_the_deadliest_of_a_series_is_one_strike() -> None:
    text = ("QAMISHLI, Syria - A Turkish drone strike killed three women commanders of the SDF near the city of "
            "Qamishli on Friday evening, the SDF said, in the deadliest of a series of drone attacks since the "
            "Tehran summit on Tuesday.")
    [m] = _drone(text, dt.date(2022, 7, 23))
    assert (m.aggregate, m.date_value, m.killed_min) == (False, "2022-07-22", 3)


def test_drones_harassed_by_russian_military_aircraft_are_still_american() -> None:
    text = ("U.S. Central Command announced on Sunday that an American MQ-9 Reaper strike in Syria killed an Islamic "
            "State leader. The strike was carried out late Friday night by the same drones that had been harassed by "
            "Russian military aircraft for almost two hours earlier that day.")
    got = {m.perpetrator for m in _drone(text, dt.date(2023, 7, 10))}
    assert got == {"US"}


def test_a_years_dead_in_drone_strikes_is_a_tally() -> None:
    text = ("The report said 145 suspected militants were killed in drone strikes during the year, most of them in "
            "the Shawal and Datta Khel areas of North Waziristan Agency after the launch of Operation Zarb-e-Azb in "
            "June.")
    assert _drone(text) == []


def test_drones_that_dropped_smuggled_weapons_struck_nothing() -> None:
    text = ("Punjab Police on September 24 said that drones from Pakistan had dropped around 80 kilograms of weapons "
            "including five AK-47 rifles in Tarn Taran District over eight sorties.")
    assert _drone(text) == []
    text = "A drone dropped explosives on an army post near the town, killing two soldiers."
    assert len(_drone(text)) == 1


def test_that_attack_after_came_a_week_after_is_the_attack_just_named() -> None:
    text = ("SANAA (Reuters) - A drone killed at least 13 people travelling in a wedding convoy near Rada'a in "
            "al-Bayda province on Thursday, officials said. A tribal leader put the number of dead at 17.\n\n"
            "Thursday's attack came a week after AQAP militants stormed the Defence Ministry compound in Sanaa on "
            "Dec. 5, setting off a car bomb. That attack killed 52 people, including foreign doctors.")
    [m] = _drone(text)
    assert (m.killed_min, m.killed_max) == (13, 17)


def test_vehicles_hit_by_missiles_say_where_the_strike_was() -> None:
    text = ("SANAA (Reuters) - An air strike that Yemeni officials said was carried out by a drone killed at least "
            "13 people travelling in a wedding convoy in central Yemen on Thursday. The vehicles were heading to a "
            "wedding party in the village of Qaifa, near the town of Rada'a in al-Bayda province, when they were "
            "hit by missiles, local officials said.")
    [m] = _drone(text)
    assert m.district == "Al Bayda"


def test_a_reaper_struck_by_a_missile_is_a_drone_shot_down() -> None:
    text = ("SANAA, Yemen (AP) - Yemen's rebels shot down a U.S. military drone over the capital on Sunday, U.S. "
            "officials said. Two U.S. officials said an MQ-9 Reaper drone was struck by a surface-to-air missile "
            "fired by the rebels while flying over Sanaa on Sunday evening.")
    assert _drone(text) == []


def test_a_demand_for_an_end_to_us_drone_strikes_reports_none() -> None:
    text = ("The attack came as parliament debates new terms of engagement with the United States, including a "
            "demand for an end to U.S. drone strikes on militant targets in the tribal areas, after a NATO "
            "cross-border air attack killed 24 Pakistani soldiers in November.")
    assert _drone(text) == []


def test_a_count_since_the_launch_of_an_operation_is_not_the_strikes_day() -> None:
    text = ("Published: July 20, 2014\nThe strike came three days after a drone attack on a house in the main Datta "
            "Khel bazaar on Wednesday killed at least 18 people, in the first such strike since the launch of "
            "Operation Zarb-e-Azb on June 15.")
    [m] = _drone(text, dt.date(2014, 7, 20))
    assert m.date_value == "2014-07-16"


def test_a_paper_called_today_and_an_aircraft_the_raiders_damaged() -> None:
    text = ("August 20, 2012\nAt least 12 suspected militants were killed in three US drone attacks in the Shawal "
            "valley of North Waziristan over the Eid weekend, officials said. The first attack came late on "
            "Saturday night. A drone fired two missiles at a house in "
            "the Shuweda area of Shawal in North Waziristan, killing at least six people, officials said. "
            "\"Twelve people were killed,\" a tribesman told Pakistan Today by telephone. Early on Sunday, another "
            "drone fired missiles at a house in Mana village, killing four people, officials said. Residents said "
            "seven had died. On Thursday, nine militants stormed the Minhas air base before dawn, damaging an "
            "aircraft.")
    got = [(m.date_value, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2012, 8, 20)) if not m.aggregate]
    assert got == [("2012-08-18", 6, 12), ("2012-08-19", 4, 7)]


def test_the_deadlier_of_two_strikes_counted_in_a_province() -> None:
    text = ("JALALABAD, Afghanistan (AP) - Two U.S. drone strikes in eastern Nangarhar province killed 14 Islamic "
            "State militants, Afghan officials said Wednesday. The deadlier strike hit a house late Tuesday in the "
            "Pekha valley of Achin district, a spokesman said. He said 11 militants were killed. A tribal elder "
            "said 15 people were killed in the strike. Hours earlier on Tuesday, a drone fired a missile at a "
            "vehicle in the Deh Bala district, killing three militants.")
    got = [(m.date_value, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2017, 8, 16))]
    assert got == [("2017-08-15", 11, 15), ("2017-08-15", 3, 3)]


def test_a_drone_shot_down_long_after_it_was_named() -> None:
    text = ("The escalation on Saturday began when an Iranian drone launched from an airbase near the central Syrian "
            "city of Palmyra crossed into Israeli airspace before dawn and was shot down by an Israeli attack "
            "helicopter over the town of Beit Shean, the Israeli military said.")
    assert _drone(text) == []


def test_a_condemnation_of_mondays_drone_strike_adds_no_place_or_toll() -> None:
    text = ("PESHAWAR: A US drone fired missiles at a compound in the Shawal area of North Waziristan Agency on "
            "Monday, killing five suspected militants, officials said. A tribesman said the number of dead was "
            "seven. The Foreign Office in Islamabad condemned Monday's drone strike in a statement, saying it was "
            "a violation of Pakistan's sovereignty. Analysts say the strikes target the Tehreek-e-Taliban "
            "Pakistan, who have killed thousands of soldiers and civilians.")
    got = [(m.district, m.killed_min, m.killed_max) for m in _drone(text, dt.date(2015, 5, 19))]
    assert got == [("North Waziristan", 5, 7)]


def test_drones_repelled_then_told_as_launched_from_idlib_never_struck() -> None:
    text = ("Russia's Defence Ministry said on Monday its forces in Syria had fought off an attack by 13 armed drones "
            "on the Hmeimim air base overnight, shooting down seven of them. The ministry said there were no "
            "casualties or damage and that the drones, carrying small explosive devices, had been launched from an "
            "area more than 50 km away in the Idlib de-escalation zone. It said it was the first time militants "
            "had used such a massive drone attack.")
    assert _drone(text) == []


def test_informers_who_helped_drones_find_targets_are_no_strike() -> None:
    text = ("The bullet-riddled bodies of two men were found near the Mir Ali bazaar with a note saying that they "
            "had been killed for spying for the US and helping drones \"find targets\".")
    assert _drone(text) == []


def test_a_witness_says_minutes_later_the_drone_hit_it() -> None:
    text = ("KABUL (AP) - A NATO drone strike on a pickup truck in Kunar province killed 16 people on Saturday, "
            "officials said. \"The fighters stopped the truck and climbed in, and a few minutes later the drone hit "
            "it,\" the spokesman said.")
    assert len(_drone(text)) == 1


def test_a_series_takes_the_leads_day_not_its_backgrounds() -> None:
    text = ("Published: Thursday, August 8, 2013\nSANAA, Yemen (AP) - U.S. drone strikes killed at least nine "
            "suspected al-Qaida militants in two remote provinces of Yemen on Thursday, Yemeni officials said. The "
            "strikes were the latest in an intensified campaign that has seen at least five drone attacks in the "
            "country since the U.S. evacuated non-essential staff from its embassy in Sanaa on Tuesday. In the "
            "first attack, before dawn, a drone fired missiles at two vehicles in Wadi Abida in Marib, killing six "
            "people. In the afternoon, another drone hit a pickup truck in the Qatn district of Hadramawt "
            "province, killing all three men inside.")
    got = [(m.date_value, m.killed_min) for m in _drone(text, dt.date(2013, 8, 8)) if not m.aggregate]
    assert got == [("2013-08-08", 6), ("2013-08-08", 3)]


def test_rebels_claim_another_drone_and_an_mq9_went_down() -> None:
    text = ("US and British strikes on Yemen kill 16, Houthis say, as rebels claim another American drone\n\n"
            "A U.S. defense official said the military was aware of the claim and that \"an MQ-9 went down\" in "
            "Yemen on Wednesday, but would not say whether it had been hit by a missile.")
    assert _drone(text) == []


def test_a_sentence_about_a_meeting_in_the_datelines_town_is_no_follow_up() -> None:
    text = ("MOGADISHU, March 13 (Xinhua) -- A senior Al-Shabaab commander was killed along with his bodyguards in a "
            "U.S. drone strike in southern Somalia, officials said on Friday. Adan Garaar was killed when missiles "
            "hit his car near the town of Dinsoor in the Bay region on Thursday. On Wednesday, the prime minister "
            "met the UN envoy in Mogadishu to discuss the constitutional review.")
    got = [(m.date_value, m.district) for m in _drone(text, dt.date(2015, 3, 13))]
    assert ("2015-03-11", "Banadir") not in got


def test_an_airstrike_whose_aircraft_the_statement_left_unsaid_heard_as_a_drone() -> None:
    text = ("Tripoli, 26 March 2018:\nAFRICOM has confirmed that it carried out an airstrike near Ubari in "
            "south-west Libya on Saturday, killing two members of AQIM. It did not identify the two men or say "
            "what aircraft had been used. \"We assess no civilians were killed in this strike,\" it said. Residents "
            "in Ubari said that a drone had been heard circling over the area before a missile hit a house.")
    got = [(m.type, m.killed_min) for m in extract_document(document_from_text(text, "t")).mentions]
    assert got == [("drone_strike", 2)]


def test_afghan_refugees_do_not_make_a_pakistani_story_afghan() -> None:
    text = ("At least two persons were killed when a suspected US drone fired two missiles at a house in the Spin "
            "Thal area, on the boundary of Hangu District and Kurram Agency, on January 24. Local officials said "
            "the house was in a settlement of Afghan refugees. Local sources said three persons had died.")
    [m] = _drone(text)
    assert m.country == "PK"


def test_where_a_commanders_fighters_went_and_an_event_named_by_its_town_are_not_the_strikes_place() -> None:
    text = ("Pakistani officials said the drone fired two missiles at a house in the Speen Thal area early this "
            "morning, killing a commander who reportedly oversaw the movement of fighters and supplies into "
            "Afghanistan's Khost and Paktia provinces. Since the Khost bombing, US drones have carried out about a "
            "dozen strikes.")
    [m] = _drone(text)
    assert m.district not in ("Khost", "Paktia")


def test_a_one_word_name_that_goes_on_with_an_article_is_not_that_place() -> None:
    from strikewatch.extract.gazetteer import get_gazetteer

    assert get_gazetteer().find("a cave in the Wadi al-Shay valley, south-west of Kirkuk")[-1].place.name == "Kirkuk"
    assert [p.text for p in get_gazetteer().find("in the Wadi al-Shay valley")] == []


def test_a_series_told_by_the_hour_of_each_strike() -> None:
    text = ("At least 33 militants were killed in three US drone attacks in Datta Khail tehsil of North Waziristan "
            "Agency on July 12. In the first attack, early in the morning, drones fired two missiles at a house in "
            "Gurwek area, killing 12 militants. Around noon, drones fired four missiles at a compound in Datta "
            "Khail village, killing 13 persons, among them four men who had rushed to the compound to help the "
            "injured. Later in the evening, another drone targeted a car near the Datta Khail bazaar, killing "
            "eight militants.")
    got = [(m.killed_min, m.killed_max) for m in _drone(text) if not m.aggregate]
    assert got == [(12, 12), (13, 13), (8, 8)]


def test_an_army_that_used_its_own_drone_striking_a_compound() -> None:
    text = ("Three terrorists were killed when the Pakistan Army used its indigenously built armed drone, Burraq, "
            "for the first time in an operation, striking a compound in the Shawal valley of North Waziristan "
            "Agency on September 7, reports Dawn.")
    [m] = _drone(text)
    assert (m.perpetrator, m.killed_min) == ("PK", 3)


def test_a_strike_told_in_its_month_then_by_its_day_from_an_investigation() -> None:
    text = ("27 Aug 2020\nTRIPOLI - A drone operated by the United Arab Emirates fired the missile that killed 26 "
            "unarmed cadets at a military academy in the Libyan capital Tripoli in January, according to an "
            "investigation by the BBC published on Thursday. The investigation concluded that a Chinese-made Wing "
            "Loong II drone flying from the al-Khadim air base in eastern Libya had launched a Blue Arrow 7 missile "
            "at the academy in the Hadba district on the evening of 4 January.")
    [m] = _drone(text, dt.date(2020, 8, 27))
    assert (m.date_value, m.killed_min) == ("2020-01-04", 26)


def test_coalition_air_strikes_as_rebels_target_an_airport_with_drones() -> None:
    text = ("SANAA: Air strikes by the Saudi-led military coalition on a house in Yemen's northern province of Saada "
            "killed seven members of one family overnight, the Houthi rebels' Al-Masirah television said on "
            "Wednesday, as the rebels again targeted a Saudi airport with drones.")
    got = [(m.type, m.killed_min) for m in extract_document(document_from_text(text, "t")).mentions
           if m.killed_min is not None]
    assert got == [("air_strike", 7)]


def test_a_missile_in_a_story_whose_drone_only_collided_is_no_drone_strike() -> None:
    text = ("Russian jet collides with US drone, sending it into Black Sea\n\nA Russian fighter jet struck the "
            "propeller of a U.S. surveillance drone over the Black Sea on Tuesday, U.S. officials said. In eastern "
            "Ukraine, a Russian missile struck a residential building in the city of Kramatorsk on Tuesday, "
            "killing one person.")
    assert _drone(text) == []


def test_fighters_preparing_to_attack_a_post_is_no_attack() -> None:
    text = ("Afghan army uses surveillance drones to target Taliban in Helmand\n\nHe said that on Monday a drone "
            "spotted a group of Taliban fighters preparing to attack an army post in Nad Ali, and artillery fire "
            "guided by the drone killed seven of them.")
    assert _drone(text) == []


def test_a_claimed_drone_attack_shot_down_and_a_drone_destroyed_on_the_ground() -> None:
    text = ("The group also claimed a drone attack on Irbil's airport later Saturday. The Kurdistan region's "
            "counterterrorism service said the drone was shot down before reaching its target and caused no damage.")
    assert _drone(text) == []
    text = ("The LNA said on Monday its aircraft had struck a hangar at Mitiga airport, Tripoli's only functioning "
            "airport, destroying what it said was a Turkish-made drone being prepared for a mission.")
    assert _drone(text) == []


def test_later_in_the_day_drones_struck_again_and_a_route_to_khost() -> None:
    text = ("At least 10 suspected militants were killed in two US drone attacks in the Lower Kurram area of Kurram "
            "Agency on June 20, reports Dawn. In the first strike, a drone fired two missiles at a "
            "vehicle in Khardand village, killing seven militants. Later in the day, drones fired missiles at a "
            "house in the nearby Zarakai village, killing between three and five persons. Local sources said the "
            "vehicle belonged to fighters who had been using the area as a route to Afghanistan's Khost Province.")
    got = [(m.date_value, m.district, m.killed_min, m.killed_max) for m in _drone(text) if not m.aggregate]
    assert got == [("--06-20", "Kurram", 7, 7), ("--06-20", "Kurram", 3, 5)]
