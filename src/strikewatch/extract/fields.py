"""Components that fill a frame's fields from the text bound to it.

Each reads only the frame's own ranges (its clause of the trigger sentence,
plus follow-up sentences bound to it), so a figure or a place stated for
another event in the same article never leaks in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from typing import Any

from strikewatch.extract import actors, casualties, dates
from strikewatch.extract.events import BACKGROUND, DISTINCT, DRONE, MANNED, TOTALS
from strikewatch.extract.numbers import find_quantities
from strikewatch.extract.state import DocState, Frame
from strikewatch.extract.text import Sentence
from strikewatch.model import Place, Span

# "In a different context, ...", "Meanwhile, ...": the story moves to something else
_NEW_TOPIC = re.compile(
    r"(?:In\s+(?:a\s+)?(?:different|separate|another|an\s+unrelated)\s+(?:context|development|incident)|"
    r"Meanwhile|Separately|Elsewhere|In\s+other\s+news|Earlier|Also\s+on)\b"
)
_ENTRY_HEAD = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+\d{1,2}\s*[:–—-]\s|\d{1,2}\s+[A-Z][a-z]+\s*[:–—-]\s"
)
# "Momadkhel, North Waziristan.": a list entry's place, told after its toll
_PLACE_TAG = re.compile(
    r"\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}(?:(?:,\s*|\s+(?:area|village|town|district)\s+of\s+|"
    r"\s+near\s+)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}){0,3}\s*\.?\s*"
)
_OPERATIONS = re.compile(r"\b(?:their|its|the|our)\s+(?:\w+\s+)?(?:operations|offensive|campaign)\b[^.;]{0,80}?"
                         rf"\b{casualties.KILL}\b"
                         # "23 terrorists had been neutralised in air operations on Wednesday"
                         rf"|\b{casualties.KILL}\s+(?:\w+\s+){{0,3}}?in\s+(?:\w+\s+)?(?:air\s+)?operations\b",
                         re.IGNORECASE)
MISSILE = re.compile(r"\b(?:missiles?|missile\s+strikes?)\b", re.IGNORECASE)
_KILL_NEAR = re.compile(rf"\b{casualties.KILL}\b", re.IGNORECASE)


def bind_followups(state: DocState) -> None:
    """Attach the next sentence to a frame when it continues the same story.

    "A US drone fired two missiles at a compound on Monday. Four militants
    died." The second sentence has no trigger of its own but states the toll.
    """
    _days_not_told(state)
    by_sentence: dict[int, list[Frame]] = {}
    for f in state.frames:
        by_sentence.setdefault(f.sentence.index, []).append(f)
    text = state.text
    for f in state.frames:
        # an aggregate's toll is its own; the sentences after it tell its parts
        if f.status != "reported":
            continue
        if f.aggregate and f.sentence.index and re.search(
                r"(?i:\bthe\s+(?:two|three|four|five|six|\d)\s+(?:drone\s+)?(?:strikes|attacks|raids)\b)", f.sentence.text):
            prev = state.sentences[f.sentence.index - 1]
            if any(g.type == f.type and g.status == "background" for g in by_sentence.get(prev.index, [])) and any(
                    d.precision in ("day", "partial_day") and not dates.is_reporting_date(text, d)
                    for d in dates.find_dates(text, state.published, prev.start, prev.end)):
                # "On December 17, drones struck the Tirah valley three times ... The political
                # administration said 54 people were killed in the three strikes": that day and valley
                f.extra.append(prev)
                state.note("followups.v1", f"sentence {prev.index} tells where and when the strikes of sentence "
                           f"{f.sentence.index} were", prev.span)
        if f.aggregate:
            nxt_i = f.sentence.index + 1
            if (nxt_i < len(state.sentences) and not by_sentence.get(nxt_i)
                    and _SERIES_PLACE.match(state.sentences[nxt_i].text)):
                # "A barrage of U.S. drone strikes killed at least 18 ... The attacks took place in
                # the Shawal valley of North Waziristan": where the strikes told together were
                f.extra.append(state.sentences[nxt_i])
                state.note("followups.v1", f"sentence {nxt_i} says where the strikes of sentence "
                           f"{f.sentence.index} were", state.sentences[nxt_i].span)
            continue
        prev_i = f.sentence.index - 1
        if (prev_i >= 0 and not by_sentence.get(prev_i) and not f.anaphoric and f.type != "other_attack"
                and _ANNOUNCES_A_STRIKE.search(state.sentences[prev_i].text)
                and not dates.find_dates(text, state.published, f.sentence.start, f.sentence.end)):
            # "AFRICOM confirmed that it had carried out a strike near Bani Walid on Wednesday.
            # 'US forces conducted a precision airstrike ..., killing one terrorist,' it said": the
            # announcement's day and place, told in the sentence before the statement
            f.extra.append(state.sentences[prev_i])
            state.note("followups.v1", f"sentence {prev_i} announces the strike of sentence {f.sentence.index}",
                       state.sentences[prev_i].span)
        if f.sentence.index <= 4 and _is_heading(state, f.sentence.index) and re.search(r"\d", f.sentence.text) is None:
            # ("Somalia: drones strike Shebab in Kismayo as famine toll mounts" over a lead on
            # cholera): a headline says its strike in short; the lead after it is another paragraph
            continue
        if f.anaphoric and not (f.sentence.index > 0 and (
                _TOLL_BY_SOURCE.search(f.sentence.text)
                # "The strike killed at least 42 people, according to the municipal council"
                or _STRIKE_KILLED.match(f.sentence.text))):
            # (but "Pakistani officials told reporters that the Zeraki strike killed 10 people"
            # opens an account of its toll that others go on to dispute)
            continue
        if f.distinct and any(g is not f and g.status == "reported" and g.type == f.type
                              and g.trigger.start < f.trigger.start for g in by_sentence[f.sentence.index]):
            # "A drone struck a hospital on Tuesday, killing eight, a day after another drone
            # strike killed a commander": what follows tells the sentence's first strike
            continue
        anchor = f.sentence.index  # the last sentence that named this strike again
        for j in range(f.sentence.index + 1, min(len(state.sentences), f.sentence.index + 11)):
            nxt = state.sentences[j]
            own = by_sentence.get(j, [])
            if j > f.sentence.index + 5 and any(
                    d.kind == "explicit" and not dates.is_reporting_date(text, d)
                    for d in dates.find_dates(text, state.published, nxt.start, nxt.end)):
                continue  # far down, "On Dec. 27, a barrage of rockets hit ...": the story's background
            if j > anchor + 5:
                # far down, only another source's toll of the one strike told so far ("Residents
                # and tribal elders put the death toll at 44")
                if any(not g.anaphoric for g in own):
                    break  # another event told: what follows is its own
                if own or not (_PUT_THE_TOLL.search(nxt.text) or _HEARD_TOLL.search(nxt.text)) or re.search(
                        r"\b(?:when|after)\b", nxt.text) or any(
                        g.type == f.type and g.status == "reported" and not g.anaphoric
                        for i in range(f.sentence.index + 1, j) for g in by_sentence.get(i, [])):
                    continue
            # a sentence with an event of its own (or another kind of attack) is not a follow-up
            if any(not g.anaphoric and (g.status == "reported" or g.type != f.type) for g in own):
                break
            # "July 13: Three soldiers were killed ...": a new entry of a dated list
            if _ENTRY_HEAD.match(text, nxt.start):
                break
            if _is_heading(state, j):
                break  # "Trouble on the Line of Control": a section of another story
            if (DISTINCT.search(text, nxt.start, nxt.end) and not _same_ordinal(f, text[nxt.start : nxt.end]) and re.search(
                    r"(?i:\b(?:strikes?|attacks?|raids?|drones?|missiles?|bomb\w*|aircraft)\b)", text[nxt.start : nxt.end])
                    ) or _NEW_TOPIC.match(text, nxt.start):
                # ("the dead were members of a group who had crossed over a day earlier": people
                # moving, not another strike)
                break
            if any(act.search(text, nxt.start, nxt.end) and not unless.search(text, nxt.start, nxt.end)
                   for act, unless in _OTHER_EVENT_ACTS):
                break  # another event, told without the drone: its toll is its own
            if _other_day(state, f, nxt):
                break  # "on 2 July 2012, ..." after a strike of 7 September: another day, another story
            if (_history_told(text, nxt.start, nxt.end)) or TOTALS.search(text, nxt.start, nxt.end):
                # "the first since March 17, when a strike killed 40": history, not this toll
                continue
            if re.match(r"\s*(?:The|This|That|It|Its)\s+(?:[\w-]+\s+){0,2}?(?:strike|attack|raid)?\s*(?:came|comes|followed|follows)\s",
                        text[nxt.start : nxt.end]):
                # "The strike came as foreign forces prepare to leave on December 31": what
                # else was happening, not more of this strike
                continue
            if _GROUND_OPERATION.search(text, nxt.start, nxt.end) and not re.search(
                    r"(?i:\bdrones?\b|\bstrike\b|\bmissiles?\b|\bUAVs?\b)", text[nxt.start : nxt.end]):
                # "Afghan commandos ... killed 23 ISIS-K fighters in an operation in Achin": another
                # event, whose toll is its own
                continue
            if _RUNNING_COUNT.search(text, nxt.start, nxt.end):
                # "The deaths bring to four the number of people killed by Turkish drones in the
                # Kobane region since Sunday": a count over several strikes, not this one's
                continue
            if _SIDE_TOLL.search(text, nxt.start, nxt.end):
                # "On the Israeli side, seven soldiers and two civilians have been killed": a
                # running count of a war, not this strike's dead
                continue
            if _CAMPAIGN_TOLL.search(text, nxt.start, nxt.end):
                # "the drone program in Yemen, which rights groups say has killed dozens of
                # civilians": the toll of a campaign, not of this strike
                continue
            if _OPERATIONS.search(text, nxt.start, nxt.end):
                # "their operations on Thursday had neutralised 34 terrorists": a toll of the
                # whole day's operations, not of this strike
                continue
            if _other_area(state, f, nxt):
                # "Turkey's defence ministry said four PKK militants had been neutralised in
                # Duhok province" after a strike in Sulaimani: another place, another event
                continue
            earlier = _names_earlier_strike(state, f, nxt)
            if earlier is not None:
                # "AFRICOM said it had conducted an airstrike in the vicinity of Dinsoor":
                # the town of the strike told before this one, so more of that one
                if nxt not in earlier.extra:
                    earlier.extra.append(nxt)
                    for g in own:
                        g.status = "merged"
                    state.note("followups.v1", f"sentence {j} continues sentence {earlier.sentence.index}, "
                               "whose town it names", nxt.span)
                continue
            if (j == f.sentence.index + 1 and f.distinct
                    and re.search(r"(?i:\bthere\s+were\s+no\s+(?:casualties|deaths|fatalities)\b)", nxt.text)):
                # "the first strike hit a warehouse ... The building caught fire, but there were no
                # casualties": that part's toll, nought
                f.extra.append(nxt)
                state.note("followups.v1", f"sentence {j} continues sentence {f.sentence.index}", nxt.span)
                continue
            if _PLACE_TAG.fullmatch(text, nxt.start, nxt.end) or _IT_WAS_THE_DAY.match(nxt.text) or _KILL_NEAR.search(
                text, nxt.start, nxt.end
            ) or re.search(
                r"\b(?:the\s+(?:strike|attack|missiles?|drone)|the\s+dead|the\s+slain|those\s+killed|"
                r"victims|identified\s+as|among\s+the\s+dead|the\s+(?:death\s+)?toll|"
                r"bodies\s+(?:of\s+\w+\s+\w+\s+)?(?:were|had\s+been|have\s+been)\s+(?:pulled|recovered|retrieved|found|counted)|"
                # "Residents, however, said 12 people were buried": the dead, counted at their graves
                r"(?:people|persons|men|bodies|\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                r"\w+teen|\w+ty)\s+(?:were|had\s+been|have\s+been)\s+buried|"
                # "said six bodies, charred beyond recognition, had been taken to a nearby village for burial"
                r"bodies\b[^.;]{0,60}?\b(?:were|had\s+been|have\s+been)\s+(?:taken|brought|shifted|carried)\b[^.;]{0,50}"
                r"\bfor\s+burial|"
                # "Residents said seven bodies had been brought to a clinic in Shaqra"
                # ("a medic ... said as many as 12 bodies were brought in")
                r"bodies\s+(?:were|had\s+been|have\s+been)\s+(?:taken|brought|shifted|carried)\s+(?:in\b|to\s+(?:a|the)\s+"
                r"(?:[\w-]+\s+)?(?:clinic|hospital|morgue|mosque))|"
                # "he saw the charred remains of four people being carried away"
                r"remains\s+of\s+(?:\w+\s+){0,2}?(?:people|men|persons|fighters|militants)|"
                # "His own group ... put the number of \"martyrs\" at six"
                r"put\s+the\s+number\s+of\s+\S+\s+at|"
                # "Residents said four men had been in the car": who was inside when it was hit
                r"(?:men|people|persons|passengers)\s+(?:had\s+been|were)\s+(?:in|inside)\s+the\s+(?:[\w-]+\s+)?"
                r"(?:car|vehicle|pickup|truck|jeep|van)|"
                # a witness: "There were three bodies.", "we pulled out five bodies"
                r"(?:there\s+(?:were|was)|(?:we|I|they|he|she)\s+(?:had\s+)?(?:saw|seen|counted|found|pulled(?:\s+out)?|dug\s+out|recovered|collected|"
                r"buried))\s+[\w-]+\s+(?:dead\s+|charred\s+|burnt\s+|burned\s+|mutilated\s+)?bodies|"
                # "... but missed. Nobody was hurt.": a toll of nought
                r"(?:no\s+one|nobody)\s+(?:was|were)\s+(?:killed|hurt|injured|harmed|wounded)|"
                # "Residents told a newspaper that a fourth body was recovered from the rubble"
                r"(?:a|the)\s+(?:second|third|fourth|fifth|sixth|seventh)\s+body\s+(?:was|had\s+been)\s+(?:later\s+)?"
                r"(?:recovered|found|pulled|retrieved)|"
                # "Two intelligence officials said two missiles hit a house in Kalosha village"
                r"missiles?\s+(?:\w+\s+){0,2}?(?:hit|struck|slammed|landed)\s+(?:a|an|the|two|three)|"
                # "The vehicles were heading to a wedding party in the village of Qaifa ... when they
                # were hit by missiles"
                r"(?:were|was)\s+(?:hit|struck|targeted)\s+by\s+(?:(?:a|two|three|four|several)\s+)?missiles?)\b",
                text[nxt.start : nxt.end],
                re.IGNORECASE,
            ):
                f.extra.append(nxt)
                if own:
                    anchor = j
                for g in own:
                    g.status = "merged"
                state.note("followups.v1", f"sentence {j} continues sentence {f.sentence.index}",
                           nxt.span)
    _bind_lead_in(state, by_sentence)
    _bind_scene(state, by_sentence)
    _bind_hour(state, by_sentence)


# "... when the missile hit. It was shortly after dawn on November 12, 2017.": the day of the scene
_IT_WAS_THE_DAY = re.compile(
    r"\s*(?:It|That)\s+was\s+(?:[\w,'’-]+\s+){0,6}?(?:on\s+)?(?:(?:the\s+\w+\s+of\s+)?(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)\b|(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+\d|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b)[^.;]{0,40}[.!]?\s*$"
)


_SERIES_PLACE = re.compile(r"\s*(?:The|All\s+the|Both|All\s+(?:two|three|four|five))\s+(?:[\w-]+\s+)?(?:attacks|strikes|raids)\s+"
                           r"(?:all\s+)?(?:took\s+place|happened|occurred|were\s+carried\s+out|hit\s+targets)\s+(?:in|near|around)\b")


def _history_told(text: str, start: int, end: int) -> bool:
    """A sentence that tells history, unless the history is only who a victim was.

    ("... told Pajhwok that 19 Daesh militants were killed, among them X, a former
    spokesman who pledged allegiance to Daesh last year": the toll, and his past)
    """
    bg = BACKGROUND.search(text, start, end)
    if bg is None:
        return False
    kill = _KILL_NEAR.search(text, start, bg.start())
    return not (kill is not None and re.search(r"\b(?:who|whom|whose|which)\b", text[kill.end() : bg.start()])
                and BACKGROUND.search(text, bg.end(), end) is None)


_STRIKE_KILLED = re.compile(r"\s*The\s+(?:[\w'’-]+\s+){0,2}?(?:strike|attack|raid)\s+(?:had\s+)?killed\s+"
                            r"(?:at\s+least\s+|as\s+many\s+as\s+|up\s+to\s+)?(?:\d+|\w+)\s+(?:people|persons|militants|"
                            r"civilians|men)\b", re.IGNORECASE)
_TOLL_BY_SOURCE = re.compile(r"\b(?:told|said|say|says|reported|claimed)\b[^.;]{0,60}?\b(?:the|that)\s+(?:[\w'’-]+\s+){0,2}?"
                             r"(?:strike|attack|raid)\s+(?:had\s+)?(?:killed|left)\s+(?:at\s+least\s+|as\s+many\s+as\s+)?"
                             r"(?:\d+|\w+)\s+(?:people|persons|militants|civilians|men)\b", re.IGNORECASE)


def _is_heading(state: DocState, j: int) -> bool:
    """A line of its own, without a full stop, that opens a section ("Trouble on the Line of
    Control", "STATION CHIEF"), not page furniture ("Advertisement")."""
    sent = state.sentences[j]
    line = sent.text.strip()
    text = state.text
    return (0 < len(line) <= 70 and line[-1] not in ".!?\"”'’:" and not _FURNITURE.match(line)
            and text[max(0, sent.start - 2) : sent.start].strip(" \t") != "" and text.startswith("\n", sent.end)
            and bool(re.match(r"[A-Z]", line)) and not re.search(r"\d", line)
            and not re.match(r"(?i:by|posted|published|updated|from|source|reporting)\b", line))


_FURNITURE = re.compile(r"(?i:advertisement|advert|ad|sponsored|read\s+more|related|share|story\s+continues|continue\s+reading|"
                        r"subscribe|photo|image|video|follow\s+us|click\s+here|print|email)\b")


def _days_not_told(state: DocState) -> None:
    """ "On Tuesday the drones came ... Fifteen minutes later, a second drone ... Thursday's
    strike, again in Hassu Khel, killed at least three men": a reference by its day to a day no
    strike before it was told on is a strike of its own."""
    text = state.text
    told: set[dt.date] = set()
    for f in state.frames:
        days = {d.date for d in dates.find_dates(text, state.published, f.sentence.start, f.sentence.end)
                if d.date is not None and d.precision == "day" and not dates.is_reporting_date(text, d)}
        if (f.anaphoric and f.type == "drone_strike" and f.status == "reported"
                and _DAY_OF_STRIKE.match(f.trigger.text)
                and casualties.find_figures(text, f.trigger.end, f.sentence.end)):
            named = {d.date for d in dates.find_dates(text, state.published, f.trigger.start, f.trigger.end)
                     if d.date is not None and d.precision == "day"}
            if named and told and not (named & told):
                f.anaphoric = False
                f.distinct = True
                state.note("followups.v1", "names a day no strike before it was told on", f.trigger)
        if f.type == "drone_strike" and not f.anaphoric:
            told |= days


# "Thursday's strike", "the July 10 strike": a strike named by its day
_DAY_OF_STRIKE = re.compile(
    r"(?:the\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:['’]s)?|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}|"
    r"\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December))"
    r"\s+(?:drone\s+)?(?:strike|attack|raid)$", re.IGNORECASE)


def _bind_lead_in(state: DocState, by_sentence: dict[int, list[Frame]]) -> None:
    """A feature's opening scene tells the strike before naming it.

    "Then came the whine, and a flash. When the dust settled on Wednesday, seven men
    were dead. Officials said ... the strike had been carried out by a US drone": the
    story's first strike, named only after its day and its dead, takes them from the
    sentence before it.
    """
    text = state.text
    first = next((f for f in state.frames if f.type == "drone_strike" and f.status == "reported"
                  and not f.aggregate), None)
    if first is None or first.sentence.index == 0 or (first.extra and first.extra[0].index < first.sentence.index):
        return
    if any(g.status == "reported" and g.sentence.index < first.sentence.index for g in state.frames):
        return
    if any(x.category == "killed" for x in casualties.find_figures(text, first.scope[0], first.scope[1])):
        return  # its own toll
    prev = state.sentences[first.sentence.index - 1]
    if _NEW_TOPIC.match(text, first.sentence.start) or BACKGROUND.search(text, prev.start, prev.end):
        # ("At least five members of parliament were killed in Mogadishu last year. Separately, a
        # U.S. drone strike targeted ...": another story's count, then a new one)
        return
    if by_sentence.get(prev.index) or _OTHER_VIOLENCE.search(text, prev.start, prev.end) or re.search(
            r"(?i:\b(?:attacks?|strikes?|raids?|bomb\w*|missiles?|drones?|blasts?|explosions?|operations?)\b)",
            prev.text):
        return  # (a sentence that names an act is one of its own, or another's)
    if not any(x.category == "killed" and x.low is not None for x in casualties.find_figures(text, prev.start, prev.end)):
        return
    first.extra.insert(0, prev)
    state.note("followups.v1", f"sentence {prev.index} opens the story of sentence {first.sentence.index}", prev.span)


def _bind_hour(state: DocState, by_sentence: dict[int, list[Frame]]) -> None:
    """ "In the small hours of August 5, a Wednesday, Baitullah Mehsud lay on a charpoy on the
    roof of his father-in-law's house in Zangara ... At around 1 am, two missiles fired from a
    CIA drone struck the roof.": a strike told by its hour goes on with the day and the place
    the paragraph set before it."""
    text = state.text
    for f in state.frames:
        if (f.type != "drone_strike" or f.status != "reported" or f.anaphoric or f.aggregate
                or any(x.index < f.sentence.index for x in f.extra) or f.sentence.index == 0
                or dates.find_dates(text, state.published, f.sentence.start, f.sentence.end)):
            continue
        hour = bool(_HOUR_OPENER.match(f.sentence.text))
        scene: list[Sentence] = []
        breaks = 0
        for k in range(f.sentence.index - 1, max(-1, f.sentence.index - (6 if hour else 9)), -1):
            sent = state.sentences[k]
            breaks += "\n" in text[sent.end : state.sentences[k + 1].start]
            if by_sentence.get(k) or breaks > (1 if hour else 2) or not re.search(r"[.!?\"”’]\s*$", sent.text):
                break  # (another event's sentence, the paragraph before the scene's, a heading)
            scene.insert(0, sent)
        # (or a scene that sets its day: "It was March 17 last year, a Thursday")
        if not hour:
            scene = scene[next((i for i, x in enumerate(scene) if _SCENE_DAY.match(x.text)), len(scene)):]
        if scene and any(d.precision in ("day", "partial_day") for x in scene
                         for d in dates.find_dates(text, state.published, x.start, x.end)):
            f.extra[:0] = scene
            state.note("followups.v1", f"sentences {scene[0].index}-{scene[-1].index} set the day and place "
                       f"of the hour sentence {f.sentence.index} tells", f.trigger)


_SCENE_DAY = re.compile(r"\s*(?:It\s+was\s+(?:a\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
                        r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d"
                        r"|In\s+the\s+small\s+hours\s+of\s|(?:(?:Late|Early)\s+)?[Oo]n\s+the\s+(?:evening|morning|night|afternoon)\s+of\s"
                        # "The case that Amnesty describes in most detail took place more than a year later,
                        # on the night of December 9, 2018, outside Gobanle"
                        r"|(?:The|This|That|Another|A)\s+(?:[\w'’-]+\s+){0,2}?(?:case|incident|attack|killing)\s+"
                        r"(?:[\w'’-]+\s+){0,8}?(?:took\s+place|happened|occurred|came)\s+[^.;]{0,40}?\b(?:on|in\s+the\s+\w+\s+of)\s+"
                        r"(?:the\s+(?:evening|morning|night|afternoon)\s+of\s+)?(?:(?:January|February|March|April|May|June|July|"
                        r"August|September|October|November|December)\s+\d|\d{1,2}\s+(?:January|February|March|April|May|June|"
                        r"July|August|September|October|November|December)))")
_HOUR_OPENER = re.compile(r"\s*(?:At|Around|Shortly\s+(?:after|before)|Just\s+(?:after|before))\s+(?:around\s+|about\s+)?"
                          r"(?:\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.|o['’]clock)|midnight|dawn|dusk|noon|sunset|sunrise)",
                          re.IGNORECASE)


def _bind_scene(state: DocState, by_sentence: dict[int, list[Frame]]) -> None:
    """ "... the guests arrived at his uncle's house in Zeraki ... It was a Friday, Jan. 23,
    2009 ... The first missile came through the roof. ... It was the first drone strike of the
    Obama presidency.": a scene told first, then named a drone strike, is that strike's day
    and place."""
    named = next((f for f in state.frames if f.type == "drone_strike" and _NAMES_THE_SCENE.match(f.sentence.text)), None)
    if named is None:
        return
    first = next((f for f in state.frames if f.type == "drone_strike" and f.status == "reported"
                  and not f.aggregate), None)
    if first is None or first.sentence.index > named.sentence.index:
        # (no strike told before it: the remark names the scene itself)
        if named.status != "background" or named.anaphoric:
            return
        named.status = "reported"
        named.reasons.append("names the scene told before it")
        first = named
    # (the scene may go on past its first blow: "The second hit the courtyard ... It was the
    # first drone strike of ...")
    if (not 0 <= named.sentence.index - first.sentence.index <= 6
            or (first.extra and first.extra[0].index < first.sentence.index)
            or any(g.status == "reported" and g.sentence.index < first.sentence.index for g in state.frames)
            # (a strike told with its own day is no fragment of a scene)
            or (first is not named and dates.find_dates(state.text, state.published, first.sentence.start,
                                                         first.sentence.end))):
        return
    scene: list[Sentence] = []
    for k in range(first.sentence.index - 1, max(-1, first.sentence.index - 9), -1):
        sent = state.sentences[k]
        if by_sentence.get(k) or not re.search(r"[.!?\"”’]\s*$", sent.text):
            break  # (a heading, a byline or a date line is not the scene)
        scene.insert(0, sent)
        if (re.search(r"(?i:\b(?:killing|killed|dead|died)\b)", sent.text)
                and dates.find_dates(state.text, state.published, sent.start, sent.end)):
            break  # "The second was last Thursday, when missiles hit a seminary ..., killing at least six"
    if scene:
        first.extra[:0] = [x for x in scene if x not in first.extra]
        state.note("followups.v1", f"sentences {scene[0].index}-{scene[-1].index} are the scene sentence "
                   f"{first.sentence.index} names", first.trigger)


# "It was the first drone strike of the Obama presidency": the scene just told, named
_NAMES_THE_SCENE = re.compile(r"\s*(?:It|This|That)\s+was\s+(?:the\s+(?:first|second|last|latest|deadliest)\s+"
                              r"(?:(?:reported|known|confirmed|acknowledged)\s+)?|an?\s+)?"
                              r"(?:(?:US|U\.S\.|American|CIA|suspected)\s+)?drone\s+(?:strike|attack)\b")


_OTHER_VIOLENCE = re.compile(r"\b(?:stormed|suicide\s+(?:bomber|attack|vests?|blast)|gun\s+battle|gunmen|"
                             r"car\s+bomb|roadside\s+bomb|IEDs?|ambush(?:ed)?|shelling|beheaded)\b", re.IGNORECASE)
_GROUND_OPERATION = re.compile(
    r"\b(?:commandos|troops|soldiers|special\s+forces|security\s+forces|police(?:men)?|army|forces|fighters|"
    r"militants|rebels|Houthis|gunmen|insurgents|Taliban|tribesmen)\b(?:[^.;]|\.(?!\s+(?-i:[A-Z]))){0,80}?"
    r"\bkill(?:ed|ing)\b(?:[^.;]|\.(?!\s)){0,80}?\b(?:in|during)\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,2}?(?:operation|raid|offensive|"
    r"clash(?:es)?|ambush|gunfight|encounter|fighting|battles?|gunbattle)\b",
    re.IGNORECASE,
)
_RUNNING_COUNT = re.compile(r"\b(?:bring|brings|brought|bringing|raise|raises|raised|raising|take|takes|took|taking|"
                            r"push|pushes|pushed|pushing)\s+(?:to\s+[\w,]+\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}?"
                            r"(?:number|toll|total|tally|count)\b[^.;]{0,110}?\b(?:since|so\s+far|this\s+(?:week|month|year))\b",
                            re.IGNORECASE)
_SIDE_TOLL = re.compile(r"^\s*On\s+the\s+[A-Z][\w-]+\s+side\b|\b(?:have|has)\s+been\s+killed\b(?![^.;]{0,60}?"
                        r"\b(?:strike|drone|missile|attack|raid)\b)(?=[^.;]{0,80}?\b(?:so\s+far|in\s+total|to\s+date|"
                        r"since|according\s+to\s+(?:the\s+)?(?:army|military|tally|ministry|UN|United\s+Nations|"
                        r"monitor|WHO|observatory)))"
                        # "Haftar's forces have been attacking the capital since April 4": a war's course
                        r"|\bsince\s+(?:early\s+|late\s+|mid-?)?(?:January|February|March|April|May|June|July|August|"
                        r"September|October|November|December)\b[^.;]{0,200}?\b(?:have|has)\s+been\s+killed\b"
                        r"|\b(?:hundreds|thousands|dozens)\s+of\s+(?:[\w-]+\s+)?(?:people|civilians|fighters)\s+"
                        r"(?:have|had)\s+been\s+killed\b")
_CAMPAIGN_TOLL = re.compile(r"\b(?:program(?:me)?|campaign|war|policy|strikes|violence|fighting|conflict|clashes|"
                            r"exchanges|hostilities|offensive|escalation)\b[^.;]{0,60}?\b(?:has|have)\s+"
                            r"(?:\w+\s+)?killed\b", re.IGNORECASE)


_DRONE_OR_STRIKE = re.compile(r"(?i:\bdrones?\b|\bmissiles?\b|\bstrike\b)")
_MANNED_ACT = re.compile(r"\b(?:aircraft|jets?|warplanes?|helicopters?|gunships?|bombers?)\s+(?:\w+\s+){0,2}?"
                         r"(?:killed|struck|bombed|hit|pounded|strafed)\b", re.IGNORECASE)
_MILITANTS_ATTACKED = re.compile(r"\b(?:fighters|militants|gunmen|insurgents|rebels|attackers|Taliban|Houthis)\s+"
                                 r"(?:\w+\s+){0,2}?(?:attacked|stormed|ambushed|raided|overran|assaulted)\b"
                                 # "Documents seized in the Navy SEAL raid on Bin Laden's compound": a ground raid
                                 r"|\b(?:SEALs?|SEAL\s+Team|commandos?|special\s+(?:forces|operations)(?:\s+troops)?)\s+"
                                 r"(?:\w+\s+){0,2}?raids?\b|\braids?\s+(?:\w+\s+){0,3}?by\s+(?:US\s+)?(?:SEALs?|commandos|"
                                 r"special\s+forces)\b"
                                 # "since the killing of Osama bin Laden in Abbottabad by US special forces"
                                 r"|\bby\s+(?:US\s+|U\.S\.\s+|American\s+)?(?:special\s+forces|commandos|Navy\s+SEALs?|SEALs)\b"
                                 # "Indian troops had crossed the Line of Control ... and attacked a post"
                                 r"|\b(?:troops|soldiers)\b[^.;]{0,80}?\b(?:attacked|stormed|overran|assaulted|shelled)\s+"
                                 r"(?:an?|the|two|three|several)\s+(?:[\w-]+\s+)?(?:posts?|check\s*-?posts?|checkpoints?|"
                                 r"bases?|positions?|bunkers?)\b")

#: (what another event does, what would make it the drone's after all), tried in order
_OTHER_EVENT_ACTS = (
    # "Washington had halted the strikes after NATO aircraft killed 24 Pakistani soldiers"
    (_MANNED_ACT, re.compile(r"(?i:\bdrones?\b|\bunmanned\b|\bUAVs?\b|\bpilotless\b)")),
    # "On Monday, al Shabaab fighters attacked a Somali army base, killing four soldiers"
    (_MILITANTS_ATTACKED, _DRONE_OR_STRIKE),
    # "Ten militants ... stormed the airport": another story
    (_OTHER_VIOLENCE, _DRONE_OR_STRIKE),
)


def _other_day(state: DocState, f: Frame, nxt: Sentence) -> bool:
    """Does ``nxt`` state a full date (or a month) other than every one of ``f``'s sentence?"""
    found: dict[tuple[int, int], list[dates.DateExpr]] = {}

    def told(lo: int, hi: int) -> list[dates.DateExpr]:
        # the dates of a range, read once for both questions (not the day the news was told)
        if (lo, hi) not in found:
            found[(lo, hi)] = [d for d in dates.find_dates(state.text, state.published, lo, hi)
                               if not dates.is_reporting_date(state.text, d)]
        return found[(lo, hi)]

    def days(lo: int, hi: int) -> set[dt.date]:
        return {d.date for d in told(lo, hi) if d.kind == "explicit" and d.year is not None and d.date is not None}

    def months(lo: int, hi: int) -> set[int]:
        # "In April, ... a strike on a group of men killed five" after a strike of 3 July
        return {d.month for d in told(lo, hi) if d.kind in ("explicit", "month") and d.month is not None
                and d.precision in ("day", "partial_day", "month", "partial_month")}

    return _tells_other(f, nxt, days) or _tells_other(f, nxt, months)


def _other_area(state: DocState, f: Frame, nxt: Sentence) -> bool:
    """Does ``nxt`` place its news in a province or district other than the one ``f`` names?"""
    def areas(lo: int, hi: int) -> set[str]:
        # only areas where something happened ("in Duhok province"), not "Hiiraan Online"
        piece = state.text[lo:hi]
        # ("Security officials in Peshawar later put the toll at seven": where the officials sit)
        return {pm.place.district or pm.place.admin1 or pm.place.name
                for pm in state.places(lo, hi) if pm.place.precision in ("district", "province")
                and _AREA_CUE.search(piece, max(0, pm.start - 30), pm.start)
                and not _OFFICIALS_IN.search(piece, max(0, pm.start - 40), pm.start)
                and not _QUOTING_IN.search(piece, max(0, pm.start - 50), pm.start)
                # "the injured man had been shifted to a hospital in Bannu": where the wounded went
                and not _HOSPITAL_IN.search(piece, max(0, pm.start - 40), pm.start)
                # "the driver, a resident of Qila Abdullah, was also killed": where he lived
                and not re.search(r"\b(?:residents?|natives?|inhabitants?)\s+of\s+$|\bhail(?:ed|ing|s)\s+from\s+$",
                                  piece[max(0, pm.start - 25) : pm.start])}

    return _tells_other(f, nxt, areas)


def _tells_other(f: Frame, nxt: Sentence, facts: Callable[[int, int], set[Any]]) -> bool:
    """Whether ``nxt`` and ``f``'s sentence both state some of ``facts`` and share none."""
    theirs = facts(nxt.start, nxt.end)
    if not theirs:
        return False
    mine = facts(f.sentence.start, f.sentence.end)
    return bool(mine) and mine.isdisjoint(theirs)


_AREA_CUE = re.compile(r"\b(?:in|near|at|of)\s+(?:the\s+)?(?:[A-Z][\w'’-]+\s+){0,2}$")


def _names_earlier_strike(state: DocState, f: Frame, nxt: Sentence) -> Frame | None:
    """The strike told before ``f`` whose town ``nxt`` names first, when ``f``'s sentence does not."""
    # ("... died on the way to hospital in Miramshah": where the wounded were taken, not a strike)
    town = next((pm.text.lower() for pm in state.places(nxt.start, nxt.end)
                 if pm.place.precision in ("village", "town", "district")
                 # ("Since the Khost bombing, US drones have carried out a dozen strikes": an
                 # event the town names, not a place told again)
                 # (but "acknowledged the Barawe strike" names the strike told before by its town)
                 and not re.match(r"\s+(?:suicide\s+)?(?:bombings?|blasts?|sieges?|massacres?|explosions?)\b",
                                  state.text[nxt.start + pm.end : nxt.start + pm.end + 25])
                 and not _HOSPITAL_IN.search(state.text, max(0, nxt.start + pm.start - 40), nxt.start + pm.start)
                 and not _TOLD_IN.search(state.text, max(0, nxt.start + pm.start - 40), nxt.start + pm.start)
                 and not _OFFICIALS_IN.search(state.text, max(0, nxt.start + pm.start - 40), nxt.start + pm.start)), None)
    if town is None or town in state.text[f.sentence.start : f.sentence.end].lower():
        return None
    if not re.search(r"(?i:\b(?:strikes?|struck|attack\w*|raids?|drones?|missiles?|killed|killing|dead|died|bomb\w*|"
                     r"targeted|hit|bodies|body|debris|rubble|neutrali[sz]ed|toll|wounded|injured|buried|funerals?|"
                     r"victims?|casualties|air\s+operation|aircraft)\b)", nxt.text):
        return None  # "On Wednesday, the prime minister met the UN envoy in Mogadishu": no strike told
    return next((h for h in reversed(state.frames)
                 if h is not f and h.type == f.type and h.status == "reported" and not h.aggregate
                 and not h.anaphoric and h.sentence.index < f.sentence.index
                 and town in state.text[h.sentence.start : h.sentence.end].lower()), None)


def find_dates(state: DocState) -> None:
    text = state.text
    for f in state.frames:
        for lo, hi in f.ranges:
            f.dates.extend(dates.find_dates(text, state.published, lo, hi))
        f.date = _pick_date(text, f, state.published)
        if f.date is not None and f.date.kind == "explicit" and f.date.year is None and state.published is not None:
            f.date = _later_in_the_story(state, f, f.date) or f.date
        f.date_names_strike = bool(f.date is not None and f.date.kind == "explicit" and re.match(
            r"\s+(?:drone\s+)?(?:strike|attack)\b", text[f.date.end : f.date.end + 20]))
        shift = _DAYS_EARLIER_AFTER.match(text, f.trigger.end)
        if (shift is not None and f.date is not None and f.date.date is not None and f.date.precision == "day"
                and f.date.end <= f.trigger.start and f.sentence.start <= f.date.start):
            # "Pakistan on Thursday rejected the claims, saying a suspected US drone strike a day
            # earlier had hit a refugee camp": the day before the day named
            n = {"a": 1, "one": 1, "two": 2, "three": 3}.get(shift.group("n").lower(), 1)
            day = f.date.date - dt.timedelta(days=n)
            f.date = dates.DateExpr.on_day(shift.start("n"), shift.end(), shift.group().strip(), "relative", day)
        if f.date is None and f.sentence.index and _DURING_THAT.match(text, f.sentence.start):
            # "FSA fighters captured two villages on Tuesday ... During the fighting a Turkish
            # drone hit a bomb-laden vehicle": the day of the fighting told just before
            prev = state.sentences[f.sentence.index - 1]
            told = [d for d in dates.find_dates(text, state.published, prev.start, prev.end)
                    if d.precision == "day" and d.date is not None and not dates.is_reporting_date(text, d)]
            if told:
                f.date = told[-1]
        if f.date is None and f.sentence.index and _THAT_PART_OF_DAY.match(f.sentence.text):
            # "The deadliest episode took place on 23 June 2009 in South Waziristan. That morning,
            # a strike on a compound near Makeen killed ...": the day just named
            prev = state.sentences[f.sentence.index - 1]
            told = [d for d in dates.find_dates(text, state.published, prev.start, prev.end)
                    if d.precision in ("day", "partial_day") and not dates.is_reporting_date(text, d)]
            if not told and re.search(r"(?i:\b(?:that|the\s+same)\s+day\b)", prev.text):
                # "The strike was not the only one that day. That evening, drones hit a house":
                # the day of the strike told before
                told = [g.date for g in state.frames if g is not f and g.trigger.start < f.trigger.start
                        and g.type == "drone_strike" and g.status == "reported" and g.date is not None
                        and g.date.precision in ("day", "partial_day")]
            if told:
                f.date = told[-1]
        if f.date is None and f.sentence.index and not f.aggregate:
            f.date = _day_set_before(state, f)
        same = _SAME_DAY.match(f.sentence.text)
        if same is not None and (f.date is None or not f.scope[0] <= f.date.start < f.scope[1]):
            # "The same day, a Pakistani newspaper reported a second attack": the day of the strike
            # told before it
            before = [g.date for g in state.frames if g is not f and g.trigger.start < f.trigger.start
                      and g.date is not None and g.date.precision in ("day", "partial_day") and g.status == "reported"]
            if before:
                f.date = before[-1]
        if f.date is not None:
            state.note("dates.v1", f"date {f.date.value or '?'} ({f.date.kind})",
                       Span(f.date.start, f.date.end, f.date.text))


_LATER = re.compile(r"\b(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|\d+)\s+"
                    r"(?:days|weeks|months|day|week|month)\s+later|later\s+that\s+(?:year|month|summer|autumn|"
                    r"winter|spring|week)|the\s+(?:following|next)\s+(?:week|month))\b", re.IGNORECASE)


_EARLIER = re.compile(r"\b(?:(?:the|a)\s+(?:day|night|evening)\s+before|(?:a|one|two|three|four|five|six|a\s+few|"
                      r"several|\d+)\s+(?:days|weeks|months|day|week|month)\s+(?:earlier|before))\b", re.IGNORECASE)


def _later_in_the_story(state: DocState, f: Frame, d: dates.DateExpr) -> dates.DateExpr | None:
    """ "On June 23, 2009, a Tuesday ... Six weeks later, on the night of August 5, a drone
    fired": a day without a year after a story's dated day is that story's, not the paper's."""
    text = state.text
    if d.month is None or d.day is None or not (_LATER.search(text, max(f.sentence.start, d.start - 60), d.start)
                                                or _EARLIER.search(text, max(f.sentence.start, d.start - 60), d.start)):
        return None
    # the day of the strike told last before this one, if the text gave its year
    told = [g.date for g in state.frames
            if g is not f and g.trigger.start < f.trigger.start and g.status == "reported" and g.date is not None
            and g.date.date is not None and g.date.precision == "day"
            and (re.search(r"(?:19|20)\d\d", g.date.text) or re.search(r"(?i:\byears?\s+ago\b)", g.date.text))]
    if not told:
        return None
    anchor = told[-1].date
    assert anchor is not None and state.published is not None
    if _EARLIER.search(text, max(f.sentence.start, d.start - 60), d.start):
        # "A year ago today, a drone fired ... The day before, on August 16, a drone had struck a car"
        for year in (anchor.year, anchor.year - 1):
            day = dates._safe_date(year, d.month, d.day)
            if day is not None and day < anchor and day != d.date:
                return dates.DateExpr.on_day(d.start, d.end, d.text, "explicit", day)
        return None
    for year in (anchor.year, anchor.year + 1):
        day = dates._safe_date(year, d.month, d.day)
        if day is not None and anchor < day <= state.published and day != d.date:
            return dates.DateExpr.on_day(d.start, d.end, d.text, "explicit", day)
    return None


_ANNOUNCED_STRIKE = re.compile(r"\b(?:announced|confirmed|disclosed|revealed|acknowledged|unveiled)\s+the\s+"
                               r"(?:strike|attack|raid|operation|killing|death)\b", re.IGNORECASE)
_DAYS_EARLIER_AFTER = re.compile(r"\s+(?P<n>a|one|two|three)\s+days?\s+(?:earlier|before)\b", re.IGNORECASE)
_THAT_PART_OF_DAY = re.compile(r"\s*(?:(?:Later|Earlier)\s+)?(?:That|that)\s+(?:morning|afternoon|evening|night|day)\b")
_SAME_DAY = re.compile(r"\s*(?:(?:On|Later\s+on|Earlier\s+on)\s+)?(?:the|that)\s+same\s+day\b|\s*(?:Later|Earlier)\s+that\s+day\b",
                       re.IGNORECASE)


def _day_set_before(state: DocState, f: Frame) -> dates.DateExpr | None:
    """ "On Wednesday the pattern repeated itself twice. In the afternoon, four missiles
    struck a vehicle": a sentence that only sets the day, then the strikes of that day."""
    text = state.text
    prev = state.sentences[f.sentence.index - 1]
    # ("Tuesday brought the heaviest barrage of the year." may stand as a paragraph of its own)
    # ("... On Wednesday night, that balancing act was shaken again." closing the paragraph before)
    alone = (len(prev.text) < 80 and prev.text.rstrip().endswith(".")
             and bool(re.match(r"\s*(?:(?:Late\s+|Early\s+)?On\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                               r"Sunday)\b", prev.text))
             and ("\n" in text[max(0, prev.start - 2) : prev.start + 1] or re.match(r"\s*(?:Late\s+|Early\s+)?On\s", prev.text)))
    ends_on_day = bool(re.search(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*\.\s*$", prev.text))
    if (("\n" in text[prev.end : f.sentence.start] and not alone and not ends_on_day)
            or any(g.sentence.index == prev.index and g.status == "reported" for g in state.frames)):
        return None
    told = [d for d in dates.find_dates(text, state.published, prev.start, prev.end)
            if d.precision == "day" and d.date is not None and not dates.is_reporting_date(text, d)]
    if len(told) != 1:
        return None
    # ("Washington's other priority in Yemen, the fight against al-Qaeda, was on display Monday.":
    # a short paragraph's last sentence that ends on the day)
    # ("US drones also stepped up their attacks on Saturday.": the drones' day, though it says attacks)
    closing = (len(prev.text) < 130 and "\n" in text[prev.end : f.sentence.start]
               and re.match(r"\s*\.?\s*$", text[told[0].end : prev.end]) is not None
               and not re.search(r"(?i:\b(?:killed|killing|died|dead|wounded|bomb\w*|clash\w*|shot)\b)", prev.text)
               and (not re.search(r"(?i:\battack\w*)", prev.text) or DRONE.search(prev.text) is not None))
    if not closing and not re.match(r"\s*(?:(?:Late|Early|Later|Earlier)\s+)?(?:on\s+|On\s+)?$",
                                    text[prev.start : told[0].start], re.IGNORECASE):
        return None
    return told[0]


_DURING_THAT = re.compile(r"\s*(?:During|In)\s+the\s+(?:fighting|clashes|battle|operation|offensive|assault|"
                          r"attack|advance|raid)\b", re.IGNORECASE)
_DATELINE_END = re.compile(r"[^.!?\n]{0,60}?(?:\([\w .,'-]{1,40}\)\s*)?(?:\s[-–—]{1,2}\s|\s[-–—]|:\s)")


def _in_dateline(text: str, f: Frame, d: dates.DateExpr) -> bool:
    """ "MOGADISHU, April 14 (Reuters) - ...": the date the story was filed."""
    sentence_start = max([f.sentence.start] + [s.start for s in f.extra if s.start <= d.start])
    head = text[sentence_start : d.start]
    if len(head) > 60 or re.search(r"\b(?:on|since|in|at|by|said|killed)\s*$", head, re.IGNORECASE):
        return False
    return bool(_DATELINE_END.match(text, d.end)) and head.count(" ") < 6


_TIME_AFTER = re.compile(r"\b(?:(?:a|an|one|two|three|four|five|six|several|\d+)\s+(?:days?|weeks?|months?)|hours)\s+"
                         # ("opened a jirga in Islamabad on Monday ..., hours after a suspected US drone strike")
                         r"(?:after|since)\s+(?:[\w.'’-]+\s+){0,4}?$", re.IGNORECASE)


def _pick_date(text: str, f: Frame, published: dt.date | None) -> dates.DateExpr | None:
    best: tuple[float, dates.DateExpr] | None = None
    fallback: dates.DateExpr | None = None
    # ("President Joe Biden announced the strike in a televised address on Monday evening": the
    # day it was told)
    told_in = [(x.start, x.end) for x in [f.sentence, *f.extra]
               if (x is not f.sentence or f.anaphoric) and _ANNOUNCED_STRIKE.search(text, x.start, x.end)]
    for d in f.dates:
        if d.kind == "year" or _in_dateline(text, f, d):
            continue
        if any(lo <= d.start < hi for lo, hi in told_in):
            continue
        # the article's own date at its head ("Wed 10 Jan 2018 ...", "Published December
        # 10 2015 The US military said"), run into the first sentence
        if d.kind == "explicit" and published is not None and d.date == published and d.start < 300:
            continue
        # "Saturday 3 Jun 2017 A drone strike ...": the weekday of that dateline
        if d.kind == "weekday" and re.match(r",?\s+\d{1,2}\s+[A-Z][a-z]+\.?,?\s+(?:19|20)\d\d|,?\s+[A-Z][a-z]+\.?\s+\d{1,2},?\s+(?:19|20)\d\d",
                                            text[d.end : d.end + 25]):
            continue
        before = text[max(0, d.start - 30) : d.start]
        if d.end <= f.trigger.start and _TIME_AFTER.search(text, d.end, f.trigger.start):
            # "The House voted on Thursday ..., a week after a U.S. drone strike in Baghdad
            # killed ...": the day of what came after the strike
            continue
        other = re.match(r"(?:['’]s)?\s+(?:(?:suicide|terror(?:ist)?|militant|gun)\s+)?(?:attacks?|bombings?|massacre|"
                         r"assault|shooting|siege)\s+(?:on|in|of|at)\b", text[d.end : d.end + 40])
        if _RESPONSE_TO.search(text[max(0, d.start - 90) : d.start]) and not d.start - 90 <= f.trigger.start < d.start:
            continue  # "the strikes were a response to the attack of Saturday": the day of what they answered
        if other is not None and not (d.end <= f.trigger.start <= d.end + other.end()):
            continue  # "the January attack on Charlie Hebdo": the day of another event, named to say who
        if (d.end <= f.trigger.start and d.kind in ("weekday", "relative")
                and re.search(r"(?:,[\"”’']?|[\"”’'],)\s+(?:as|while)\s+(?:[\w-]+\s+){0,5}?(?:officials|sources|residents|police|witnesses|"
                              r"officers|authorities|tribesmen|elders)\s+(?:[\w-]+\s+){0,4}?(?:said|say|reported)\b",
                              text[d.end : f.trigger.start])):
            continue  # "The vice president opened his campaign on Wednesday, as officials said a drone strike had killed"
        if re.search(r"\b(?:who|which)\s+(?:had\s+)?(?:arrived|came|moved|gathered|travell?ed|returned|fled|left)\b[^.;,]{0,50}$",
                     text[max(0, d.start - 80) : d.start]) and d.kind == "relative":
            continue  # "several men who had arrived at the house the previous evening": when they came
        if re.search(r"\b(?:wounded|injured|injuries|wounds)\b[^.;]{0,60}?\b(?:had\s+)?(?:later\s+)?(?:died|succumbed)\b"
                     r"[^.;]{0,25}$", text[max(0, d.start - 110) : d.start]):
            continue  # "two fighters who were badly wounded in the strike had died on Tuesday morning": a later death
        if re.match(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:elections?|vote|polls?|referendum|talks|conference|summit|"
                    r"meeting|deadline|ceasefire|truce|hearing|trial|inauguration|anniversary)\b", text[d.end : d.end + 40]):
            continue  # "for the Feb. 21 presidential election": the day of something else to come
        reporting = dates.is_reporting_date(text, d)
        rank = {"explicit": 0.0, "relative": 1.0, "weekday": 1.0, "month": 3.0}.get(d.kind, 4.0)
        if d.precision in ("month", "partial_month"):
            rank = 3.0
        if reporting:
            # "officials said on Saturday": when the news was told, not when it happened; but "On
            # Friday, local officials said a drone fired missiles": the day told, if no other is
            if (fallback is None and d.start >= f.sentence.start and d.end <= f.trigger.start
                    and re.fullmatch(r"\s*(?:(?:Late|Early|Also)\s+)?(?:[Oo]n\s+)?", text[f.sentence.start : d.start])
                    and d.precision == "day" and dates.FRONTED_REPORT.match(text, d.end, d.end + 60)):
                fallback = d
            continue
        # "since June", "before July" bound an interval, they do not date the strike
        if re.search(r"\b(?:since|until|till|before|after|from|by)\s+(?:early\s+|mid-?\s*|late\s+)?$",
                     before, re.IGNORECASE) and not (
                         # "the deadliest since June 23, when missiles struck a funeral": the
                         # when-clause tells a strike of that day
                         (before.rstrip().lower().endswith("since")
                          and re.match(r",?\s+when\b", text[d.end : d.end + 10]))
                         or (re.search(r"(?:'s|’s)$", d.text)
                         and re.match(r"\s+(?:[\w.-]+\s+){0,3}?(?:strike|attack|raid)", text[d.end : d.end + 40]))):
            continue  # but "the toll from Sunday's drone strike" dates the strike
        # a back-reference ("the July 10 strike") may give the day, never a vaguer date
        if f.anaphoric and d.precision not in ("day", "partial_day"):
            continue
        if re.search(r"\bsince\b[^.;]{0,60}\b(?:began|begun|started|launched|was\s+launched)\b[^.;]{0,40}$"
                     # "since the launch of Operation Zarb-e-Azb on June 15"
                     r"|\bsince\s+(?:the\s+)?(?:launch|start|beginning|onset|outbreak)\s+of\b[^.;]{0,60}$",
                     text[max(0, d.start - 110) : d.start], re.IGNORECASE):
            continue  # "since the army began its offensive on June 15": where a count starts
        dist = abs(d.start - f.trigger.start) / 1000.0
        if not (f.scope[0] <= d.start < f.scope[1]):
            # a day told in the strike's own clause beats one from the sentences after it
            dist += 1.5
        # "Sunday's drone strike", "the July 10 strike": the date named with the strike itself
        if re.match(r"(?:'s|’s|s)?\s+(?:[\w-]+\s+){0,2}?(?:drone\s+|missile\s+|air\s*)?(?:strike|attack|raid)",
                    text[d.end : d.end + 40], re.IGNORECASE):
            rank -= 1.0
        score = rank + dist
        if best is None or score < best[0]:
            best = (score, d)
    return best[1] if best else fallback


#: "a response to the attack of Saturday in Muqdisho", "in retaliation for the bombing in Kabul"
_RESPONSE_TO = re.compile(r"\b(?:response|reply|retaliation|revenge|reprisal)\s+(?:to|for)\s+(?:the|a|an|last\s+\w+['’]s)\s+"
                          r"[^.;,]{0,50}$", re.IGNORECASE)
#: "He said he had been told by neighbors that five or six people had died": a source's toll, no day of its own
_HEARD_TOLL = re.compile(r"\b(?:said|told|says)\b[^.;]{0,80}?\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|"
                         r"eleven|twelve)(?:\s+(?:or|to)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                         r"twelve|thirteen|fourteen|fifteen))?\s+(?:people|persons|men|militants|civilians)\s+"
                         # ("A tribal elder ... said 18 people had been buried")
                         r"(?:had\s+)?(?:died|were\s+killed|had\s+been\s+killed|had\s+been\s+buried|were\s+buried)\b",
                         re.IGNORECASE)
_PUT_THE_TOLL = re.compile(r"\b(?:put|puts|putting|gave|give|gives|placed|raised|revised)\s+the\s+(?:death\s+)?toll\s+"
                           r"(?:at|to)\s+(?:at\s+least\s+|about\s+|around\s+|nearly\s+)?\d", re.IGNORECASE)
_ANNOUNCES_A_STRIKE = re.compile(r"\b(?:confirmed|said|announced|acknowledged)\b[^.;]{0,60}\b(?:carried\s+out|conducted|"
                               r"launched)\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:air\s*)?strike\b", re.IGNORECASE)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _same_ordinal(f: Frame, sentence: str) -> bool:
    """"A second drone attacked a compound ... Officials gave differing tolls for the second
    attack": the strike told, named by its place in the series, not another one."""
    if not f.ordinal:
        return False
    named = re.findall(r"(?i)\bthe\s+(first|second|third|fourth)\s+(?:drone\s+)?(?:strike|attack|raid)\b", sentence)
    others = DISTINCT.findall(sentence)
    return bool(named) and all(_ORDINALS[w.lower()] == f.ordinal for w in named) and len(others) == len(named)


def find_casualties(state: DocState) -> None:
    text = state.text
    for f in state.frames:
        for lo, hi in f.ranges:
            f.figures.extend(casualties.find_figures(text, lo, hi))
        # a sentence with two events: keep the figures nearest to this trigger
        for fig in f.figures:
            state.note("casualties.v1", f"{fig.category} {fig.low}-{fig.high}"
                       f"{' (civilians)' if fig.civilians else ''}"
                       f"{' (children)' if fig.children else ''}", fig.span)
        m = re.search(
            r"\b(?P<n>\w+)\s+(?:Hellfire\s+)?(?:missiles?|rockets?)\b",
            text[f.scope[0] : f.scope[1]],
            re.IGNORECASE,
        )
        if m:
            qs = find_quantities(m.group("n"))
            if qs and qs[0].low is not None and qs[0].low == qs[0].high and qs[0].low < 50:
                s0 = f.scope[0] + m.start()
                f.missiles = (Span(s0, f.scope[0] + m.end(), m.group()), qs[0].low)


def _street_of_a_country(text: str, pm: Any) -> bool:
    return pm.place.precision == "country" and bool(re.match(
        r"\s+(?:Street|St\.|Road|Avenue|Square|Hotel|Bridge|Club|Park|Mosque|Stadium)\b", text[pm.end : pm.end + 12]))


def find_places(state: DocState) -> None:
    from strikewatch.extract.gazetteer import get_gazetteer

    text = state.text
    gaz = get_gazetteer()
    doc_countries: dict[str, int] = {}
    # ("a militia's headquarters on Palestine Street": a street named after a country)
    all_matches = [pm for pm in gaz.find(text) if not _street_of_a_country(text, pm)]
    first_read = all_matches
    namesakes = _namesakes(text, all_matches)
    for pm in all_matches:
        c = pm.place.country
        if (pm.place.name, c) in namesakes or _FROM_ORIGIN.search(text, max(0, pm.start - 90), pm.start):
            continue  # (nor do "fighters from Orakzai and Bajaur areas of Pakistan" say where the story is)
        # areas named as where things happen ("in Syria") weigh most; a bare
        # "Israel" or "Turkish" is more often who acted than where
        if (pm.place.precision == "country" and pm.text.lower() != pm.place.name.lower()
                and re.match(r"\s+(?:refugees?|nationals?|citizens?|migrants?|immigrants?|fighters?|militants?|"
                             r"Taliban|insurgents?|soldiers?|troops|forces|officials?|government|president|"
                             r"army|intelligence|embassy|diplomats?|traders?|workers?|labou?rers?)\b",
                             text[pm.end : pm.end + 20])):
            continue  # "a settlement of Afghan refugees": who they were, not where the story is
        area = pm.place.precision in ("country", "province", "district")
        located = bool(re.search(r"\b(?:in|at|near|across|inside|of|from)\s+(?:the\s+)?(?:\w+\s+)?$",
                                 text[max(0, pm.start - 25) : pm.start]))
        weight = (3 if located else 1) if area else 1
        doc_countries[c] = doc_countries.get(c, 0) + weight
    listing = state.document.listing
    if listing is not None and listing.country:
        # the country a list files the entry under knows better than a count of names
        state.doc_country = listing.country
        all_matches = [pm for pm in gaz.find(text, country_hint=state.doc_country) if not _street_of_a_country(text, pm)]
    elif doc_countries:
        state.doc_country = max(doc_countries, key=lambda c: doc_countries[c])
        if any(pm.place.country != state.doc_country for pm in all_matches):
            # read again knowing which country the article is about: "Dhamar"
            # or "Al Hadar" in a Syrian story are Syrian namesakes, if any
            all_matches = [pm for pm in gaz.find(text, country_hint=state.doc_country) if not _street_of_a_country(text, pm)]
    if all_matches is not first_read:
        namesakes |= _namesakes(text, all_matches)
    state.namesakes = namesakes
    # areas the article names anywhere: they settle which namesake village it means
    doc_areas = {(pm.place.country, pm.place.district) for pm in all_matches
                 if pm.place.precision == "district" and pm.place.district}
    doc_areas |= {(pm.place.country, pm.place.admin1) for pm in all_matches
                  if pm.place.precision == "province" and pm.place.admin1}
    state.story_area = _story_area(state, all_matches)
    state.named_countries = {pm.place.country for pm in all_matches
                             if pm.place.precision in ("country", "province", "district")}
    # where people were going or came from is not where anything happened, nor is the country
    # across a frontier ("near the Pak-Afghan border")
    scenes = [pm for pm in all_matches if not (
        _GOING_TO.search(text, max(0, pm.start - 50), pm.start)
        or _FROM_ORIGIN.search(text, max(0, pm.start - 90), pm.start)
        or (pm.place.precision == "country" and text[pm.start - 1 : pm.start] == "-"
            and re.match(r"\s*(?:border|frontier)\b", text[pm.end : pm.end + 12])))]
    for f in state.frames:
        ranges = f.ranges
        for pm in scenes:
            if any(lo <= pm.start and pm.end <= hi for lo, hi in ranges):
                if _is_dateline(text, f, pm.start, pm.end):
                    continue
                f.places.append((Span(pm.start, pm.end, text[pm.start : pm.end]), pm.place))
        _choose_place(state, f, doc_areas)


def _namesakes(text: str, matches: list[Any]) -> set[tuple[str, str]]:
    """(name, country) of the places the text shows to be namesakes in another country ("the Tor
    Ghar area of Pachiragam district"): wherever the story names them again, they are not it."""
    return {(pm.place.name, pm.place.country) for pm in matches if pm.place.precision != "country"
            and _container_elsewhere(text, Span(pm.start, pm.end, text[pm.start : pm.end]), pm.place)}


# "Adel Bamatraf in Aden and Rachel Morrow": where the reporter filed from
_BYLINE_IN = re.compile(r"(?:^|\n)[ \t]*(?:By\s+)?(?:[A-Z][\w.'’-]+\s+){1,4}in\s+$")
#: the story's area must hold this share of the places the article puts things in
STORY_AREA_SHARE = 0.7


def _story_area(state: DocState, matches: list[Any]) -> tuple[Span, Place] | None:
    """The one area a story is set in, if one dominates where it puts things.

    A feature on life in Mukalla tells of "a missile on the coastal road east of the city";
    a careful reader places it in Hadramawt, though the sentence names no place.  Only
    places the text puts something "in", "at" or "near" count (not where officials sat or
    the dateline), and only when one area holds most of them, named at least twice.
    """
    text = state.text
    counts: dict[str, int] = {}
    first: dict[str, tuple[Span, Place]] = {}
    located = 0
    for pm in matches:
        place = pm.place
        if place.precision == "country" or not place.district or place.country != state.doc_country:
            continue
        before = text[max(0, pm.start - 50) : pm.start]
        span = Span(pm.start, pm.end, text[pm.start : pm.end])
        if not (_LOCATIVE.search(before[-40:]) or re.match(r"['’]s\b", text[pm.end : pm.end + 2])):
            continue
        if (_TOLD_IN.search(before) or _OFFICIALS_IN.search(before) or _QUOTING_IN.search(before)
                or _BYLINE_IN.search(before)
                or _HOSPITAL_IN.search(before) or _BORDER.search(before) or text.startswith("-based", pm.end)
                or _after_forename(text, span)
                or (place.precision in ("village", "town", "city") and _inside_longer_name(text, span))):
            continue
        located += 1
        counts[place.district] = counts.get(place.district, 0) + 1
        first.setdefault(place.district, (span, place))
    if not counts:
        return None
    top = max(counts, key=lambda d: counts[d])
    if counts[top] < 2 or counts[top] < STORY_AREA_SHARE * located:
        return None
    return first[top]


def _is_dateline(text: str, f: Frame, start: int, end: int) -> bool:
    # "ISLAMABAD (Reuters) -", "PESHAWAR, Pakistan —": where the reporter sat
    sent_start = f.sentence.start
    head = text[sent_start:start]
    word = text[start:end]
    if head.strip() == "" and (word.isupper() or re.match(r"\s*(?:,\s*\w+\s*)?\(|\s*[,-–—]", text[end : end + 20])):
        return bool(word.isupper() or re.match(r"\s*,?\s*[A-Za-z ]*\(\w+\)", text[end : end + 30]))
    return False


_PRECISION_RANK = {"village": 0, "town": 0, "city": 1, "district": 2, "province": 3, "country": 4}
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|of|on|into|outside|from|across|inside|over|targeting|targeted|hit|struck|In|At|Near|"
    r"Outside|Inside|"
    r"area\s+of|village\s+of|town\s+of|west\s+of|east\s+of|north\s+of|south\s+of)\s+"
    # ("killed three militants in the nearby North Waziristan region")
    r"(?:the\s+)?(?:(?:nearby|neighbou?ring|restive|remote|lawless|mountainous|troubled|volatile|adjoining|"
    r"north-?western|south-?western|north-?eastern|south-?eastern|northern|southern|eastern|western|central)\s+)?"
    r"(?:(?:[A-Z][\w'’-]+|al|el)\s+){0,3}$"
    # "in Lawra Mandi, Datta Khel": the second name locates the first
    r"|\b(?:in|at|near)\s+(?:(?:[A-Z][\w'’-]+)\s+){0,2}(?:[A-Z][\w'’-]+),\s+$"
)


_TOLD_IN = re.compile(
    r"\b(?:told|said|announced|addressing|press\s+conference|news\s+conference|briefing|"
    r"statement|reporters|journalists)\b"
    # (but "US officials said he died in a drone strike in North Waziristan": where he died)
    r"(?:(?!\b(?:strike|attack|raid|killed|died|hit|struck|bombed)\b)[^,.;]){0,30}\b(?:in|at)\s+$"
)
_REFERENCE_POINT = re.compile(
    r"\b(?:kilomet\w+|km|miles?)\s+(?:\(\w+\s+\w+\)\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ward)?\s+"
    r"of\s+(?:the\s+)?(?:(?:town|city|village|district\s+headquarters)\s+of\s+)?$"
    r"|\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+(?:the\s+)?(?:(?:town|city)\s+of\s+)?$",
    re.IGNORECASE,
)
_OFFICIALS_IN = re.compile(r"\b(?:officials?|sources|authorities|administration|police|spokes(?:man|woman|person)|"
                           r"officers?)\s+in\s+$", re.IGNORECASE)
# "..., reports The News quoting sources in Mohmand Agency": where the paper's sources sit
_QUOTING_IN = re.compile(r"\b(?:quoting|citing)\s+(?:\w+\s+){0,3}?(?:officials?|sources|residents|authorities)\s+in\s+$",
                         re.IGNORECASE)
_ADMIN_WORD = re.compile(
    r"\s+(?:Agency|District|Province|Governorate|Region|Valley|Tehsil|Village|Town|City|Area|"
    r"Subdivision|Camp|Bazaar|Market|Road|Mosque|Madrassa|Seminary|Airport|Base)\b"
)


def _inside_longer_name(text: str, span: Span) -> bool:
    """ "Wadi" in "Wadi Abidah", "Sharif" in "Nawaz Sharif": part of an unknown name."""
    after = text[span.end : span.end + 30]
    if re.match(r"\s+[A-Z][a-z]", after) and not _ADMIN_WORD.match(after):
        return True
    before = text[max(0, span.start - 30) : span.start]
    m = re.search(r"([A-Z][a-z]+)\s+$", before)
    if m and m.group(1) not in ("In", "At", "Near", "The", "From", "Of", "On", "Outside", "Into"):
        # "of Nangarhar Province in Bati Kot" keeps "Bati Kot"; "Nawaz Sharif" does not
        return not re.search(r"(?:^|[.!?]\s+|\n)\S*$", before[: m.start()] + " ")
    return False


_NOT_FORENAMES = frozenset(
    "In At Near The From Of On Outside Into District Agency Province Governorate Tehsil Region "
    "North South East West Upper Lower Central Middle Eastern Western Northern Southern Greater "
    "Tribal Federally Pakistani Afghan Yemeni Somali Syrian Iraqi Libyan Restive Troubled".split()
)


def _after_forename(text: str, span: Span) -> bool:
    """ "headed by Mangal Bagh", "the Swat Taliban": a district's name as a man's or a group's."""
    if re.match(r"\s+(?:Taliban|network|group|militants?|faction|tribe|clan|[Dd]ivision)\b",
                text[span.end : span.end + 15]):
        # ("Malakand division": several districts, none of them the strike's)
        return True
    m = re.search(r"([A-Z][a-z]+)\s+$", text[max(0, span.start - 30) : span.start])
    if m is None or m.group(1) in _NOT_FORENAMES:
        return False
    before = text[max(0, span.start - 30) : span.start]
    return not re.search(r"(?:^|[.!?]\s+|\n)\S*$", before[: m.start()] + " ")


_HOSPITAL_IN = re.compile(r"\bhospitals?\s+(?:[\w-]+\s+){0,2}in\s+$", re.IGNORECASE)
_GOVERNMENT_ADDRESSED = re.compile(r"\b(?:call(?:ed|s|ing)?\s+on|urg(?:ed|es|ing)|press(?:ed|es|ing)|"
                                   r"accus(?:ed|es|ing)|blam(?:ed|es|ing))\s+$", re.IGNORECASE)
_DISTANCE = re.compile(r"\b(\d[\d,]*)\s*(kilomet\w+|km|miles?)\b[^.;]{0,40}$", re.IGNORECASE)
#: a town used as a bearing places the strike in its district only when it is this close
NEAR_BEARING_KM = 40


def _far_bearing(text: str, start: int) -> bool:
    """ "200 miles south of Mogadishu": the town only says roughly which way the strike was."""
    before = text[max(0, start - 70) : start]
    if not _REFERENCE_POINT.search(before):
        return False
    m = _DISTANCE.search(before)
    if m is None:
        return False
    km = int(m.group(1).replace(",", "")) * (1.609 if m.group(2).lower().startswith("mile") else 1)
    return km > NEAR_BEARING_KM


# "near the border with Afghanistan": a neighbour named, not where the strike was
_BORDER = re.compile(r"\b(?:border|frontier)\s+(?:with|of)\s+(?:the\s+)?(?:[A-Z][\w-]+['’]s?\s+)?$|\bbordering\s+$|\binto\s+$")


#: "Daesh fighters from Orakzai and Bajaur areas of Pakistan": where people came from
_FROM_ORIGIN = re.compile(r"(?:\b(?:fighters|militants|men|people|nationals|citizens|members|natives|faction|group|branch)\s+"
                          # ("a faction of the Tehreek-e-Taliban Pakistan from Swat")
                          r"(?:of\s+(?:the\s+)?(?:[\w'’-]+\s+){1,4}?)?from|"
                          # ("Afghan refugees ... which houses families who fled Khost and Paktia provinces")
                          r"\b(?:fled|fleeing|displaced\s+from|escaped\s+from)(?:\s+their\s+homes\s+in)?)\s+(?:the\s+)?"
                          r"(?:[A-Z][\w'’-]+,?\s+(?:and\s+|or\s+)?){0,3}(?:(?:areas?|regions?|parts?|districts?|"
                          r"provinces?)\s+of\s+)?$")


#: "on their way to Afghanistan's Paktia Province": where someone was going
_GOING_TO = re.compile(r"(?i:\b(?:on\s+(?:their|his|her|its)\s+way\s+to|heading\s+(?:to|for|towards)|bound\s+for|"
                       r"en\s+route\s+to|travell?ing\s+to|returning\s+to)\s+(?:the\s+)?(?:[A-Z][\w'’-]+['’]s\s+)?$)")


def _container_elsewhere(text: str, span: Span, place: Place) -> bool:
    """"the Tor Ghar area of Pachiragam district": the area named lies in the district after it, so
    a same-named place the gazetteer knows in another country is not it."""
    of = re.match(r"(?P<kind>\s+(?:area|region|valley|village|town|locality))?\s+of\s+(?:the\s+)?(?P<name>[A-Z][\w'’-]+"
                  r"(?:\s+[A-Z][\w'’-]+){0,2})", text[span.end : span.end + 60])
    if of is None or not (of.group("kind") or re.search(r"(?i:\b(?:area|region|valley|village|town|locality)$)", span.text)):
        return False
    from strikewatch.extract.gazetteer import get_gazetteer

    container = get_gazetteer().lookup(of.group("name"))
    return container is not None and container.country != place.country


def _choose_place(state: DocState, f: Frame, doc_areas: AbstractSet[tuple[str, str]] = frozenset()) -> None:
    """Where the strike hit: the most specific place the text puts it "in" or "at".

    A village or town counts only after a locative word ("in Datta Khel",
    "at Hisokhel"), because bare capitalised words are more often people
    ("Nawaz Sharif") than villages. A district named beside a village wins
    over a same-named village elsewhere.
    """
    if not f.places:
        return
    text = state.text
    best: tuple[tuple[int, float, float], Span, Place] | None = None
    told = {sp.start for sp, _ in f.places if _TOLD_IN.search(text, max(0, sp.start - 40), sp.start)
            # "Security officials in Miranshah said": where the officials sit
            or (_OFFICIALS_IN.search(text, max(0, sp.start - 40), sp.start)
                # ("officials in Ataq, the provincial capital of Shabwa, said")
                and re.match(r"(?:,[^,.;]{1,60},)?(?:\s+\w+){0,2}?\s+(?:said|say|says|told|confirmed|reported)\b"
                             # "two intelligence officials in Peshawar who spoke on condition of anonymity"
                             r"|,?\s+(?:who|speaking)\b", text[sp.end : sp.end + 80]))
            or _BORDER.search(text, max(0, sp.start - 30), sp.start)
            # "called on Baghdad to break its silence": a capital standing for its government
            or _GOVERNMENT_ADDRESSED.search(text, max(0, sp.start - 30), sp.start)
            # "The US Embassy in Islamabad did not comment on the strike": where a mission sits
            or re.search(r"\b(?:[Ee]mbassy|[Cc]onsulate|High\s+Commission|[Mm]ission|[Dd]elegation)\s+(?:in|to)\s+$",
                         text[max(0, sp.start - 30) : sp.start])
            # "three of the injured succumbed at a hospital in Bannu": where the wounded were taken
            or _HOSPITAL_IN.search(text, max(0, sp.start - 40), sp.start)
            # "a Sanaa-based lawyer": where someone lives or works
            or text.startswith("-based", sp.end)
            or _QUOTING_IN.search(text, max(0, sp.start - 50), sp.start)
            # "the mastermind of the 2014 attack on the Army Public School in Peshawar": the place of
            # an event of another year, named to say who the man was
            or re.search(r"\bthe\s+(?:19|20)\d\d\s+(?:[\w'’-]+\s+){0,7}?(?:in|at|near)\s+(?:the\s+)?$",
                         text[max(0, sp.start - 80) : sp.start])
            # "a commander who organised the movement of fighters from Pakistan's North Waziristan":
            # where someone or something came from, told of a person
            or re.search(r"\b(?:who|which)\b[^.;,]{0,80}\bfrom\s+(?:the\s+)?(?:[A-Z][a-z]+['’]s\s+)?$",
                         text[max(0, sp.start - 110) : sp.start])
            # "in the first U.S. retaliation for the suicide bombing at Kabul airport": where
            # another kind of attack took place, named to say what the strike answered
            or (f.type == "drone_strike" and re.search(
                r"\b(?:suicide\s+)?(?:bombings?|blasts?|explosions?|massacres?|sieges?|shootings?)\s+(?:at|on|in)\s+(?:the\s+)?$",
                text[max(0, sp.start - 40) : sp.start], re.IGNORECASE) is not None)
            # "a commander who led the group's fighters in Pakistan's Bajaur tribal agency was killed
            # ... in eastern Kunar province": where the man led, not where he was hit
            or re.search(r"\b(?:who|which)\s+(?:had\s+)?(?:led|commanded|headed|ran|oversaw|controlled|operated|was\s+based)\b"
                         r"[^.;,]{0,60}?\b(?:in|of|from)\s+(?:[A-Z][\w'’-]+['’]s\s+)?(?:the\s+)?$",
                         text[max(0, sp.start - 100) : sp.start]) is not None
            # "most of them said to belong to the Swat chapter of the TTP": a group's name
            or re.match(r"\s+(?:chapter|faction|branch|wing|Taliban)\b", text[sp.end : sp.end + 12]) is not None
            # "responsible for planning attacks in Mogadishu": where a dead man's group struck
            or re.search(r"\b(?:planning|planned|plotting|plotted|organi[sz]ing|organi[sz]ed|directing|directed|"
                         r"responsible\s+for|masterminding|masterminded)\s+(?:\w+\s+){0,3}?(?:attacks?|bombings?|"
                         r"assaults?|operations)\s+(?:[\w.]+\s+){0,5}?(?:in|on|against|at)\s+(?:the\s+)?"
                         # ("planning suicide attacks in Khost and the capital, Kabul": a list of them)
                         r"(?:[A-Z][\w'’-]+(?:,|\s+and|\s+or)\s+(?:the\s+\w+,\s+)?){0,3}$",
                         text[max(0, sp.start - 80) : sp.start])
            # "about 200 miles south of Mogadishu": a bearing from too far to place it
            or _far_bearing(text, sp.start)
            # "coordinated with Libya's U.N.-backed government in Tripoli": a seat of government
            or re.search(r"\b(?:government|parliament|regime|embassy|ministry)\s+in\s+$", text[max(0, sp.start - 20) : sp.start])
            # "as US Senator John Kerry arrived in Islamabad": where someone travelled
            or re.search(r"\b(?:arrived|arriving|arrives|landed|travelled|traveled|flew|visiting|visited)\s+"
                         r"(?:\w+\s+){0,2}?(?:in|to|at)\s+$", text[max(0, sp.start - 40) : sp.start])
            # "foreign nationals, mainly from Pakistan's Orakzai tribal region": where the dead came from
            or re.search(r"\b(?:nationals?|citizens?|natives?|militants|fighters|men|members|recruits)\b,?\s+"
                         r"(?:\w+\s+){0,2}?from\s+(?:[A-Z][\w-]+['’]s\s+)?$", text[max(0, sp.start - 60) : sp.start])
            # "were buried in their ancestral graveyard in Khost": where the dead were buried
            or re.search(r"\bburied\s+(?:[\w'’-]+\s+){0,5}?(?:in|at)\s+(?:the\s+)?$", text[max(0, sp.start - 60) : sp.start])
            # "men from neighbouring Ziarat", "one of whom later died in Peshawar": another place
            # than the strike's, named for who came from it or died there
            or re.search(r"\bfrom\s+(?:the\s+)?neighbou?ring\s+$|\b(?:died|succumbed)\s+(?:\w+\s+){0,3}?(?:in|at)\s+$",
                         text[max(0, sp.start - 40) : sp.start])
            # "militants who had fled a military offensive in neighbouring Orakzai": where they came from
            or re.search(r"\b(?:fled|fleeing|escaped|displaced)\b[^.;]{0,60}?\b(?:in|from)\s+(?:the\s+)?"
                         r"(?:neighbou?ring\s+)?$", text[max(0, sp.start - 80) : sp.start])
            # "Since the Khost bombing, US drones have carried out a dozen strikes": an event the
            # town names
            or re.match(r"\s+(?:suicide\s+)?(?:bombings?|blasts?|sieges?|massacres?|explosions?)\b", text[sp.end : sp.end + 25])
            # ("the Khost attack", said back: the name of an event, not where the strike hit)
            or (f.anaphoric and re.match(r"\s+attacks?\b", text[sp.end : sp.end + 10]))
            # "who oversaw the movement of fighters and supplies into Afghanistan's Khost and Paktia
            # provinces": where his men went
            # ("using the area as a route to Afghanistan's Khost Province")
            or re.search(r"\b(?:movement|moving|moved|smuggl\w+|sending|infiltrat\w+|supplies|supplying|ferry\w*|"
                         r"transport\w*|route|routes|road|corridor|passage|gateway)\b[^.;]{0,60}?\b(?:into|towards|to)\s+"
                         r"(?:[A-Z][\w'’-]+['’]s\s+)?"
                         r"(?:[A-Z][\w'’-]+(?:,|\s+and|\s+or)\s+)?$", text[max(0, sp.start - 110) : sp.start])}
    placed_by_other = {sp.start for sp, p in f.places if _area_of_another(text, sp, p, f)}
    # "in Lahij province": a Yemeni governorate is a province with its own name as district
    districts = {p.district for sp, p in f.places if sp.start not in placed_by_other and p.district and (
        p.precision == "district"
        or (p.precision == "province" and (
            re.search(r"(?i:province|governorate)", sp.text)
            or re.search(r"(?i:province|governorate)\s+of\s+$", text[max(0, sp.start - 16) : sp.start]))))
        and sp.start not in told and not _after_forename(text, sp)}
    for span, place in f.places:
        if place.precision == "country":
            continue
        before = text[max(0, span.start - 40) : span.start]
        if span.start in told:
            # "told a press conference in Quetta": where the news was told; "near the border
            # with South Waziristan": the strike was on this side of it
            continue
        if (place.name, place.country) in state.namesakes:
            # "the Tor Ghar area of Pachiragam district": a namesake in another country, here
            # and wherever the story names it again ("A resident of Tor Ghar")
            continue
        if (span.start > f.trigger.end and re.search(
                r"(?:,|\bcame)\s+(?:a\s+day|an?\s+hour|a\s+week|(?:\w+\s+)?(?:days|hours|weeks))\s+after\b",
                text[f.trigger.end : span.start])):
            continue  # "..., a day after a suicide bombing at Kabul's airport": that event's place
        if (span.end <= f.trigger.start and re.search(
                r"\b(?:a\s+day|an?\s+hour|a\s+week|(?:\w+\s+)?(?:days|hours|weeks))\s+after\s+(?:a|an|the)\s+[^,;]{0,50}$",
                text[max(0, span.start - 80) : span.start])
                and re.search(r",\s+(?:while|as|and)\b", text[span.end : f.trigger.start])):
            continue  # "days after a suicide truck bombing in Karachi, while a U.S. drone strike ...": that event's place
        if (span.start > f.trigger.end and _RESPONSE_TO.search(text[max(f.trigger.end, span.start - 90) : span.start])):
            continue  # "the strikes were a response to the attack of Saturday in Muqdisho": that attack's place
        if place.precision == "district" and re.search(r"\b(?:North|South|Upper|Lower)\s+and\s+$", before):
            continue  # "North and South Waziristan": two districts, neither the strike's alone
        if place.precision == "district" and any(
                p.precision == "district" and p.district != place.district
                and (re.fullmatch(r",?\s+(?:and|or)\s+", text[span.end : sp.start])
                     or re.fullmatch(r",?\s+(?:and|or)\s+", text[sp.end : span.start]))
                for sp, p in f.places):
            continue  # "attacks in Bannu and Dera Ismail Khan": two districts, neither alone
        loc = bool(_LOCATIVE.search(before))
        small = place.precision in ("village", "town", "city")
        if small and place.district and _REFERENCE_POINT.search(before):
            # "about 30 kilometres west of Miramshah": the town is a bearing; only its
            # district says where the strike was
            place = Place(place.district, place.country, place.district, place.admin1, place.lat, place.lon,
                          "district")
            small, loc = False, True
        if small and not loc:
            continue
        # names of people ("Mehsud") and groups are not places
        if re.match(r"\s+(?:network|group|tribe|clan|faction|militants?|Taliban)\b",
                    text[span.end : span.end + 15], re.IGNORECASE):
            continue
        if small and _inside_longer_name(text, span):
            continue
        if place.precision == "district" and _after_forename(text, span):
            continue
        if (not small and state.doc_country and place.country != state.doc_country
                and _inside_longer_name(text, span)):
            # "Hama Saleh", a village in Iraq, is not Syria's Hama
            continue
        if (small and state.doc_country and place.country != state.doc_country
                # (a town of a country the article names is known beyond it: "a strike on a house
                # in Miranshah" in a month's report on Yemen and Pakistan)
                and (place.precision == "village" or place.country not in state.named_countries)
                and not any(p.country == place.country and sp.start != span.start
                            and f.scope[0] <= sp.start < f.scope[1] for sp, p in f.places)):
            # a namesake village in another country than the story's
            continue
        if span.start in placed_by_other:
            # "the Barmal area of South Waziristan": a namesake of an Afghan district, placed by
            # the agency it is said to be in
            continue
        if (place.precision == "district" and re.match(r",\s*", text[span.end : span.end + 3])
                and any(p.precision == "district" and p.district != place.district
                        and p.country == place.country
                        and 0 < sp.start - span.end <= 3 for sp, p in f.places)):
            # "in Sheerani, North Waziristan": a village named like a district elsewhere
            continue
        conflict = small and bool(districts) and place.district not in districts
        outside = not (f.scope[0] <= span.start < f.scope[1])
        # "in Afghanistan's Nangarhar province": the country says whose area it is
        owned = re.search(r"\b(?:in|near|inside|at)\s+(?:the\s+)?([A-Z][a-z]+)['’]s\s+(?:(?:north|south|east|west)?"
                          r"(?:eastern|western|northern|southern|central|east|west|north|south|remote|restive|"
                          r"mountainous|tribal|volatile|troubled)\s+)?$", before)
        owned_at = span.start - len(before) + owned.start(1) if owned is not None else -1
        owned_here = any(p.precision == "country" and p.country == place.country and sp.start == owned_at
                         for sp, p in f.places)
        key = (0 if (loc or owned_here) else 1,
               float(_PRECISION_RANK.get(place.precision, 4)) + (3 if conflict else 0)
               + (5 if outside else 0) - (3 if owned_here else 0),
               abs(span.start - f.trigger.start) / 2000.0)
        if best is None or key < best[0]:
            best = (key, span, place)
    if best is not None:
        _, span, place = best
        if place.precision in ("village", "town", "city") and districts and place.district not in districts:
            # the village record is a namesake elsewhere: keep the named district
            dist = next(p for _, p in f.places
                        if p.precision in ("district", "province") and p.district in districts)
            place = Place(place.name, dist.country, dist.district, dist.admin1, dist.lat, dist.lon,
                          "district")
        near = next((p for sp, p in f.places if p.precision in ("village", "town", "city")
                     and p.district and re.fullmatch(r",?\s+(?:village\s+|area\s+)?near\s+(?:the\s+)?(?:town\s+of\s+)?",
                                                     text[span.end : sp.start])), None)
        if (near is not None and place.precision in ("village", "town", "city")
                and near.district != place.district):
            # "Chashma village near Miranshah": a namesake elsewhere, placed by the town it is near
            place = Place(place.name, near.country, near.district, near.admin1, near.lat, near.lon,
                          near.precision)
        elif place.precision in ("village", "town", "city") and not districts:
            place = _settle_namesake(f, span, place, doc_areas)
        f.place = (span, place)
        f.country = (span, place.country)
        return
    countries = [(s, p) for s, p in f.places if p.precision == "country" and s.start not in told
                 # "seven persons including two Afghans": who died, not where
                 and not (s.text.endswith("s") and s.text.lower() != p.name.lower())
                 # "including an Afghan 'commander'": whose he was; "on Afghan soil" says where
                 and not (s.text.lower() != p.name.lower() and not re.search(r"['’]s$", s.text)
                          and not re.match(r"\s+(?:territory|soil|side|airspace|villages?|towns?|provinces?)\b",
                                           text[s.end : s.end + 15])
                          and not re.search(r"\b(?:in|inside|into|across|on)\s+(?:the\s+)?$",
                                            text[max(0, s.start - 12) : s.start]))
                 and not _BORDER.search(text, max(0, s.start - 30), s.start)
                 and not re.match(r"\s*(?:border|frontier)", text[s.end : s.end + 12])
                 # "the village was full of relatives from Sanaa and Saudi Arabia": where they came from
                 and not re.search(r"\bfrom\s+(?:[A-Z][\w'’-]+\s+(?:and|or)\s+)?$", text[max(0, s.start - 30) : s.start])]
    if countries:
        # "in Russia's Belgorod region" says where; "a Ukrainian drone" says whose
        countries.sort(key=lambda c: 0 if (text.startswith("'s", c[0].end) or text.startswith("’s", c[0].end)
                                           or re.search(r"\b(?:in|inside|across)\s+$",
                                                        text[max(0, c[0].start - 10) : c[0].start]))
                       else 1)
        f.country = (countries[0][0], countries[0][1].country)


def _area_of_another(text: str, span: Span, place: Place, f: Frame) -> bool:
    """ "the Barmal area of South Waziristan", "the Sheerani area outside Miramshah": the name of an
    area that the place named after it says where it is, when that place lies elsewhere."""
    area_of = re.match(r"(?:\s+(?:area|valley|region|tehsil|sub-?division|village|town))?\s+(?:of|in|outside|near)\s+(?:the\s+)?",
                       text[span.end : span.end + 30])
    if area_of is None or not (area_of.group().strip().split()[0] in ("area", "valley", "region", "tehsil", "village", "town")
                               or re.search(r"(?i:\b(?:area|valley|region|tehsil|village|town)$)", span.text)):
        return False
    return any(sp.start == span.end + area_of.end() and p.district and p.district != place.district
               for sp, p in f.places)


#: a lone village of a name is trusted in a district with at least this share of the country's
#: recorded drone strikes; below it (1 in 50) a village the gazetteer lacks, where drones
#: struck most, is the likelier reading
MIN_PRIOR_SHARE = 0.02
#: a district takes a namesake village when it holds this share of the strikes
#: recorded in all the districts that have a village of that name
PRIOR_SHARE = 0.9


def _settle_namesake(f: Frame, span: Span, place: Place, doc_areas: AbstractSet[tuple[str, str]]) -> Place:
    """Which of the villages of one name a report means, or none.

    Village names repeat within a country (Pakistan has ten villages called
    Shagai) and the gazetteer misses many small ones, so the first record of a
    name is often a namesake.  As geoparsers do, settle the name by the areas
    the article names elsewhere, then, for a drone strike, by where drone
    strikes have been recorded (``strike_areas``: a village of the name in North
    Waziristan beats one in Balochistan); when nothing settles it, keep the
    village's name and leave its district and coordinates open, since a wrong
    district is worse than none.
    """
    from strikewatch.extract.gazetteer import get_gazetteer, strike_areas

    entries = get_gazetteer().namesakes(span.text, place.country)
    if not entries or any(e.hand and e.district == place.district for e in entries):
        return place  # unknown to the index, or a hand-curated place: as chosen
    areas: dict[str, Place] = {}
    for e in entries:
        if e.district and e.district not in areas:
            areas[e.district] = e.place()
    named = [d for d, p in areas.items()
             if (p.country, d) in doc_areas or (p.admin1 and (p.country, p.admin1) in doc_areas)]
    if named:
        areas = {d: areas[d] for d in named}
    if len(areas) == 1 and named:
        return next(iter(areas.values()))
    prior = strike_areas().get(place.country) if f.type == "drone_strike" else None
    if len(areas) == 1:
        only = next(iter(areas.values()))
        share = prior.get(only.district or "", 0) / max(1, sum(prior.values())) if prior else 1.0
        if prior is None or only.precision != "village" or share >= MIN_PRIOR_SHARE:
            return only
        # one village of the name, where no drone strike was ever recorded: more
        # likely a namesake of a village the gazetteer lacks
        f.reasons.append(f"place {span.text}: its one village lies where drones have seldom struck; district open")
        return _unplaced(place)
    if prior is not None:
        weights = {d: prior.get(d, 0) for d in areas}
        total = sum(weights.values())
        best = max(weights, key=lambda d: weights[d]) if total else None
        if best is not None and weights[best] >= PRIOR_SHARE * total:
            if best != place.district:
                f.reasons.append(f"place {span.text}: the namesake in {best}, where drones strike")
            return areas[best]
        f.reasons.append(f"place {span.text}: no namesake where drones strike stands out; district open")
        return _unplaced(place)
    if not areas:
        return place
    towns = [p for p in areas.values() if p.precision == "town"]
    if len(towns) == 1:
        return towns[0]  # one town among villages of its name
    f.reasons.append(f"place {span.text}: villages of that name in {len(areas)} districts; district open")
    return _unplaced(place)


def _unplaced(place: Place) -> Place:
    """The village by name only: district and coordinates unknown."""
    return Place(place.name, place.country, None, None, None, None, place.precision)


_UNKNOWN_OWNER = re.compile(
    r"\b(?:unidentified|unknown|unmarked)\s+(?:\w+\s+)?(?:drones?|aircraft|UAVs?)\b|"
    r"\b(?:not\s+(?:immediately\s+)?clear|unclear|not\s+known)\s+(?:who|whose|which)\b",
    re.IGNORECASE,
)
#: "a one-way attack drone launched by Iran-backed militants": no state flew it
_ARMED_GROUP_DRONE = re.compile(
    r"\b(?:drones?|UAVs?)\s+(?:[\w-]+\s+){0,2}?(?:launched|flown|operated|sent|fired)\s+by\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:militants?|militias?|militiamen|rebels?|insurgents?|Houthis?|Hezbollah|Hamas|"
    r"jihadists?|(?:armed\s+)?groups?|al-Shabaab|Taliban)\b",
    re.IGNORECASE,
)
_GUNS = re.compile(r"\b(?:artillery|shell\w*)\b", re.IGNORECASE)
_STRIKES_WORD = re.compile(r"\b(?:strikes?|air\s*-?strikes?|airstrikes?)\b", re.IGNORECASE)


def find_actors(state: DocState) -> None:
    text = state.text
    for f in state.frames:
        t = (f.trigger.start, f.trigger.end)
        for lo, hi in f.ranges:
            if f.perpetrator is None:
                p = actors.find_perpetrator(text, lo, hi, t, drone=f.type == "drone_strike")
                if p is not None:
                    f.perpetrator = (p.span, p.value)
            for g in actors.find_groups(text, lo, hi):
                if g.value not in {v for _, v in f.groups}:
                    f.groups.append((g.span, g.value))
            for n in actors.find_named(text, lo, hi):
                if n.value not in {v for _, v in f.named}:
                    f.named.append((n.span, n.value))
        if f.perpetrator:
            state.note("actors.v1", f"perpetrator {f.perpetrator[1]}", f.perpetrator[0])
    drones = [f for f in state.frames if f.type == "drone_strike"]
    # "An unidentified drone ...; it was not clear who operated the drone": unknown on purpose
    unsaid = [f for f in drones if any(_UNKNOWN_OWNER.search(text, lo, hi) for lo, hi in f.ranges)]
    # and so is the headline or lead that tells the same strike again
    near = {f.sentence.index + k for f in unsaid if f.status == "reported" for k in (-1, 0, 1)}
    groups = {f.sentence.index for f in drones if _ARMED_GROUP_DRONE.search(text, f.sentence.start, f.sentence.end)}
    # ("... The Islamic Resistance in Iraq claimed that attack.": the same group's)
    unsaid += [f for f in drones if f.sentence.index in groups
               or (f.anaphoric and {f.sentence.index - 1, f.sentence.index - 2} & groups)]
    missing = [f for f in drones if f.perpetrator is None and not any(f is u for u in unsaid)
               and (f.distinct or f.sentence.index not in near)]
    # sentences that report a manned strike or another attack say who did that, not this
    other_events = {f.sentence.index for f in state.frames if f.type != "drone_strike" and f.status == "reported"}
    if missing:
        # the drones' sentences, and a headline that tells the strikes without naming the
        # weapon ("U.S. strikes kill 7 al-Qaeda suspects")
        drone_sentences = [(s.start, s.end) for s in state.sentences
                           if DRONE.search(text, s.start, s.end) or MISSILE.search(text, s.start, s.end)
                           or (_STRIKES_WORD.search(text, s.start, s.end) and s.index not in other_events
                               and not MANNED.search(text, s.start, s.end) and not _GUNS.search(text, s.start, s.end)
                               # "it had not conducted any strike": a denial names no one
                               and not re.search(r"\b(?:not|never|den(?:y|ies|ied))\b", text[s.start : s.end],
                                                 re.IGNORECASE))]
        doc = actors.document_perpetrator(text, drone_sentences)
        if doc is not None:
            for f in missing:
                where = f.country[1] if f.country else (f.place[1].country if f.place else None)
                if doc.value in _OWN_GROUND and where is not None and where != doc.value:
                    # "In neighbouring Burkina Faso, the army said a drone strike ..." in a story on
                    # Mali's drones: an army that flies drones over its own land did not fly this one;
                    # that country's own army, named so, did
                    army = next((m for lo, hi in f.ranges for m in _OWN_ARMY_SAID.finditer(text, lo, hi)), None)
                    if army is not None and where in _OWN_GROUND:
                        f.perpetrator = (Span(army.start(), army.end(), army.group()), where)
                    continue
                f.perpetrator = (doc.span, doc.value)
                f.perpetrator_inferred = True
                state.note("actors.v1", f"perpetrator {doc.value} from the rest of the article",
                           doc.span)


_OWN_ARMY_SAID = re.compile(r"\bthe\s+(?:army|military|armed\s+forces)\b(?=\s+said\b[^.;]{0,40}\bdrone)")
#: states whose drones strike on their own soil in the reports the project reads
_OWN_GROUND = frozenset({"ML", "BF", "NE", "NG", "ET", "PK", "IQ", "SY", "EG", "KE", "SO", "YE", "AF", "SD"})


# Words without which no drone or air strike can be reported. One scan of the
# raw text, no sentence split: most of a general news stream stops here.
_PREFILTER = re.compile(
    r"drone|unmanned|\bUAV|missile|air[ -]?strike|air[ -]?raid|warplane|\bjets?\b|aircraft|"
    r"bomber|gunship|helicopter|predator|reaper|pilotless|air\s+force|aerial",
    re.IGNORECASE,
)


def can_report_strike(text: str) -> bool:
    """The cheap first pass: can this document report a drone or air strike at all?

    Bombings and shootings without any aircraft are not what strikewatch
    collects; their documents skip every costly step.
    """
    return bool(_PREFILTER.search(text))
