"""Which sentences report an attack, of which type, and whether it is a real event.

Typing follows ANNOTATION.md: ``drone_strike`` only when the text says an
unmanned aircraft fired; ``air_strike`` for manned aircraft or an air strike
that does not say drone; ``other_attack`` for bombings, shootings, raids.
A strike-like sentence is then marked background (history, policy, generic
plural), hypothetical, negated, or an aggregate of several strikes.
"""

from __future__ import annotations

import itertools
import re

from strikewatch.extract.casualties import find_figures
from strikewatch.extract.dates import SAYING_VERBS, find_dates, is_reporting_date
from strikewatch.extract.state import DocState, Frame
from strikewatch.extract.text import Sentence
from strikewatch.model import Span

DRONE = re.compile(
    r"\b(?:drones?|drone-fired|unmanned\s+(?:aerial\s+vehicles?|combat\s+aerial\s+vehicles?|"
    r"aircraft|air\s+vehicles?|planes?|aerial\s+systems?)|UAVs?|UCAVs?|MQ-[19]\w*|Predators?|"
    r"Reapers?|pilotless\s+(?:(?:U\.S\.|US|American|CIA)\s+)?(?:aircraft|planes?|drones?)|remotely[- ]piloted\s+\w+|"
    r"Bayraktar\w*|TB2|armed\s+drones?|spy\s+planes?(?=,?\s+(?:\w+\s+){0,2}(?:fired|struck|hit|targeted|"
    r"launched|attacked|dropped))"
    # "a missile, believed to have been fired by a US spy plane, hit a house"
    r"|(?<=fired\sby\s)(?:an?\s+)?(?:(?:US|U\.S\.|American|suspected|CIA)\s+){0,2}spy\s+planes?)\b",
    re.IGNORECASE,
)
_DRONE_NOT_STRIKE = re.compile(
    r"\b(?:anti-drone|drone[- ]strikes?\s+(?:hub|zone|belt|capital|corridor|victims?|survivors?|"
    r"compensation|figures|data|tally|database)|drone\s+(?:footage|video|camera|images?|photograph\w*|delivery|racing|"
    r"sighting|manufactur\w+|industry|maker|pilot\s+training|technology|base|bases|program(?:me)?s?|"
    r"policy|policies|war|warfare|campaign|operators?|court|memo|debate|hearings?|proliferation|"
    r"exports?|sales?|deal|fleet|crash(?:ed|es)?|hobbyists?|"
    # "weapons depots and drone storage facilities": a target, not a strike
    r"storage|facilit\w+|factor\w+|warehouses?|depots?|workshops?|components?|parts|launch\s+sites?|"
    # "an air base used for CIA drone flights"
    r"flights?|missions?|airstrips?|hangars?|"
    r"launchers?|production|assembly)|(?:surveillance|reconnaissance|spy|"
    r"delivery|hobby|toy|commercial|civilian)\s+drones?|(?:with\s+the\s+help\s+of|aided\s+by|"
    r"guided\s+by)\s+(?:\w+\s+){0,2}(?:drones?|unmanned|UAVs?)|(?:monitored|tracked|watched|observed|"
    r"spotted|filmed|surveilled|located|followed)\s+by\s+(?:\w+\s+){0,2}(?:drones?|UAVs?)|"
    r"(?:drones?|UAVs?)\s+(?:(?:and|or)\s+(?:\w+\s+){0,2}?)?(?:to\s+)?(?:keep\s+(?:a\s+)?)?"
    r"(?:pinpoint|locate|spot|monitor|track|guide|film|survey|watch)\w*"
    # "destroyed a hangar used to store Turkish-made drones and a control room from which the drones
    # were operated": the drones are the target, not a strike
    r"|(?:to\s+(?:store|house|hide|keep)|storing|housing)\s+(?:[\w-]+\s+){0,2}?(?:drones?|UAVs?)"
    # "as rebels claim another American drone": a drone they say they shot down
    r"|\bclaim(?:s|ed|ing)?\s+(?:another|an?|the|a\s+second|a\s+third)\s+(?:[\w-]+\s+){0,2}?(?:drones?|Reapers?|"
    r"MQ-[19]\w*|UAVs?)\s*(?:$|[,.;:])"
    # "killed for spying for the US and helping drones \"find targets\"": informers, not a strike
    r"|(?:help(?:ed|ing|s)?|assist(?:ed|ing|s)?|spying\s+for)\s+(?:[\w-]+\s+){0,3}?(?:drones?|UAVs?)\s+(?:to\s+)?[\"“]?"
    r"(?:find|locate|identify|pick|select|hit)"
    r"|(?:from\s+which|where)\s+(?:the\s+)?(?:drones?|UAVs?)\s+(?:were|are|was|is)\s+(?:operated|controlled|piloted|flown)"
    # "an Iranian surface-to-air missile struck a U.S. Navy RQ-4A Global Hawk, a ... surveillance drone"
    r"|(?:missiles?|rockets?|fire|gunfire|jets?)\s+(?:struck|hit|downed|brought\s+down)\s+(?:an?\s+|the\s+)?(?:[\w$.,-]+\s+){0,4}?"
    r"(?:drones?|UAVs?|Global\s+Hawk|Reaper|Predator)"
    # "launched the operation on the basis of inputs from an Unmanned Aerial Vehicle (UAV)": an eye
    r"|(?:inputs?|intelligence|information|footage|images?|feeds?|tip-?offs?)\s+(?:from|provided\s+by|supplied\s+by|"
    r"gathered\s+by)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:drones?|UAVs?|unmanned)"
    # "its aircraft had also destroyed a Houthi drone on the ground": the drone was the target
    # ("destroying what it said was a Turkish-made drone being prepared for a mission")
    r"|(?:destroy(?:ed|ing)|captur(?:ed|ing)|seiz(?:ed|ing))\s+(?:what\s+(?:it|they|he|she|officials)\s+said\s+(?:was|were)\s+)?"
    r"(?:an?\s+|the\s+|\d+\s+|two\s+|three\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:drones?|UAVs?))\b",
    re.IGNORECASE,
)
STRIKE_WORD = re.compile(
    r"\b(?:strikes?|struck|attacks?|attacked|raids?|fired|firing|fires|launched|targeted|"
    r"targeting|targets|hit|hits|bombed|bombing|pounded|missiles?|rockets?|killed|killing|kills|"
    r"slain|destroyed|blew\s+up|shot|dropped|bombs?|air\s*strikes?|airstrikes?|dead|injured|"
    r"wounded|martyred|neutrali[sz]ed|eliminated)\b",
    re.IGNORECASE,
)
AIR = re.compile(
    r"\b(?:air\s*-?strikes?|airstrikes?|air\s+raids?|aerial\s+(?:bombardment|attacks?|strikes?|"
    r"bombing|raids?)|warplanes?|war\s+planes?|fighter\s+(?:jets?|planes?|aircraft)|jets|"
    r"jet\s+fighters|(?<!suicide\s)(?<!car\s)bombers?|helicopter\s+gunships?|gunships?|helicopters?|air\s+force|"
    r"aircraft|barrel\s+bombs?|airplanes?|(?<!spy\s)planes?\s+(?:bombed|struck|attacked|fired))\b",
    re.IGNORECASE,
)
OTHER = re.compile(
    r"\b(?:suicide\s+(?:car\s+)?(?:bomb\w*|attack\w*|blast)|car\s+bomb\w*|bomb(?:ing|ings|s|ed)?|"
    r"blasts?|explosions?|"
    r"exploded|IEDs?|improvised\s+explosive|car\s+bomb|landmines?|mines?|gunmen|gunfire|"
    r"shooting|shot\s+dead|gunned\s+down|opened\s+fire|ambush(?:ed)?|shell(?:ing|ed|s)|mortars?|"
    r"rocket\s+attacks?|grenades?|siege|assault|stormed|clash(?:es|ed)?|raid(?:s|ed)?|"
    r"militant\s+attacks?|terrorist\s+attacks?|attack(?:ed)?\s+(?:by|on)|beheaded|"
    r"executed|abducted|kidnapped|massacre)\b",
    re.IGNORECASE,
)
_GENERIC_AIR = re.compile(r"(?i:aircraft|air\s*-?strikes?|airstrikes?|planes?)")
MANNED = re.compile(
    r"\b(?:warplanes?|fighter|jets?|bombers?|helicopters?|gunships?|manned|pilots?|F-16s?|Su-\d+|"
    r"Sukhoi|MiG|Tornado|Typhoon|Rafale)\b",
    re.IGNORECASE,
)
#: what a drone may drop that is no attack
_HARMLESS_DROP = re.compile(r"\b(?:drop(?:ped|ping|s)?)\s+(?:\w+\s+){0,4}?(?:leaflets?|pamphlets?|flyers?|flares?|"
                            r"aid|supplies|food|medicine|"
                            # "drones from Pakistan had dropped around 80 kilograms of weapons": smuggling, not a strike
                            r"weapons|arms|ammunition|drugs|narcotics|heroin|pistols|rifles|consignments?)\b", re.IGNORECASE)
_DRONES_ACT = re.compile(
    r"\b(?:drones?|UAVs?|UCAVs?|unmanned\s+\w+(?:\s+\w+)?|aircraft|Predators?|Reapers?|"
    r"pilotless\s+\w+|spy\s+planes?|remotely[- ]piloted\s+\w+|Bayraktar\w*|TB2s?),?\s+(?:[\w'’()]+,?\s+){0,7}?"
    r"(?:fired|launched|struck|hit|targeted|killed|bombed|attacked|dropped|pounded|destroyed|"
    r"engaged|fires|kills|attack|drop|dropping|neutrali[sz]ed|eliminated|slammed|smashed|rained|ripped|"
    r"(?:carried\s+out|conducted|mounted)\s+(?:[\w\"“'‘-]+\s+){0,2}[\"“'‘]?(?:(?:air\s*-?)?strikes?|attacks?|raids?))\b"
    # "a Chinese-made Wing Loong II drone flying from the al-Khadim air base in eastern Libya had
    # launched a Blue Arrow 7 missile at the academy": a long way from the drone to its missile
    r"|\b(?:drones?|UAVs?|UCAVs?)\s+(?:[\w'’()-]+,?\s+){0,12}?(?:had\s+)?(?:fired|launched)\s+(?:an?|the|two|three|four|"
    r"its)\s+(?:[\w-]+\s+){0,3}?(?:missiles?|rockets?|bombs?)\b",
    re.IGNORECASE,
)
_AIR_ACT = re.compile(
    r"\b(?:jets?|warplanes?|war\s+planes?|aircraft|helicopters?|gunships?|bombers?|planes?|"
    r"air\s+force)\s+(?:[\w'’]+,?\s+){0,4}?(?:pounded|bombed|struck|hit|targeted|attacked|"
    r"fired|shelled|destroyed|killed|raided|kill|kills|pound|pounds|hits|strike|target|targets|bomb)\b",
    re.IGNORECASE,
)
HYPOTHETICAL = re.compile(
    r"\b(?:could|would|might|(?-i:may)|should|must|shall|will|going\s+to|plans?\s+to|planned|"
    r"planning|threaten(?:s|ed|ing)?|warn(?:s|ed)?\s+(?:of|that)|if|unless|whether|possible|"
    r"possibility|potential|future|consider(?:s|ed|ing)?|propos(?:e|ed|al|es)|authori[sz]e|"
    r"approv(?:e|ed|al)|seek(?:s|ing)?|want(?:s|ed)?\s+to|fear(?:s|ed)?|risk\s+of|options?\s+of|"
    # "without saying how many were killed by drones and how many by jets": an open question
    r"on\s+the\s+table|how\s+many)\b",
    re.IGNORECASE,
)
NEGATED = re.compile(
    r"\b(?:no\s+(?:\w+\s+){0,2}(?:drones?|strikes?|attacks?)|"
    r"no\s+(?:reports?|sign|evidence|indication|word|confirmation)\s+of\s+(?:an?\s+|any\s+)?(?:[\w.]+\s+)?"
    r"(?:drone|strike|attack|air\s*strike)|not\s+(?:a\s+|an\s+|been\s+|be\s+)?"
    r"(?:[\w.]+\s+)?(?:drone|strike|attack)|never|denied|denies|deny|denying|ruled\s+out|"
    r"rejected\s+(?:reports|claims)|halt(?:ed|ing|s)?|suspend(?:ed|ing|s)?|suspension|"
    # ("after it had stopped near a farmhouse": a vehicle halting, not the strikes)
    r"stop(?:ped|ping|s)?(?!\s+(?:near|at|outside|beside|by|in\s+front\s+of|for\s+(?:a|the)\s+\w+|to\s+(?:pray|rest|eat|refuel)))|"
    r"end(?:ed|ing|s)?\s+(?:to\s+)?(?:the\s+|its\s+|US\s+|U\.S\.\s+|American\s+)?(?:use\s+of\s+)?"
    r"drone|ban(?:ned|s)?|moratorium|pause[ds]?|lull|hiatus|without|cease|ceased|"
    r"curb(?:ed|ing)?|limit(?:ed|ing|s)?\s+(?:the\s+)?(?:use|drone)|decline|"
    r"shot\s+down|crash(?:ed|es)?|downed|went\s+down|intercepted|false|initially\s+thought|"
    r"had\s+thought|mistook|mistaken\s+for|thought\s+(?:that\s+)?(?:it|the\s+\w+)\s+was|"
    r"fended\s+off|fought\s+off|repell?ed|repulsed|thwarted|foiled)\b",
    re.IGNORECASE,
)
_FAILED = re.compile(
    r"\b(?:was|were|had\s+been|have\s+been)\s+(?:\w+\s+)?(?:foiled|thwarted|intercepted|repell?ed|repulsed|"
    r"shot\s+down|downed|brought\s+down)\b"
    r"|\bdown(?:s|ed|ing)\s+(?:\w+\s+){0,3}?(?:drones?|UAVs?)\b"
    # "its air defences had intercepted and destroyed an explosive-laden drone launched by the Houthis"
    r"|\b(?:intercept(?:ed|s|ing)|shot\s+down|downed)\s+(?:and\s+destroyed\s+)?(?:an?\s+|the\s+|two\s+|three\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:drones?|UAVs?)\b"
    r"|\b(?:drones?|UAVs?)\s+(?:was|were)\s+(?:destroyed|downed|intercepted|shot)\b"
    # '"an MQ-9 went down" in Yemen on Wednesday', "the drone came down in a field"
    r"|\b(?:drones?|UAVs?|MQ-[19]\w*|Reapers?|Predators?)\s+(?:went|came|had\s+gone|had\s+come)\s+down\b"
    # "an MQ-9 Reaper drone was struck by a surface-to-air missile fired by the rebels"
    r"|\b(?:drones?|UAVs?|Reapers?|Predators?)\s+(?:drone\s+)?(?:was|were|had\s+been)\s+(?:struck|hit)\s+by\s+"
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:missiles?|rockets?|fire|air\s+defen[cs]es?)\b"
    # "the third such drone it has reported intercepting this week"
    r"|\b(?:drones?|UAVs?)\s+(?:\w+\s+){1,4}?(?:intercepting|downing|shooting\s+down)\b",
    re.IGNORECASE,
)
BACKGROUND = re.compile(
    r"\b(?:since\s+(?:19|20)\d\d|since\s+the\s+(?:first|start)|(?:first|earliest)\s+(?:\w+\s+)?"
    r"(?:drone\s+)?strike|resum(?:e|ed|es|ption|ing)|programm?e|policy|policies|campaign|"
    r"war\s+on\s+terror|drone\s+war|use\s+of\s+(?:armed\s+)?drones|sovereignty|protest\w*|"
    r"rally|rallies|demonstrat\w+|condemn\w*|criticis\w+|critici[sz]\w+|legal\w*|legitimacy|"
    r"debate|briefings|in\s+recent\s+(?:years|months)|over\s+the\s+(?:past|last)\s+\w+\s+"
    r"(?:years|decade)|so\s+far\s+this\s+year|this\s+year|last\s+year|in\s+total|total\s+of|"
    r"toll\s+from\s+(?:US\s+)?drone|since\s+\w+\s+(?:19|20)\d\d|annual|report\s+by|"
    r"according\s+to\s+(?:a|the)\s+(?:report|study|data)|study|survey|figures|"
    r"Bureau\s+of\s+Investigative|New\s+America|Amnesty|Human\s+Rights\s+Watch|previous|"
    r"earlier\s+this\s+(?:month|year)|last\s+(?:month|week)'s|ago|recalled|in\s+the\s+past|"
    r"history|historic\w*|first\b[^.;]{0,40}\bsince)\b",
    re.IGNORECASE,
)
# a tally over a year or more, or since a start: never one period's strikes
_YEARLY = re.compile(
    r"\b(?:in|during|of|for|since|throughout)\s+(?:19|20)\d\d\b|\bper\s*cent\b|\bpercent\b|%|"
    r"\bsince\s+(?:the\s+)?(?:start|beginning|first)\b(?!\s+of\s+the\s+month\b)|\bso\s+far\s+this\s+year\b|\bthis\s+year\b|"
    r"\blast\s+year\b|\bannual\b|\b(?:past|last|recent)\s+(?:\w+\s+)?years\b|"
    # "145 suspected militants were killed in drone strikes during the year"
    r"\b(?:during|over|throughout)\s+the\s+year\b|"
    r"\b(?:past|last)\s+(?:\w+\s+)?decades?\b|\bover\s+the\s+years\b|"
    # "473 strikes between 2009 and 2015", "from 2004 to 2013": a count over years
    r"\b(?:between|from)\s+(?:19|20)\d\d\s+(?:and|to|until|through)\s+(?:19|20)\d\d\b|"
    # "had killed 27 people in northeast Syria in the first half of 2022"
    r"\b(?:first|second|last)\s+half\s+of\s+(?:the\s+|this\s+|last\s+)?(?:year|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# "dozens of strikes", "in the 12 months that ended in September": a tally over many months
_MANY_STRIKES = re.compile(r"\b(?:dozens\s+of|scores\s+of|hundreds\s+of)\s+(?:\w+\s+)?(?:drone\s+)?"
                           r"(?:strikes|attacks|raids)\b|\b(?:\d+|two|three|four|five|six|nine|twelve|eighteen)\s+months\s+"
                           r"(?:that\s+)?(?:ended|ending|to|through|up\s+to)\b",
                           re.IGNORECASE)
# statistics over a year or more: running totals, not reports of strikes
TOTALS = re.compile(
    r"\b(?:in|during|of|for|since|throughout)\s+(?:19|20)\d\d\b|\bper\s*cent\b|\bpercent\b|%|"
    # ("a large number of people had gathered in the house": a crowd, not a count of strikes)
    r"(?<!\ba\s)(?<!large\s)(?<!great\s)(?<!huge\s)(?<!small\s)\bnumber\s+of\b(?!\s+[\"“'‘]?(?:the\s+)?(?:dead|killed|casualties|victims|fatalities|martyrs|deaths|"
    r"people\s+killed)\b)|"

    r"\b\d{2,}\s+(?:\w+\s+)?(?:drone\s+)?(?:strikes|attacks)\b|\bout\s+of\s+\d+|"
    # "caused more civilian deaths in the first half of the year": a period's count
    r"\b(?:first|second|last)\s+half\s+of\s+(?:the\s+|this\s+|last\s+)?(?:year|(?:19|20)\d\d)\b|"
    r"\bin\s+the\s+(?:first|past|last)\s+(?:three|six|nine|\d+)\s+months\b|"
    # "its sectarian violence has claimed hundreds of lives over the past decade"
    r"\b(?:over|in|during)\s+the\s+(?:past|last)\s+(?:(?:two|three|four|five|several|few|\d+)\s+)?(?:decades?|years)\b|"
    # "between June 2004 and mid-September 2012, drone strikes killed between 2,562 and 3,325"
    r"\bbetween\s+(?:\w+\s+)?(?:19|20)\d\d\s+and\b|\bfrom\s+(?:\w+\s+)?(?:19|20)\d\d\s+(?:to|until|through)\b|"
    # "since the campaign began in August 2014": a toll counted from a campaign's start
    r"\bsince\s+(?:the\s+|its\s+|their\s+)?(?:\w+\s+)?(?:campaign|war|operation|intervention|conflict|"
    r"programme|program|start|beginning|launch|inception)\b",
    re.IGNORECASE,
)
_CONCRETE_EVENT = re.compile(
    r"\b(?:killed|killing|died|dead|wounded|injured|fired|hit|struck|targeted|destroyed|"
    r"pounded|bombed|destroying)\b",
    re.IGNORECASE,
)
DISTINCT = re.compile(
    r"\b(?:another|first|second|third|fourth|separate|other|later|earlier|subsequent|fresh|new|"
    r"follow-up)\s+(?:\w+\s+){0,2}(?:strike|attack|raid|drone)\b|"
    r"\bin\s+a\s+separate\b(?!\s+(?:report|statement|interview|letter|briefing|speech|case|hearing|ruling|study))|"
    r"\b(?:hours|minutes|a\s+day|days|(?:half\s+)?an\s+hour)\s+(?:later|earlier)\b|\blater\s+(?:that|the\s+same)\s+"
    r"(?:day|night|morning|evening)\b|"
    # "who had been killed along with five other militants earlier in the day in a drone attack"
    r"\bearlier\s+in\s+the\s+day\b|"
    # "drones targeted another house in Hassu Khel"
    r"\b(?:targeted|struck|hit|attacked|fired\s+at)\s+another\s+(?:house|compound|vehicle|car|hideout)\b|"
    r"\bthe\s+(?:next|following)\s+(?:day|morning|night)\b|"
    # "Later on Tuesday, a drone hit a checkpoint": another strike the same day
    r"\b(?-i:Later)\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|"
    # "As tribesmen rushed to the site ..., drones struck again, killing two more"
    r"\b(?:drones?|aircraft|it|they)\s+(?:struck|hit|attacked|fired)\s+again\b|"
    # "..., a day after a Turkish drone strike killed two people in Sidakan": the strike before
    r"\b(?:a|one|two|three|four|\d)\s+days?\s+after\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?drone\b",
    re.IGNORECASE,
)
_DISTINCT_STRIKE = re.compile(
    r"\b(?:another|second|third|fourth|separate|subsequent|later|first|latest|last|most\s+recent)"
    r"\s+(?:\w+\s+){0,1}(?:strike|attack|raid|drone)\b",
    re.IGNORECASE,
)
# "...; later two missiles hit a vehicle", ", while the third targeted a seminary": the next
# strike of a series, in a clause of its own
_SERIES_PART = re.compile(
    r"(?:;\s*|,\s*(?:and\s+|while\s+)|\swhile\s+)(?P<head>(?:(?:and\s+)?(?:later|then)\s+)?"
    r"(?:the\s+(?:second|third|fourth|fifth|last|other)|later|then|another)\b(?:\s+[\w-]+){0,3}?"
    r"\s+(?:hit|struck|targeted|fired|destroyed|slammed|pounded|attacked))\b",
    re.IGNORECASE,
)
# "The latest, on Friday near Mir Ali, killed three": a sentence that opens on an ordinal
# "The deadliest of the three attacks came in the afternoon in Speen Drang"
_SERIES_HEAD = re.compile(
    r"(?:The|the)\s+(?:latest|last|most\s+recent|first|second|third|fourth|deadliest|biggest|heaviest|largest)"
    r"(?:\s+of\s+(?:them|these|those|the\s+(?:\w+\s+){0,2}?(?:strikes|attacks|raids)|the\s+\w+))?"
    r"(?:\s*,|\s+(?:hit|struck|targeted|killed|came|took\s+place|occurred|was\s+carried\s+out)\b)"
)
# "About two hours later, a compound in the Nakai area ... was hit": the story's next strike,
# told without its weapon
_SERIES_NEXT = re.compile(
    r"(?:(?:About|Some|Roughly|Nearly|Around|Less\s+than|More\s+than)\s+)?(?:an?|one|two|three|four|\d+|"
    r"several|a\s+few)\s+(?:hours?|minutes?)\s+later,?\s+|(?:Hours|Minutes|Moments|Shortly)\s+"
    r"(?:later|afterwards|after\s+that),?\s+"
    r"(?=[^.;]{0,160}?\b(?:(?:was|were)\s+(?:also\s+)?(?:hit|struck|targeted|bombed|attacked)|"
    r"missiles?\s+(?:\w+\s+){0,2}?(?:hit|struck|slammed|destroyed|rained))\b)"
)
_ORDINAL = re.compile(
    r"\b(?P<ord>first|second|third|fourth|fifth|latest|last|most\s+recent)\b(?!\s+(?:such|time|week|month|year|night|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b)"
    r"(?=(?:\s+\w+){0,2}?\s*(?:,|strike|attack|raid|drone|missile))",
    re.IGNORECASE,
)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
# "the fourth such strike since June", "the first strike in the area since 2012": the
# ordinal describes this strike's place in a series, it does not pick one of the story's
_SERIES = re.compile(
    r"\bsuch\b|\bsince\b|\bthis\s+(?:year|month|week)\b|\bin\s+(?:\w+\s+){0,2}(?:years|months|weeks)\b",
    re.IGNORECASE,
)
_SERIES_REMARK = re.compile(
    r"\s*(?:It|This|That|The\s+(?:strike|attack|raid)|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"Yesterday|Today)['’]s\s+(?:drone\s+)?(?:strike|attack|raid))"
    # "The strike near Jilib is the second US drone strike in the southern regions in less than a week"
    r"(?:\s+(?:near|in|on|at)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)?"
    r"\s+(?:was|is|marked|marks|became)\s+(?:the\s+)?"
    r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|latest|"
    r"deadliest|first|a\s+rare|an\s+unusual|one\s+of\s+the)\b",
    re.IGNORECASE,
)
_ANAPHOR = re.compile(
    r"\b(?:the|that|this|Tuesday's|Monday's|Wednesday's|Thursday's|Friday's|Saturday's|"
    r"Sunday's|yesterday's|today's|last\s+night's|such)\s+(?:(?:\w+|\w+-\w+)\s+){0,3}?"
    # ("We have credible information that militants want to strike": a verb, not a strike)
    r"(?<!\bto\s)(?:strike|attack|raid)\b",
    re.IGNORECASE,
)


#: what names an attack as the militants' own, not a strike: "the airport attack"
_DISPUTED_TOLL = re.compile(r"\b(?:accounts?|reports?|estimates?|questions?|confusion|disputes?|conflicting|differ\w*|"
                            r"uncertainty|doubts?)\s+(?:\w+\s+)?(?:of|over|about|on|as\s+to)\s+how\s+many\s+(?:people\s+|civilians\s+|"
                            r"militants\s+)?(?:had\s+)?(?:died|were\s+killed|had\s+been\s+killed)\b", re.IGNORECASE)
_BRINGS_COUNT = re.compile(r"\b(?:bring|brings|brought|bringing|raise|raises|raised|raising|take|takes|took|taking)\s+"
                           r"to\s+[\w,]+\s+the\s+(?:number|toll|total|tally|count)\s+of\b", re.IGNORECASE)
_DRONES_STRIKE_NOW = re.compile(r"\b(?:drones|UAVs)\s+(?:strike|hit|pound|target|kill)\s+(?-i:[A-Z])")
_MISSILES_HIT = re.compile(r"\bmissiles?,?\s+(?:fired|launched)\s+(?:from|by)\s+[^.;]{0,100}?,\s+(?:hit|struck|slammed\s+into|"
                           r"destroyed|landed\s+on|tore\s+through)\s+(?:a|an|the|two|three|four|his|their)\b", re.IGNORECASE)
_PRINT_LINE = re.compile(r"\s*(?:A\s+version\s+of\s+this\s+(?:article|story)\s+appear|This\s+(?:article|story)\s+"
                         r"(?:appeared|was\s+published)\s+in\s+print|Published\s+in\s+(?:the\s+)?[A-Z][\w.&' ]{1,40},)")
_PLATFORM_UNSAID = re.compile(r"\b(?:did\s+not|didn['’]t|would\s+not|declined\s+to)\s+(?:say|specify|disclose|identify|name)\s+"
                              r"(?:what|which)\s+(?:kind\s+of\s+|type\s+of\s+)?(?:aircraft|platform|weapon)", re.IGNORECASE)
#: "It did not identify the two men or say what aircraft had been used": the announcement leaves it open
_PLATFORM_UNSAID_TOO = re.compile(r"\b(?:did\s+not|didn['’]t|would\s+not|declined\s+to)\s+(?:[\w-]+\s+){1,6}?or\s+"
                                  r"(?:say|specify|disclose)\s+(?:what|which)\s+(?:kind\s+of\s+|type\s+of\s+)?"
                                  r"(?:aircraft|platform|weapon)", re.IGNORECASE)
_GENERIC_COUNT = re.compile(r"\b(?:account|number|tally|count|figures?)\s+of\s+(?:the\s+)?(?:people|civilians|those|persons)\s+"
                            r"killed\s+(?:by|in)\s+(?:[\w-]+\s+){0,2}?(?:drones|drone\s+strikes|strikes)\b", re.IGNORECASE)
#: "who helped plan the attacks of Sept. 11", "masterminded the attack on Westgate": a man's past attacks
_PLOTTED = r"plan|planned|planning|plotted|plotting|masterminded|orchestrated|organi[sz]ed|behind"
_NTH_MISSILE = re.compile(r"(?i:\b(?:second|third|fourth)\s+missile\b)")
_NEXT_IN_CLAUSE = re.compile(r"(?i:,\s+and\s+(?:a|the)\s+(?:second|third)\s+(?:drone\s+|air\s*-?\s*)?(?:strike|airstrike|attack|raid)\b)")
_AND_ANOTHER_TARGET = re.compile(
    r",\s+killing\s+[^.;]{1,60}?,\s+and\s+(?P<obj>(?:a|an|another|two|three)\s+(?:[\w-]+\s+){0,2}?(?:vehicle|car|house|"
    r"compound|truck|pick-?up|motorcycle|hideout|camp|building|madrassa|seminary)s?)\s+(?:in|near|at|on)\b[^.;]{0,80}?,\s+"
    r"killing\b", re.IGNORECASE)
_AND_ON_OTHER_DAY = re.compile(r",\s+and\s+(?P<day>on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                               r"(?!\s+(?:night|morning|evening|afternoon)\b)"
                               # ("... killing seven militants, and a day later a strike on a house near Mir Ali")
                               r"|(?:a|one|two|three)\s+days?\s+later(?=,?\s+(?:a|an|another)\s)"
                               # ("..., killing seven people, and the following day four people died when a house
                               # was targeted near Mir Ali")
                               r"|the\s+(?:following|next)\s+day(?=,?\s+(?:\w+\s+){0,3}?(?:people|men|militants|"
                               r"persons|civilians|fighters)\s+(?:died|were\s+killed)\b))\b")
_AND_ON_DAY = re.compile(
    r"(?:,|;)\s+(?:and\s+|while\s+)?(?:on|in)\s+(?:(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+\d{1,2}(?:,\s+(?:19|20)\d\d)?|"
    r"\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+(?:19|20)\d\d)?|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
    r",?\s+(?:a|an|another|the)\s+(?:[\w.-]+\s+){0,2}?$")
_SUPERLATIVE_PART = re.compile(r"(?i:the\s+(?:deadliest|bloodiest|heaviest|biggest|largest|last|final|deadlier|bloodier|heavier|bigger|larger)\s+"
                               r"(?:(?:drone\s+)?(?:strike|attack|raid)|of\s+the\s+(?:\w+\s+)?(?:strikes|attacks|raids)))")
_OTHER_KIND_OF_ATTACK = re.compile(
    r"\b(?:suicide|bomb|bombing|car-bomb|gun|terror|terrorist|militant|insurgent|Taliban|rocket|mortar|"
    r"grenade|IED|airport|school|mall|market|mosque|church|hotel|parade|embassy|prison|jail|checkpoint|"
    r"bus|shrine|cafe|restaurant|stadium)\s+(?:strike|attack|raid)\b",
    re.IGNORECASE,
)


def _headline_weapon(state: DocState) -> str | None:
    """ "Death of a 'good' Taliban. Maulvi Nazir kept the peace with the army for six years ...
    The drones finally caught up with him." A headline and standfirst about drones make the
    missiles the story tells before naming the weapon again ("Two missiles hit the pickup")
    the drones'."""
    for sent in state.sentences[:8]:
        if len(sent.text.split()) >= 25:
            break  # the body has begun
        if DRONE.search(sent.text) and not AIR.search(sent.text) and not re.search(
                r"(?i:\b(?:shot\s+down|downed|down|crash\w*|collid\w*|surveillance|spy|delivery|civilian|intercept\w*|launched|harass\w*)\b)",
                sent.text):
            return "drone_strike"
    return None


def _window_has(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    return pattern.search(text, max(0, start), min(len(text), end))


def detect(state: DocState) -> None:
    """Find attack triggers sentence by sentence and type them."""
    text = state.text
    story = _headline_weapon(state)
    for sent in state.sentences:
        listing = state.document.listing
        frames = _frames_in(text, sent, state.frames, listing.event_type if listing else None, story)
        _instrument_revealed(state, sent, frames)
        _definite_drone(state, sent, frames)
        for frame in frames:
            _mark_status(state, frame)
        reported = [f for f in frames if f.status == "reported"]
        if len(reported) == 1 and len(frames) > 1:
            # the other trigger is talk ("emplacing an IED"): the whole sentence is this event's,
            # up to where the paragraph turns to something else
            reported[0].scope = (sent.start, sent.end)
            _cut_new_topics(text, reported[0])
        for frame in frames:
            state.frames.append(frame)
            state.note(
                "events.v1",
                f"{frame.type} {frame.status}{' aggregate' if frame.aggregate else ''}"
                f"{' anaphoric' if frame.anaphoric else ''}: {'; '.join(frame.reasons)}",
                frame.trigger,
            )
    _weapon_named_later(state)
    _denied_reports(state)
    _downed_after_launch(state)


_OTHER_MONTH = re.compile(r"\b(?:[Ll]ast|[Ee]arlier\s+in|[Ii]n|[Ss]ince)\s+(?:January|February|March|April|May|June|July|"
                          r"August|September|October|November|December)\b(?!\s+\d{1,2}\b)"
                          # "the November 2011 Salala incident, in which 24 soldiers were killed in a NATO air attack"
                          r"|\b[Tt]he\s+(?:January|February|March|April|May|June|July|August|September|October|"
                          r"November|December)\s+(?:19|20)\d\d\b")


_COUNTED_STRIKES = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several)\s+"
                              r"(?:\w+\s+)?(?:strikes|attacks|raids)\b", re.IGNORECASE)


def _first_of_a_period(text: str, t: Span, s: int, e: int) -> bool:
    """The trigger is "the first ... attack since ...", said of the strike just told."""
    first = re.match(r"(?i:(?:the\s+)?first\s+(?:[\w-]+\s+){0,2}?(?:drone\s+)?(?:strike|attack|raid))\b", t.text)
    return bool(first and re.search(r"(?i:\b(?:what\s+(?:appeared|seemed|appears|seems)\s+to\s+be|(?:was|is|be|marks?|"
                                    r"marked)(?:\s+believed\s+to\s+be)?)\s+the\s+$)", text[max(s, t.start - 40) : t.start])
                and re.match(r"[^.;]{0,60}?\b(?:since|under|in\s+(?:more\s+than|over|nearly|almost)|of\s+the\s+year)\b",
                             text[t.end : e]))


def _downed_after_launch(state: DocState) -> None:
    """ "... when two drones were launched at Ain al-Asad. US officials said one drone was destroyed
    and the second was shot down before reaching the base": launched, never landed."""
    text = state.text
    for f in state.frames:
        if f.type != "drone_strike" or f.status != "reported" or f.sentence.index + 1 >= len(state.sentences):
            continue
        s, e = f.scope
        if not re.search(r"\b(?:launched|sent|flew|fired|claimed)\b", text[s:e], re.IGNORECASE) or re.search(
                r"\b(?:killed|killing|died|dead|wounded|injured|destroyed|damaged|hit)\b", text[s:e], re.IGNORECASE):
            continue
        nxt = state.sentences[f.sentence.index + 1]
        failed = _FAILED.search(text, nxt.start, nxt.end)
        if failed is None:
            continue
        f.status = "negated"
        f.reasons.append(f"the drones launched never struck ('{failed.group()}')")
        state.note("events.v1", f"drone_strike negated: {f.reasons[-1]}", f.trigger)


# "the drone fired two missiles at a compound": the drone of the strike just told
_DEFINITE = re.compile(r"\b[Tt]he\s+(?:(?:US|U\.S\.|American|armed|same|unmanned|Predator|Reaper|home-made|"
                       r"homemade|explosive-laden|small|suicide)\s+){0,2}$")


def _definite_drone(state: DocState, sent: Sentence, frames: list[Frame]) -> None:
    """ "According to sources, the drone fired two missiles at a compound in Spalga": after a
    strike is told, "the drone" tells the same strike in more detail, not a new one."""
    if len(frames) != 1 or frames[0].type != "drone_strike" or frames[0].anaphoric:
        return
    f = frames[0]
    if not _DEFINITE.search(state.text, max(sent.start, f.trigger.start - 40), f.trigger.start):
        return
    told = [g for g in state.frames if g.type == "drone_strike" and not g.anaphoric
            and g.sentence.index < sent.index and sent.index - g.sentence.index <= 3]
    # (the last of them that said what became of the drones: "repelled a drone attack ... an
    # attack by 13 armed drones ... the drones had been launched from Idlib")
    fate = next((g for g in reversed(told) if g.status != "background"), None)
    if (fate is not None and fate.status in ("negated", "hypothetical")
            and re.fullmatch(r"(?i:drones?|unmanned\s+aircraft|aircraft)", f.trigger.text)):
        # "shot down five drones ... the drones had been launched from Idlib": the drones
        # that never struck, told again
        f.anaphoric = True
        f.status = fate.status
        f.reasons.append(f"the drones told before, which {fate.status.replace('negated', 'never struck')}")
        return
    before = [g for g in state.frames if g.type == "drone_strike" and g.status == "reported"
              and not g.aggregate and g.sentence.index < sent.index]
    if (not before or sent.index - before[-1].sentence.index > 3
            or not re.fullmatch(r"(?i:drones?|drone\s+strike|drone\s+attack|unmanned\s+[\w-]+|aircraft|"
                                r"(?:unmanned\s+)?(?:Predators?|Reapers?)(?:\s+or\s+(?:the\s+)?(?:more\s+\w+\s+)?Reapers?)?)",
                                f.trigger.text)
            or DISTINCT.search(state.text, sent.start, sent.end)
            or re.search(r"(?i:\bagain\b|\bmore\b|\blater\b)", state.text[sent.start : sent.end])):
        return
    f.anaphoric = True


# "officials denied reports that a US drone had struck ..., saying the explosion was caused by
# a fuel tanker": a denial that gives another cause
_DENIAL = re.compile(r"\b(?:den(?:y|ies|ied|ying)|no\s+drone\s+(?:strike|attack)|was\s+not\s+a\s+drone)\b",
                     re.IGNORECASE)
_OTHER_CAUSE = re.compile(
    r"\b(?:caused\s+by|(?:traffic|road)\s+accident|accident|tanker|gas\s+cylinder|explosives?\s+(?:went\s+off|"
    r"exploded|detonated)|(?:own|their)\s+(?:bomb|explosives)|mishandl\w+|short\s+circuit|landmine|mine)\b",
    re.IGNORECASE,
)
_HEARSAY = re.compile(r"\b(?:had\s+)?reported|reports?\s+(?:of|that)|claims?\s+(?:of|that)|rumou?rs?|"
                      r"websites|social\s+media|alleged(?:ly)?\b", re.IGNORECASE)


def _denied_reports(state: DocState) -> None:
    """A strike that officials deny in favour of another cause, and the reports of it."""
    text = state.text
    for n in state.frames:
        if n.type != "drone_strike" or n.status != "negated":
            continue
        s = n.sentence
        if not _DENIAL.search(text, s.start, s.end):
            continue
        after = state.sentences[s.index : s.index + 3]
        if not any(_OTHER_CAUSE.search(text, x.start, x.end) for x in after):
            continue
        for f in state.frames:
            if (f.type == "drone_strike" and f.status == "reported" and not f.distinct
                    and 0 < f.sentence.index - s.index <= 6
                    and _HEARSAY.search(text, f.sentence.start, f.sentence.end)):
                f.status = "negated"
                f.reasons.append(f"the reports that sentence {s.index} denies")
                state.note("events.v1", f"{f.type} negated: the reports that sentence {s.index} denies",
                           f.trigger)


# "... later confirmed that the missiles had been fired from an American drone", "it had been
# carried out by an MQ-9 Reaper": the weapon of a strike told before, named afterwards
_REVEAL = re.compile(
    # ("the Sept. 18 strike had been carried out by a Turkish drone")
    r"\b(?:the\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s+\d{1,2}\s+)?(?:missiles?|strikes?|attacks?|air\s*-?strikes?|airstrikes?|raids?)|it)"
    r"(?:\s+(?:had\s+been|was|were|"
    r"has\s+been|have\s+been)|,?\s*(?:believed|thought|suspected|said)\s+to\s+have\s+been)\s+(?:\w+\s+)?"
    # "The strikes, believed to have been carried out by unmanned US drones, hit targets near Wana"
    r"(?:fired|carried\s+out|launched|conducted|flown|delivered)\s+"
    r"(?:from|by|using)\s+[\"“]?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:drones?|UAVs?|unmanned\s+\w+|"
    r"Reapers?|Predators?|remotely[- ]piloted\s+\w+|pilotless\s+\w+)\b",
    re.IGNORECASE,
)
# "A Somali official said the vehicle was hit by a drone": the air strike told before was a drone's
_REVEAL_TARGET = re.compile(
    r"\b(?:the|their)\s+(?:vehicle|car|house|compound|truck|pick-?up|motorcycle|hideout)\s+(?:was|had\s+been)\s+"
    r"(?:hit|struck|targeted|destroyed)\s+by\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:drones?|UAVs?|unmanned\s+\w+)\b",
    re.IGNORECASE,
)
_REVEAL_DEFINITE = re.compile(
    r"\b(?:drones?|UAVs?|aircraft|pilotless\s+\w+|spy\s+planes?|Predators?|Reapers?)\b[^.;]{0,120}?\bfired\s+(?:\w+\s+)?"
    r"missiles?\s+(?:at|into|on)\s+the\s+(?:[\w-]+\s+){0,2}?(?:compound|house|vehicle|car|truck|building|hideout|"
    r"pick-?up|motorcycle|seminary|madrassa)\b", re.IGNORECASE)
# "A local official in Ghat said a drone had struck two vehicles": the air strike told before, by its weapon
_REVEAL_SAID = re.compile(r"\bsaid\s+(?:that\s+)?(?:an?|the)\s+(?:[\w-]+\s+)?drone\s+(?:had\s+)?(?:struck|hit|fired|targeted)\b",
                          re.IGNORECASE)
_ATTRIBUTED = re.compile(
    r"\b(?:drones?|UAVs?|Predators?|Reapers?|unmanned\s+\w+)\b[^.;]{0,100}?\b(?:believed|thought|suspected|"
    r"said|widely\s+held)\s+(?:to\s+(?:be|have\s+been)\s+)?(?:behind|responsible\s+for)\s+(?:the|such|these|most|"
    r"all)\s+(?:\w+\s+)?(?:strikes|attacks)\b"
    r"|\b(?:the|such|these)\s+(?:missile\s+)?(?:strikes|attacks)\s+(?:are|were)\s+(?:\w+\s+)?(?:carried\s+out|"
    r"launched|conducted|fired)\s+(?:by|from)\s+(?:\w+\s+){0,3}?(?:drones?|UAVs?|Predators?|Reapers?|"
    r"unmanned\s+\w+)\b",
    re.IGNORECASE,
)
# "A US missile strike killed four", "a precision air strike": a strike told without a drone
_UNTYPED_STRIKE = re.compile(
    r"\b(?:missile|air|precision|US|U\.S\.|American)\s*-?\s*(?:air\s*)?strikes?\b|\bairstrikes?\b"
    # "A U.S. military strike in southern Somalia last week killed a senior al Shabaab commander"
    r"|\b(?:US|U\.S\.|American)\s+military\s+strikes?\b"
    # "killed in a missile attack on a compound near Mir Ali", "when missiles struck a house"
    r"|\bmissile\s+attacks?\b|\bmissiles?\s+(?:\w+\s+){0,2}?(?:struck|hit|slammed|landed|rained)\b",
    re.IGNORECASE,
)


def _weapon_named_later(state: DocState) -> None:
    """Retype the strike an article tells first and names the drone of only later."""
    text = state.text
    _lead_told_again(state)
    for sent in state.sentences:
        reveal = (_REVEAL.search(text, sent.start, sent.end) or _REVEAL_TARGET.search(text, sent.start, sent.end)
                  or _REVEAL_SAID.search(text, sent.start, sent.end))
        reach = 4
        if reveal is None:
            # "a pilotless aircraft had been circling ... before it fired two missiles at the
            # mud-walled compound": the compound the lead told hit, and its weapon
            reveal = _REVEAL_DEFINITE.search(text, sent.start, sent.end)
            reach = 6
        if reveal is None:
            # "its military and the CIA operate unmanned Predator drones ... believed to be
            # behind the strikes": the story's strikes are the drones', said further down
            reveal = _ATTRIBUTED.search(text, sent.start, sent.end)
            reach = 6
        if reveal is None and sent.index and DRONE.search(text, sent.start, sent.end) and any(
                f.sentence.index == sent.index and f.type == "drone_strike" and f.status == "reported" and not f.distinct
                for f in state.frames):
            # "AFRICOM did not say what aircraft had been used. However, local sources said a drone
            # had been heard over the area ... and that a missile hit a car": the strike told, by
            # the weapon its announcement left unsaid
            # (the announcement may end with a quote of it: "... or say what aircraft had been
            # used. 'We assess no civilians were killed,' it said. Residents ... a drone")
            prev = state.sentences[max(0, sent.index - 2)]
            reveal = _PLATFORM_UNSAID.search(text, prev.start, sent.end) or _PLATFORM_UNSAID_TOO.search(
                text, prev.start, sent.end)
            reach = 6
        if reveal is None:
            continue
        earlier = [f for f in state.frames if f.sentence.index < sent.index
                   and sent.index - f.sentence.index <= reach and f.status == "reported"
                   and not f.anaphoric and f.type in ("air_strike", "drone_strike")]
        if earlier and earlier[-1].type == "drone_strike":
            if reveal.re is _REVEAL and re.match(r"(?i:the\s+(?:[\w.]+\s+){0,2}?(?:strike|attack|raid))", reveal.group()):
                # "According to the statement, the strike was carried out by MQ-9 Reaper drones, the
                # same aircraft that had been harassed by Russian jets": the drone strike told
                # before, told again
                for f in state.frames:
                    if f.sentence.index == sent.index and f.type == "drone_strike" and not f.distinct:
                        f.anaphoric = True
                        f.status = "reported"
            continue
        if MANNED.search(text, sent.start, sent.end):
            continue
        if earlier:
            target = earlier[-1]
            if MANNED.search(text, target.scope[0], target.scope[1]):
                continue
            target.type = "drone_strike"
            state.note("events.v1", f"the strike told in sentence {target.sentence.index} was a "
                       "drone's, as this sentence says", Span(reveal.start(), reveal.end(), reveal.group()))
        else:
            made = _untyped_before(state, sent, reach)
            if made is None:
                continue
            if _is_plural(text, made):
                # "Two suspected US missile strikes killed eight": the strikes told together
                made.aggregate = True
            state.frames.append(made)
            state.frames.sort(key=lambda f: f.trigger.start)
            state.note("events.v1", f"drone_strike reported: its drone is named in sentence {sent.index}",
                       made.trigger)
        for f in state.frames:
            if f.sentence.index == sent.index and f.type == "drone_strike":
                f.anaphoric = True  # the revelation tells the same strike again
                f.status = "reported"


def _lead_told_again(state: DocState) -> None:
    """ "A suspected U.S. missile strike killed at least six people ... on Monday. Two officials
    said a drone fired two missiles at the house in Karikot": the next sentence tells the lead's
    strike again and names its drone, so the lead is that drone strike."""
    for f in list(state.frames):
        if (f.type == "drone_strike" and f.status == "reported" and f.ordinal == 1 and f.sentence.index
                and not any(g.type == "drone_strike" and g.sentence.index < f.sentence.index and not g.anaphoric
                            for g in state.frames)):
            # "Suspected U.S. missile strikes hit North Waziristan three times on Wednesday, killing
            # 20 ... The first strike came shortly after dawn, when a drone fired": the lead sums
            # up the day's drone strikes told after it
            lead = _untyped_before(state, f.sentence, reach=1)
            if lead is not None and _SEVERAL.search(state.text, lead.sentence.start, lead.sentence.end):
                lead.aggregate = True
                lead.reasons[-1] = "sums up the drone strikes told one by one after it"
                state.frames.append(lead)
                state.frames.sort(key=lambda x: x.trigger.start)
                state.note("events.v1", "drone_strike reported aggregate: " + lead.reasons[-1], lead.trigger)
                return
        if (f.type != "drone_strike" or f.status != "reported" or f.anaphoric or f.distinct
                or f.aggregate or f.sentence.index == 0
                or DISTINCT.search(state.text, f.sentence.start, f.sentence.end)):
            continue
        if any(g.type == "drone_strike" and g.sentence.index < f.sentence.index - 1 and not g.anaphoric
               for g in state.frames):
            continue  # only the story's first strike: later ones may be other strikes
        lead = _untyped_before(state, f.sentence, reach=1)
        if lead is None:
            continue
        f.anaphoric = True
        state.frames.append(lead)
        state.frames.sort(key=lambda x: x.trigger.start)
        state.note("events.v1", f"drone_strike reported: sentence {f.sentence.index} names its drone",
                   lead.trigger)
        return


_SEVERAL = re.compile(r"\b(?:strikes|attacks|raids|twice|thrice|(?:two|three|four|five|six|\d)\s+times)\b",
                      re.IGNORECASE)


def _untyped_before(state: DocState, sent: Sentence, reach: int = 4) -> Frame | None:
    """The first sentence before ``sent`` (up to ``reach`` back) that tells a strike with its toll
    (or, failing that, with its toll in the sentence after it)."""
    text = state.text
    # (the nearest: a headline's "missile strikes kill eight" sums up the lead's "on Monday")
    for toll_after in (False, True):
        for prev in reversed(state.sentences[max(0, sent.index - reach) : sent.index]):
            if any(f.sentence.index == prev.index and not f.anaphoric for f in state.frames):
                continue
            m = _UNTYPED_STRIKE.search(text, prev.start, prev.end)
            other = OTHER.search(text, prev.start, prev.end)
            if (other is not None and m is not None and other.start() > m.end()
                    and re.search(rf"(?i:\b(?:{_PLOTTED}|responsible\s+for)\s+(?:\w+\s+){{0,3}}$)",
                                  text[max(prev.start, other.start() - 40) : other.start()])):
                other = None  # "killed a commander who helped plan the 2013 attack on Westgate": who he was
            if m is None or MANNED.search(text, prev.start, prev.end) or other is not None:
                continue
            if not toll_after and not find_figures(text, prev.start, prev.end):
                continue
            # ("The missiles struck three houses in Damadola before dawn Friday. Local officials
            # said 18 people ... were killed.": the toll in the sentence after)
            after = state.sentences[prev.index + 1] if prev.index + 1 < sent.index else None
            if toll_after and not (
                    after is not None and not any(f.sentence.index == after.index and not f.anaphoric
                                                  for f in state.frames)
                    and any(x.category == "killed" for x in find_figures(text, after.start, after.end))):
                continue
            frame = Frame(prev, "drone_strike", Span(m.start(), m.end(), m.group()), scope=(prev.start, prev.end))
            frame.reasons.append("reports a strike whose drone is named later")
            return frame
    return None


_INSTRUMENT = re.compile(
    r"\b(?:[Tt]he|[Aa]n?)\s+(?:air\s*-?strike|airstrike|strike|attack|raid|bombing|operation)\b"
    # ("the operation was launched after images captured by a UAV": the drone only watched)
    r"(?:(?!\b(?:images?|footage|videos?|photos?|pictures?|captured|recorded|filmed|spotted|tracked|"
    r"surveillance|monitored)\b)[^.;]){0,120}?"
    # "the strike had been carried out by a US drone"
    r"\b(?:using|by|from|with|involving)\s+(?:an?\s+|the\s+)?(?:(?:US|U\.S\.|American|CIA|suspected|"
    r"Turkish|Israeli|Pakistani|Emirati|Iranian|Russian|Ukrainian|foreign)\s+){0,2}(?:armed\s+)?(?:drones?|unmanned|UAVs?|"
    r"Unmanned)",
)


def _instrument_revealed(state: DocState, sent: Sentence, frames: list[Frame]) -> None:
    """ "The airstrike was carried out ... using Unmanned Aerial Vehicle": the air
    strike told before was a drone strike, and this sentence tells it again."""
    if not frames or frames[0].type != "drone_strike":
        return
    if not _INSTRUMENT.search(state.text, sent.start, sent.end):
        return
    earlier = [f for f in state.frames if f.type == "air_strike" and f.status == "reported"
               and sent.index - f.sentence.index <= 3]
    if not earlier:
        return
    earlier[-1].type = "drone_strike"
    frames[0].anaphoric = True
    state.note("events.v1", "the air strike told before was flown by a drone", frames[0].trigger)


_ORDINAL_PART = re.compile(r"\b(?:[Ii]n|[Tt]he)\s+(?:first|second|third|fourth|fifth)\s+(?:attack|strike|raid)\b")


def _frames_in(text: str, sent: Sentence, before: list[Frame], declared: str | None = None,
               story: str | None = None) -> list[Frame]:
    s, e = sent.start, sent.end
    out: list[Frame] = []
    if _PRINT_LINE.match(text, s, e):
        return out  # "A version of this article appears in print on Aug. 29, 2021 ... with the headline: ..."
    # an entry of a drone-strike list is about a drone strike from its first word
    # the story's weapon: the last strike it reported ("by the blast" after a drone strike
    # mentions no attack of its own, so it does not change the story)
    last_type = next((f.type for f in reversed(before) if not f.anaphoric and f.status == "reported"),
                     None) or next((f.type for f in reversed(before) if not f.anaphoric), declared)
    if (last_type is None and story == "drone_strike"
            and re.search(r"(?i:\bmissiles?\s+(?:\w+\s+){0,2}?(?:slammed|hit|struck|landed|smashed|ripped)\b)", text[s:e])):
        # "The drones finally caught up with him" in the standfirst, then "Two missiles hit the
        # pickup on a dirt track": the missiles of the drones the headline named
        last_type = story
    if (last_type is None and re.search(r"(?i:\bmissile\s+(?:strike|attack)s?\b)", text[s:e])
            and re.match(r"\s*(?:The|Those|These)\s+missiles?\s+(?:were|was)\s+(?:\w+\s+){0,5}?(?:fired|launched)\s+"
                         r"(?:by|from)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:drones?|Predators?|Reapers?|UAVs?|unmanned)\b",
                         text[e : e + 250])):
        # "Abu Laith al-Libi was among 13 persons killed in a missile strike on a house ... The
        # missiles were believed to have been fired by a US Predator drone": the drone's strike
        last_type = story = "drone_strike"
    if last_type != "drone_strike" and _ORDINAL_PART.search(text, s, e) and any(
            f.type == "drone_strike" and f.status == "reported" and sent.index - f.sentence.index <= 4
            for f in before):
        # "drones fired missiles three times on Friday ... [a paragraph on politics] ... In the
        # first attack, two missiles struck a vehicle": the parts of the series told before
        last_type = "drone_strike"
    drone_hits = [m for m in DRONE.finditer(text, s, e)]
    drone_hits = [
        m
        for m in drone_hits
        if not _DRONE_NOT_STRIKE.search(text[max(s, m.start() - 55) : min(e, m.end() + 45)])
        # ("an Unmanned Aerial Vehicle (UAV)": the name's short form, no drone of its own)
        and not (text[m.start() - 1 : m.start()] == "(" and text[m.end() : m.end() + 1] == ")")
    ]
    if drone_hits and STRIKE_WORD.search(text, s, e):
        # the drone that does something ("a drone ... fired a missile"), else the first named
        m = next((h for h in drone_hits
                  if _DRONES_ACT.match(text, h.start(), e)
                  or re.match(r"[- ](?:missile\s+)?(?:strikes?|attacks?|raids?)\b", text[h.end() : e])),
                 drone_hits[0])
        # the trigger span is the drone phrase plus an adjacent strike noun
        t_end = m.end()
        follow = re.match(r"[- ](?:missile\s+)?(?:strikes?|attacks?|raids?)\b", text[m.end() : e])
        if follow:
            t_end = m.end() + follow.end()
        # "The Foreign Office condemned Monday's drone strike in a statement": the strike told
        # before, named by its day or article, in a sentence that tells no act of its own
        told_again = bool(follow and not follow.group().endswith("s") and re.search(
            r"(?:\b(?:the|that|this|[Tt]hese|[Tt]hose)|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
            r"[Yy]esterday|[Tt]oday|[Ll]ast\s+night|[Ll]ast\s+week)['’]s)\s+"
            # (not "the second drone strike in that area", "the first U.S. drone strikes this year")
            r"(?:(?:U\.S\.|US|American|CIA|suspected|alleged|reported|deadly|latest)\s+){0,2}$",
            text[max(s, m.start() - 40) : m.start()])
            and not _CONCRETE_EVENT.search(text, s, e)
            # (but "condemned the drone strike carried out this morning in Datta Khel", "the drone
            # attack took place at around 9.30pm in Inzarkas" tell when and where)
            and not re.search(r"(?i:\b(?:took\s+place|happened|occurred|carried\s+out|conducted|launched|came)\b)",
                              text[s:e])
            and not re.match(r"\s+(?:(?:in|near|at|on)\s+(?-i:[A-Z])|(?:late|early|last|this|on)\b)", text[t_end:e])
            and not any(d.start >= t_end and not is_reporting_date(text, d)
                        for d in find_dates(text, None, s, e))
            and any(f.type == "drone_strike" and f.status == "reported" and not f.anaphoric for f in before))
        # (its sentence's places and days are the speaker's, so it takes none: "The Foreign Office
        # in Islamabad condemned ...")
        out.append(Frame(sent, "drone_strike", Span(m.start(), t_end, text[m.start() : t_end]),
                         anaphoric=told_again, scope=(m.start(), t_end) if told_again else (s, e)))
        for h in drone_hits:
            if h.start() <= out[-1].trigger.end:
                continue
            # "In November 2019, a drone strike on a biscuit factory ... killed 10 workers, and on
            # Jan. 4, 2020, a drone struck the parade ground ...": a second strike of its own day
            if _AND_ON_DAY.search(text, out[-1].trigger.end, h.start()):
                out.append(Frame(sent, "drone_strike", Span(h.start(), h.end(), h.group()), distinct=True,
                                 scope=(s, e)))
        obj2 = _AND_ANOTHER_TARGET.search(text, out[-1].trigger.end, e)
        if obj2 is not None and not any(f.trigger.start > obj2.start() for f in out):
            # "On Thursday, drones hit a house in Shawal, killing seven, and a vehicle in Ladha
            # tehsil of South Waziristan, killing five": two targets, two tolls, two strikes
            head = Span(obj2.start("obj"), obj2.end("obj"), obj2.group("obj"))
            out.append(Frame(sent, "drone_strike", head, distinct=True, scope=(s, e)))
        day2 = _AND_ON_OTHER_DAY.search(text, out[-1].trigger.end, e)
        if (day2 is not None and not any(f.trigger.start > day2.start() for f in out)
                and re.search(r"(?i:\b(?:killed|killing|died|hit|struck)\b)", text[day2.end() : e])
                and not OTHER.search(text, day2.end(), e)):
            # "On Tuesday a drone killed four suspected militants in Marib, and on Wednesday six
            # people died when missiles hit two vehicles in Shabwa": the next day's strike
            head = Span(day2.start("day"), day2.end("day"), day2.group("day"))
            out.append(Frame(sent, "drone_strike", head, distinct=True, scope=(s, e)))
        sup = _SUPERLATIVE_PART.search(text, s, m.start())
        if sup and re.match(r"\s*(?:[\w'’-]+\s+){0,3}?(?:came|began|took\s+place|happened|occurred|was)\b", text[sup.end() : e]):
            # "The largest attack came before dawn on Sunday, when drones fired repeatedly at a
            # camp": one strike of those the lead told together
            out[0].distinct = True
    if out:
        # "Eight were killed in the first strike ..., while six died when a second drone
        # targeted ...": the series' earlier strike, told in a clause before the drone's
        for d in _DISTINCT_STRIKE.finditer(text, s, out[0].trigger.start):
            if (re.match(r"(?i:first|second|third|fourth)\b", d.group())
                    and re.search(r",\s+(?:and|while|whereas|but)\s|;\s|\s(?:while|whereas)\s",
                                  text[d.end() : out[0].trigger.start])
                    and not any(h.start() < d.end() and d.start() < h.end() for h in drone_hits)
                    and not _SERIES.search(text, d.end(), min(e, d.end() + 45))):
                out.insert(0, Frame(sent, "drone_strike", Span(d.start(), d.end(), d.group()),
                                    distinct=True, scope=(s, e)))
                break
        # "..., and a second attack hours later killed three more": two strikes, one sentence
        for d in DISTINCT.finditer(text, out[0].trigger.end, e):
            # "In a separate incident ... an IED": another event, but not another strike
            if not re.search(r"(?i:strike|attack|raid|drone)", d.group()):
                continue
            if re.search(r"(?i:\b(?:site|scene|spot|place|location|vicinity)\s+of\s+(?:the\s+)?$)", text[max(s, d.start() - 25) : d.start()]):
                continue  # "not far from the site of the first attack, killing all three": a place, not a strike
            if re.search(r"(?i:,\s+(?:in|marking|making\s+it|as)\s+(?:what\s+(?:was|is)\s+)?the\s+$)",
                         text[max(s, d.start() - 30) : d.start()]) and re.match(
                    r"(?i:[^.;,]{0,60}?\b(?:(?:in|within|over)\s+(?:the\s+(?:past|last)\s+)?(?:two|three|four|five|six|"
                    r"seven|\d+|a)\s+(?:days|weeks|months|hours|day|week|month)|this\s+(?:week|month|year)|since)\b)",
                    text[d.end() : e]):
                continue  # "..., in the second deadly Turkish drone attack in the area in three days": this one, counted
            # run-on digests tell "the first drone ... The second drone ... The third strike"
            out.append(Frame(sent, "drone_strike", Span(d.start(), d.end(), d.group()),
                             distinct=True, scope=(s, e)))
        if re.search(r"\b(?:first|1st)\b", text[max(s, out[0].trigger.start - 25) : out[0].trigger.end + 5],
                     re.IGNORECASE):
            # "The first drone struck a house ...; later two missiles hit a vehicle ..., while
            # the third targeted a seminary": the series told clause by clause
            for p in _SERIES_PART.finditer(text, out[0].trigger.end, e):
                if any(f.trigger.start <= p.start("head") < f.trigger.end + 2 for f in out):
                    continue
                head = Span(p.start("head"), p.end("head"), p.group("head"))
                out.append(Frame(sent, "drone_strike", head, distinct=True, scope=(s, e)))
    elif last_type == "drone_strike" and (
        d2 := (_DISTINCT_STRIKE.search(text, s, e) or _SERIES_HEAD.match(text, s) or _SERIES_NEXT.match(text, s))
    ):
        d = d2
        nth = _NTH_MISSILE.search(text, s, d.start())
        if nth is not None and re.search(r",\s+and\s", text[nth.end() : d.start()]):
            # "Minutes later, a second missile hit two vehicles ..., killing five people, and a
            # third strike in the evening hit a group of fighters": the second, then the third
            d = nth
        # "A second strike, on Sunday near Bu'aale, killed four more": the story's weapon
        out.append(Frame(sent, "drone_strike", Span(d.start(), d.end(), d.group()),
                         distinct=True, scope=(s, e)))
    air = AIR.search(text, s, e)
    if air and out and ((not _GENERIC_AIR.fullmatch(air.group()) and _far_clause(text, out[0].trigger, air)) or (
            # "Air strikes by the Saudi-led military coalition on a house in Saada killed seven ...,
            # as the rebels again targeted a Saudi airport with drones": the coalition's strikes,
            # then the rebels' drones in a clause of their own
            air.end() < out[0].trigger.start
            and re.match(r"\s+(?:by|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:coalition|air\s+force|military)\b",
                         text[air.end() : air.end() + 50], re.IGNORECASE)
            and re.search(r",\s+(?:as|while)\s+[^,;]*$", text[air.end() : out[0].trigger.start]))):
        # "..., while regime warplanes kill five civilians in Idlib": a second, manned strike
        out.append(Frame(sent, "air_strike", Span(air.start(), air.end(), air.group()), scope=(s, e)))
        air = None
    new_topic = bool(re.match(r"\s*(?:Separately|Meanwhile|Elsewhere|Earlier|Previously|In\s+(?:a\s+)?"
                              r"(?:separate|another|different|unrelated)|(?:The|A)\s+(?:day|night)\s+"
                              r"(?:before|earlier|later)|The\s+(?:previous|next|following)\s+(?:day|night)|"
                              r"(?:Hours|Days|A\s+day|Two\s+days)\s+(?:earlier|later|before))\b", text[s:e]))
    if (air and last_type == "drone_strike" and not out and not new_topic
            and _GENERIC_AIR.fullmatch(air.group()) and not MANNED.search(text, s, e)
            # ("stormed the base before dawn, damaging an aircraft": the aircraft was what they hit)
            and not re.search(r"(?i:\b(?:damag|destroy|hit|struck|torch|burn|seiz|captur)\w*\s+(?:an?|the|two|three|"
                              r"several|one)\s+(?:[\w-]+\s+)?$)", text[max(s, air.start() - 40) : air.start()])
            # ("AFRICOM said it had carried out an airstrike ... It did not say what kind of
            # aircraft was used": an air strike whose weapon the story leaves open)
            and not ((unsaid := _PLATFORM_UNSAID.search(text, s, min(len(text), e + 200)))
                     # (but "... did not say what aircraft were involved. But the deputy governor said
                     # both attacks were carried out by drones")
                     and not DRONE.search(text, unsaid.end(), min(len(text), unsaid.end() + 300)))
            # "accused coalition aircraft of killing 30 in raids in recent days": other strikes
            and not re.search(r"\b(?:raids|air\s*-?strikes|bombardments|in\s+recent\s+(?:days|weeks))\b",
                              text[s:e], re.IGNORECASE)
            # "the November 2011 border incident in which US aircraft killed 24 troops": a
            # month of a year, another event's
            and not re.search(r"\b(?:January|February|March|April|May|June|July|August|September|October|"
                              r"November|December)\s+(?:\d{1,2},\s+)?(?:19|20)\d\d\b|\b\d{1,2}\s+(?:January|February|"
                              r"March|April|May|June|July|August|September|October|November|December)\s+(?:19|20)\d\d\b"
                              # ("On April 6 last year, a coalition airstrike in Kunar's Shigal district")
                              r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                              r"December)\s+\d{1,2}\s+(?:last|of\s+last)\s+year\b"
                              # ("In July, an air strike on a migrant detention centre ... killed 53")
                              r"|^\s*(?:In|Last|Earlier\s+in|Back\s+in)\s+(?:January|February|March|April|May|June|July|"
                              r"August|September|October|November|December)\b(?!\s+\d)",
                              text[s:e])):
        # "when the aircraft struck" after a drone strike: the drone, told again; "About two
        # hours later, the aircraft struck again": the drone's next strike
        again = bool(re.search(r"\b(?:struck|hit|fired|attacked)\s+again\b|\b(?:hours|minutes)\s+later\b",
                               text[s:e], re.IGNORECASE))
        out.append(Frame(sent, "drone_strike", Span(air.start(), air.end(), air.group()),
                         anaphoric=not again, distinct=again, scope=(s, e)))
        air = None
    if out and len(out) == 1 and out[0].type == "drone_strike":
        # "AFRICOM said it conducted an airstrike Sunday ..., killing 35 militants, and a second
        # airstrike Monday in the vicinity of Shebeeley, killing 20": the series, part by part
        # ("Minutes later, a second missile hit two vehicles, killing five people, and a third
        # strike in the evening hit a group of fighters, killing three")
        second = _NEXT_IN_CLAUSE.search(text, out[0].trigger.end, e)
        if (second is not None and find_figures(text, out[0].trigger.end, second.start())
                and (out[0].anaphoric or find_figures(text, second.end(), e))):
            out[0].anaphoric = False
            out[0].distinct = True
            out.append(Frame(sent, "drone_strike", Span(second.start(), second.end(), second.group()),
                             distinct=True, scope=(s, e)))
    if air and not drone_hits and not out and STRIKE_WORD.search(text, s, e):
        out.append(Frame(sent, "air_strike", Span(air.start(), air.end(), air.group()), scope=(s, e)))
    other = OTHER.search(text, s, e)
    if other and re.search(r"(?i:\bmissiles?\s+$)", text[max(s, other.start() - 10) : other.start()]):
        other = None  # "a missile attack on a compound": a strike from the air, its weapon told later
    if other and re.search(r"(?i:\b(?:weighs|weighing|weighed|plans?|planning|planned|threaten\w*|prepar\w+|"
                           r"consider\w*|mulls?|mulling|possible|potential|looming|imminent|new|"
                           # "a commander who had been organising cross-border raids": who he was
                           r"organi[sz]ing|organi[sz]ed|planning)\s+(?:an?\s+|the\s+)?"
                           r"(?:[\w-]+\s+)?$)", text[max(s, other.start() - 30) : other.start()]):
        other = None  # "as Ankara weighs ground assault": an attack to come, not one made
    if other and re.fullmatch(r"(?i:mines?)", other.group()) and re.search(
            r"(?i:chromite|coal|gold|copper|marble|salt|gypsum|emerald|granite|iron|silver|zinc|lithium|"
            r"mineral|mining)\s+$", text[max(s, other.start() - 12) : other.start()]):
        other = None  # "a dispute over a chromite mine": a pit, not a weapon
    if other and re.search(r"(?i:\b(?:train\w*|recruit\w*|indoctrinat\w+|suppl(?:y|ied|ying)|equipp\w+|"
                           r"master\s*-?\s*mind\w*)\s+(?:\w+\s+)?$)", text[max(s, other.start() - 30) : other.start()]):
        other = None  # "a commander said to have trained suicide bombers": who he was, no attack
    if other and declared == "drone_strike" and not _OTHER_WEAPON.match(other.group()):
        other = None  # "killed in attack on house": in a drone-strike list, the listed strike
    if (other and last_type == "drone_strike" and not out and _DEFINITE_ATTACK_ON.fullmatch(other.group())
            and re.search(r"\b(?:the|that|this|[A-Z][a-z]+day['’]s)\s+$", text[max(s, other.start() - 12) : other.start()])
            and not OTHER.search(text, other.end(), e)
            and not _MILITANTS_TARGET.match(text, other.end(), e)
            # ("the attack on a funeral in Makeen in June 2009": a strike of its own time)
            and not re.search(r"\b(?:January|February|March|April|May|June|July|August|September|October|"
                              r"November|December|(?:19|20)\d\d)\b", text[s:e])):
        # "a commander confirmed the attack on the group's fighters, but said seven men
        # were killed": the strike just told, named by its definite article
        other = None
    if (other and (not out or _far(other.start(), out[0].trigger))
            and _CONCRETE_EVENT.search(text, s, e)):
        out.append(Frame(sent, "other_attack", Span(other.start(), other.end(), other.group()),
                             scope=(s, e)))
    if not out:
        # "the July 10 strike", "Tuesday's attack": a reference back, no type of its own
        ana = _ANAPHOR.search(text, s, e)
        if ana and _OTHER_KIND_OF_ATTACK.search(ana.group()):
            ana = None  # "to respond to the airport attack": a militants' attack told elsewhere
        named_before = bool(ana and re.match(r"(?:That|This)\s", ana.group()) and _after_another_event(text, s))
        if named_before:
            # "Thursday's attack came a week after AQAP militants stormed the Defence Ministry
            # compound ... That attack killed 52 people": the one just named, not the strike
            ana = None
        if ana and not DISTINCT.search(text, s, e) and not new_topic:
            # "In the first attack, ... a second drone strike ... The deadliest attack came in
            # the afternoon, when missiles destroyed two houses, killing at least 32": the
            # series' next strike, singled out by a superlative
            series_part = bool(
                _SUPERLATIVE_PART.match(ana.group()) and _CONCRETE_EVENT.search(text, ana.end(), e)
                # (told after a lead of several strikes, or after another part of the series)
                # ("Two suspected US drone strikes have killed at least six people ... The deadliest
                # attack took place late on Wednesday ..., when missiles struck a pick-up truck")
                and any((f.distinct or f.aggregate or f.status == "aggregate_total") and f.type == "drone_strike"
                        and sent.index - f.sentence.index <= 6 for f in before))
            out.append(Frame(sent, "drone_strike", Span(ana.start(), ana.end(), ana.group()),
                             anaphoric=not series_part, distinct=series_part, scope=(s, e)))
        elif (last_type == "drone_strike" and not new_topic and not named_before
              # (a story whose drones so far only watched, crashed or were shot down has told no
              # drone strike: "a Russian missile struck a residential building" is no drone's)
              and (story == "drone_strike" or any(f.type == "drone_strike" and f.status == "reported"
                                                  for f in before))
              # ("Last August the US military said it had struck a meeting ...": a strike of
              # another month, whose weapon the story does not say)
              and not (_OTHER_MONTH.search(text, s, e) and not _COUNTED_STRIKES.search(text, s, e))
              and (told := _story_strike(text, s, e)) is not None):
            # ("Elsewhere, the Pakistan Army claimed a search and strike operation": another story)
            # "The June strikes killed nearly 19", "On Wednesday, the US targeted a house":
            # in a story about drone strikes, a strike told without its weapon is one of them
            out.append(Frame(sent, "drone_strike", told, scope=(s, e)))
        elif declared == "drone_strike" and (entry := _listed_strike(text, s, e)) is not None:
            # "Six alleged militants killed in attack on house in Miranshah": the words of a
            # drone-strike list's entry, which names its weapon once, in its heading
            out.append(Frame(sent, "drone_strike", entry, scope=(s, e)))
    _split_scopes(text, out, s, e)
    for a, b in itertools.pairwise(out):
        day = _AND_ON_DAY.search(text, a.trigger.end, b.trigger.start) or _AND_ON_OTHER_DAY.search(
            text, a.trigger.end, b.trigger.end)
        joint = re.search(r",\s+and\s+$", text[max(a.trigger.end, b.trigger.start - 8) : b.trigger.start])
        if day is None and b.distinct and joint is not None:
            # (", and a vehicle in Ladha ..., killing five": the second target's clause)
            cut = b.trigger.start - len(joint.group())
            a.scope = (a.scope[0], cut)
            b.scope = (cut, b.scope[1])
            continue
        if day is not None and b.distinct:
            # (", and on Jan. 4, 2020, a drone struck": the day opens the second strike's clause)
            a.scope = (a.scope[0], day.start())
            b.scope = (day.start(), b.scope[1])
    for f in out:
        _cut_new_topics(text, f)
        _set_ordinal(text, f)
    return out


def _after_another_event(text: str, s: int) -> bool:
    """Does the sentence before ``s`` end on another event, told after "came a week after"?"""
    lo = max(0, s - 600)
    ends = [m.end() for m in re.finditer(r"[.!?][\"”’']?\s+(?=[A-Z\"“])|\n", text[lo : max(lo, s - 2)])]
    prev = text[lo + (ends[-1] if ends else 0) : s]
    came = [None, *_CAME_AFTER.finditer(prev)][-1]
    return came is not None and re.search(r"(?i:\bdrones?\b|\bUAVs?\b|\bmissiles?\b|\bair\s*strikes?\b)",
                                          prev[came.end():]) is None


# "Separately", "Meanwhile", "In another incident": paragraphs that lost their full stops
# still change subject here (SATP digests run several reports together)
NEW_TOPIC_INNER = re.compile(
    r"\b(?:Separately|Meanwhile|Elsewhere|In\s+(?:a|an)\s+(?:separate|another|different|unrelated)\s+"
    r"(?:incident|development|context)|In\s+another\s+(?:incident|development))\b"
    # "...commented on the report separately three civilians were killed": a run-on digest
    r"|(?<=[a-z0-9] )(?:separately|meanwhile|elsewhere)(?=\s+(?:a|an|the|\d+|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|at|some|several|unidentified)\b)"
)


# (", raising the death toll in the strike to 11" is this strike's toll, risen)
_RUNNING_TOTAL = re.compile(r",\s+(?:taking|bringing|raising|pushing)\s+(?:the\s+|its\s+)?(?:\w+\s+)?"
                            r"(?:number|toll|total|tally|count)\b(?=[^.;]{0,90}\b(?:attacks|strikes|raids|since|so\s+far|"
                            r"this\s+(?:year|month|week))\b)", re.IGNORECASE)


# "The drone strike came a day after Security Forces launched an operation in which
# five soldiers were killed": what follows "after" is another event
_CAME_AFTER = re.compile(
    r"\b(?:came|comes?|followed|was\s+carried\s+out)\s+(?:just\s+|only\s+)?(?:(?:a|one|two|three|a\s+few)"
    r"\s+(?:days?|hours?|weeks?)\s+|shortly\s+|soon\s+|hours\s+|days\s+)?(?:after|before)\b"
    # ("The first attack came shortly after sunset on 10 March": a time of day, not an event)
    r"(?!\s+(?:sunset|sunrise|dawn|dusk|midnight|noon|midday|nightfall|daybreak|daylight|iftar|\d|"
    r"(?:the\s+)?(?:evening|morning|night|dawn|noon|afternoon|Friday)\s+prayers?))"
    # "The strike came as foreign forces prepare to end their mission on December 31"
    r"|\b(?:came|comes)\s+(?:as|amid|ahead\s+of|at\s+a\s+time)\b",
    re.IGNORECASE,
)


def _cut_new_topics(text: str, f: Frame) -> None:
    lo, hi = f.scope
    for m in NEW_TOPIC_INNER.finditer(text, lo, hi):
        if m.start() > f.trigger.end:
            hi = m.start()
            break
        if m.end() <= f.trigger.start:
            lo = m.start()
    after = _CAME_AFTER.search(text, f.trigger.end, hi)
    if after:
        hi = after.end()
    running = _RUNNING_TOTAL.search(text, f.trigger.end, hi)
    if running:
        # "..., killing eight, taking the number of people killed in three drone attacks since
        # Friday to at least 16": the strike ends where the running count begins
        hi = running.start()
    for m in _CAME_AFTER.finditer(text, lo, f.trigger.start):
        if re.search(r"(?i:\b(?:attacks|strikes|raids)\s+$)", text[lo : m.start()]):
            # "The attacks come a day after a drone strike destroyed two cars": the strike after
            # "after" is told on its own, not as the attacks it came before, and is another
            lo = m.end()
            f.distinct = True
    later = _DAY_AFTER_OTHER.search(text, f.trigger.end, hi)
    if later and not re.search(r"(?i:\bdrones?\b|\bmissiles?\b|\bstrikes?\b|\bUAVs?\b|\bunmanned\b|\baircraft\b)",
                               text[later.end() : hi]):
        # "... killed three suspected militants on Saturday, a day after the group's fighters
        # killed 14 soldiers": what the strike came after is another event, its toll its own
        hi = later.start()
    f.scope = (lo, hi)


_DAY_AFTER_OTHER = re.compile(
    r",\s+(?:just\s+|only\s+)?(?:a|one|two|three|a\s+few|several)\s+(?:days?|hours?|weeks?)\s+(?:after|before)\s+",
    re.IGNORECASE,
)


# "more than a month ago", "three years ago", "last year": a strike of the past, told in passing
_LONG_AGO = re.compile(
    r"\b(?:(?:more\s+than\s+|over\s+|nearly\s+|about\s+)?(?:a|an|one|two|three|four|five|six|"
    r"several|many|\d+)\s+(?:weeks?|months?|years?|decades?)\s+ago|last\s+(?:month|year)|"
    r"(?:weeks|months|years)\s+(?:earlier|before))\b",
    re.IGNORECASE,
)
_STORY_NOUN = re.compile(r"\b(?:strikes?|attacks?|raids?)\b", re.IGNORECASE)
_STORY_VERB = re.compile(
    r"\b(?:U\.?S\.?|American|the\s+crew|the\s+Americans|Washington|the\s+CIA|US\s+forces)\s+"
    r"(?:\w+\s+){0,2}?(?:targeted|struck|hit|bombed|engaged|fired\s+on)\b"
    r"|\b(?:crew|operators?)\s+(?:\w+\s+){0,3}?engaged\b"
    r"|\bmissiles?\s+(?:\w+\s+){0,2}?(?:slammed|hit|struck|landed|rained|smashed|ripped)\b",
    re.IGNORECASE,
)


def _story_strike(text: str, s: int, e: int) -> Span | None:
    """A strike noun or a strike verb with its actor, in a sentence that reports an act."""
    if OTHER.search(text, s, e) or AIR.search(text, s, e) or _OTHER_KIND_OF_ATTACK.search(text, s, e):
        return None  # ("after the school attack, in which 150 people ... were killed": the militants')
    if re.search(r"\b(?:militants|gunmen|insurgents|attackers|rebels|terrorists|fighters)\s+"
                 r"(?:(?!(?:were|was|had|have|been|being|are|is)\b)\w+\s+){0,2}?"
                 r"(?:killed|attacked|stormed|ambushed|kidnapped|abducted|overran)\b", text[s:e]):
        return None  # "when Jaish al-Adl militants killed 10 Iranian border guards, in one of the deadliest attacks"
    if re.search(r"\b(?:hacked|stabbed|knifed|beheaded|gunned\s+down|run\s+over|rammed|bludgeoned)\b", text[s:e]):
        return None  # "two men hacked a British soldier to death ... in an attack they said was revenge"
    m = _STORY_VERB.search(text, s, e) or _STORY_NOUN.search(text, s, e)
    if m is None:
        return None
    if re.search(rf"(?i:\b(?:{_PLOTTED})\s+(?:the\s+|a\s+|an\s+)(?:[a-z-]+\s+)?$)", text[max(s, m.start() - 40) : m.start()]):
        return None  # "who helped plan the attacks of Sept. 11, 2001, ... was killed on Sunday": the man's attacks
    if re.search(r"(?i:\bto\s+$)", text[max(s, m.start() - 4) : m.start()]):
        return None  # "fighters preparing to attack an army post": what they meant to do
    if re.match(r"\s*(?:an?\s+|the\s+)?(?:[\w$.,-]+\s+){0,6}?(?:drones?|UAVs?|Global\s+Hawk|Reaper|Predator)\b",
                text[m.end() : min(e, m.end() + 90)]) and re.search(r"(?i:missile|rocket)", m.group()):
        return None  # "an Iranian surface-to-air missile struck a U.S. Navy RQ-4A Global Hawk": a drone shot down
    if not (find_figures(text, s, e) or _STRIKE_DID.search(text, s, e) or _STORY_VERB.search(text, s, e)):
        return None
    return Span(m.start(), m.end(), m.group())


# what names a weapon other than the listed strike's: a bombing, a shooting, shelling
_DEFINITE_ATTACK_ON = re.compile(r"(?i:attack(?:ed)?\s+on)")
#: what militants attack, not what a strike hits: "the attack on the airport"
_MILITANTS_TARGET = re.compile(
    r"\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,2}?(?:airport|school|mall|market|mosque|church|hotel|parade|"
    r"embassy|consulate|prison|jail|checkpoints?|check\s+posts?|bus|shrine|police|army|soldiers|troops|"
    r"security\s+forces|base|camp|post|office|headquarters|cafe|restaurant|stadium|university|college|"
    r"hospital|court|parliament|ministry|convoy|patrol)\b",
    re.IGNORECASE,
)
_OTHER_WEAPON = re.compile(
    r"(?i:suicide|bomb(?!ed)|blasts?|explos|exploded|IEDs?|improvised|landmines?|mines?\b|gunmen|"
    r"gunfire|shooting|shot\s+dead|opened\s+fire|ambush|shell|mortars?|rocket\s+attacks?|grenades?|"
    r"behead|executed|abducted|kidnapped|clash)"
)
_LISTED_ACT = re.compile(
    r"\b(?:strikes?|attacks?|missiles?|killed|killing|died|dies|dead|destroyed|hit|struck|targeted|"
    r"leveled|levelled|flattened)\b",
    re.IGNORECASE,
)


def _listed_strike(text: str, s: int, e: int) -> Span | None:
    """ "Eight alleged militants killed in attack on vehicle": an entry of a drone-strike list.

    The list names the weapon once for all its entries, so an act with its toll is the
    listed strike unless the sentence names another weapon or manned aircraft.
    """
    other = OTHER.search(text, s, e)
    if other and _OTHER_WEAPON.match(other.group()):
        return None
    if MANNED.search(text, s, e):
        return None
    m = _STORY_NOUN.search(text, s, e) or _LISTED_ACT.search(text, s, e)
    if m is None or not (find_figures(text, s, e) or _STRIKE_DID.search(text, s, e)):
        return None
    return Span(m.start(), m.end(), m.group())


def _set_ordinal(text: str, f: Frame) -> None:
    """ "The second drone hit a truck": which strike of a multi-strike story this is."""
    # "In a second strike attributed to US drones": the ordinal may open the clause
    lo = max(f.scope[0], f.trigger.start - 45)
    m = _ORDINAL.search(text, lo, min(f.scope[1], f.trigger.end + 5))
    if not m or _SERIES.search(text, m.start(), min(f.scope[1], m.end() + 45)):
        return
    word = re.sub(r"\s+", " ", m.group("ord").lower())
    f.distinct = True
    if re.search(r"(?i:\b(?:minutes|hours|shortly|soon|moments|an\s+hour|a\s+day|days)\s+after\s+(?:the\s+)?$)",
                 text[max(f.scope[0], m.start() - 30) : m.start()]) and re.search(
                     r"(?i:\b(?:another|a\s+second|second)\s+(?:[\w-]+\s+)?(?:missile|drone|strike)s?\b)",
                     text[m.end() : f.scope[1]]):
        # "Minutes after the first attack, another missile hit a pick-up": a later strike,
        # placed by the first
        return
    f.ordinal = _ORDINALS.get(word, -1)


def _far_clause(text: str, trigger: Span, other: re.Match[str]) -> bool:
    """Another trigger in its own clause, well away from the first one."""
    lo, hi = sorted((trigger.end, other.start()))
    return hi - lo > 30 and bool(_CLAUSE_CUT.search(text, lo, hi))


def _far(pos: int, trigger: Span) -> bool:
    return abs(pos - trigger.start) > 25


def _split_scopes(text: str, frames: list[Frame], s: int, e: int) -> None:
    """Bind each part of a sentence to the nearest trigger when it has several."""
    if len(frames) < 2:
        return
    frames.sort(key=lambda f: f.trigger.start)
    cuts = [_cut(text, frames[i - 1].trigger.end, frames[i].trigger.start)
            for i in range(1, len(frames))]
    for i, f in enumerate(frames):
        lo = s if i == 0 else cuts[i - 1]
        hi = e if i == len(frames) - 1 else cuts[i]
        f.scope = (lo, hi)


_CLAUSE_CUT = re.compile(r",\s+(?:and|while|but|as|whereas)\s|\s(?:while|whereas)\s|;\s|\s[-–—]\s|"
                        r",\s+(?=(?:a|an|the|another)\s)")


def _cut(text: str, lo: int, hi: int) -> int:
    """Where the second trigger's clause starts: the last ", and" / ";" between them,
    else the start of the second trigger's own noun phrase ("The second drone ...")."""
    last = None
    for m in _CLAUSE_CUT.finditer(text, lo, hi):
        last = m.start()
    if last is not None:
        return last
    passive = re.search(r"\b(?:was|were|had\s+been|have\s+been)\s+(?:\w+\s+)?killed\b[^.;]{0,80}?\b(?:in|by)\s+"
                        r"(?:an?|the)\s+(?:[\w.-]+\s+){0,2}$", text[lo:hi])
    if passive is not None:
        # "X, the mastermind of the 2014 attack on the school, was killed along with four of his
        # accomplices in a US drone strike": the dead are the second trigger's
        return lo + passive.start()
    det = re.search(r"(?:\b(?:[Tt]he|[Aa]n?|[Aa]nother|[Ii]n\s+(?:a|the))\s+)?$", text[lo:hi])
    return lo + det.start() if det else hi


_HOUR_OPENER = re.compile(
    r"\s*(?:(?:Around|At\s+about|At\s+around|About|By|Shortly\s+(?:before|after)|Just\s+(?:before|after))\s+"
    r"(?:noon|midday|midnight|dawn|dusk|sunset|sunrise|nightfall|\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.))"
    r"|(?:Later\s+)?In\s+the\s+(?:afternoon|evening|night)|That\s+(?:afternoon|evening|night)"
    r"|Later\s+(?:in\s+the|that)\s+day)\b",
    re.IGNORECASE,
)


def _mark_status(state: DocState, frame: Frame) -> None:
    text = state.text
    s, e = frame.scope
    t = frame.trigger
    if _first_of_a_period(text, t, frame.sentence.start, frame.sentence.end):
        # "killing two men, in what appeared to be the first American drone attack in Pakistan
        # since President Trump took office": the strike told, and where it stands
        frame.anaphoric, frame.distinct = True, False
    if frame.anaphoric:
        frame.reasons.append("refers back to a strike ('" + t.text + "')")
        return
    count = _BRINGS_COUNT.search(text, s, t.start)
    if count is not None and not _DRONES_ACT.search(text, s, count.start()):
        # "The deaths bring to four the number of people killed by Turkish drones in the Kobane
        # region since Sunday": a count over strikes told, no strike of its own
        frame.status = "aggregate_total"
        frame.reasons.append(f"a running count ('{count.group()}')")
        return
    remark = _SERIES_REMARK.match(text, frame.sentence.start)
    if remark and 0 <= t.start - remark.end() <= 20:
        # "It was the second drone strike in the agency within 24 hours": where this strike
        # stands in a series; the other strike is implied, not told
        frame.status = "background"
        frame.reasons.append("places the strike told before in a series")
        return
    if re.search(r"\bsuch\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}$", text[max(s, t.start - 40) : t.start], re.IGNORECASE):
        # "the first time militants had used such a massive drone attack": a kind, not a strike
        frame.status = "background"
        frame.reasons.append("a kind of strike, not one")
        return
    distinct = DISTINCT.search(text, s, e)
    if distinct and re.match(r"(?i:a\s+day|days|hours)", distinct.group()) and re.search(
            r"(?i:strike|attack|raid)\s+(?:\w+\s+)?$", text[max(s, distinct.start() - 20) : distinct.start()]):
        # "confirmed on Tuesday that a drone strike two days earlier killed ...": when it was
        distinct = None
    elif distinct and re.match(r"(?i:a\s+day|days|hours)", distinct.group()) and re.search(
            r"\b[Tt]he\s+(?:\w+\s+)?(?:strike|attack|raid)\s+(?:took\s+place|happened|occurred|was\s+carried\s+out)\b",
            text[s:e]):
        # "The sources said the strike took place in Dangam District two days earlier": when
        # the strike told was, not another one
        distinct = None
    elif distinct and re.match(r"(?i:a\s+day|days|hours|minutes)", distinct.group()) and re.search(
            r"(?i:\b(?:left|arrived|moved|fled|gathered|come|came|returned|stayed|been\s+staying)\b[^.;,]{0,40}$)",
            text[max(s, distinct.start() - 60) : distinct.start()]):
        # "militants who had been staying there had left a day earlier": when people moved
        distinct = None
    elif (distinct and re.search(r"(?i:\b(?:minutes|hours)\s+later$)", distinct.group())
            and distinct.end() <= t.start and re.search(r"\b[Tt]he\s+$", text[max(s, t.start - 6) : t.start])
            and not re.search(r"(?i:\b(?:another|second|again|more)\b)", text[distinct.end() : e])
            and re.search(r"[\"“”]", text[max(0, s - 2) : e])):
        # '"The fighters stopped the truck and climbed in, and a few minutes later the drone hit
        # it," Hamdard said': a witness telling how the strike came, not another strike
        distinct = None
    elif distinct and re.match(r"(?i:the\s+(?:next|following)|a\s+day|\w+\s+days|hours|minutes)", distinct.group()) and re.search(
            rf"\b(?:{SAYING_VERBS})\s+$", text[max(s, distinct.start() - 20) : distinct.start()]):
        # "AFRICOM announced the next day that it had killed eight": when it was told
        distinct = None
    if distinct and re.search(r"(?i:\bsuch\s+(?:\w+\s+)?(?:attack|strike|raid)\b)", distinct.group()) and not frame.distinct:
        # "..., in the second such attack outside the tribal areas in four months": where this
        # strike stands in a series, not another strike
        distinct = None
    if distinct and _first_of_a_period(text, Span(distinct.start(), distinct.end(), distinct.group()),
                                       frame.sentence.start, frame.sentence.end):
        # "It was the first reported US strike in Yemen in almost three months": this one
        frame.anaphoric = True
        frame.reasons.append("refers back to a strike, the first of a period")
        return
    if (not distinct and not frame.distinct and frame.type == "drone_strike"
            and _HOUR_OPENER.match(text, frame.sentence.start)
            and any(g.type == frame.type and (g.ordinal is not None or g.distinct) and g.status == "reported"
                    and 0 < frame.sentence.index - g.sentence.index <= 3 for g in state.frames)):
        # "In the first attack, early in the morning, drones fired two missiles ... Around noon,
        # drones fired four missiles at a compound": the series' next strike, told by its hour
        frame.distinct = True
        frame.reasons.append("the next of a series, told by its hour")
    if distinct:
        frame.distinct = True
        frame.reasons.append("says it is a different strike")
    near_lo, near_hi = max(s, t.start - 60), min(e, t.end + 60)
    plural = _is_plural(text, frame)
    concrete = _reports_act(text, frame)
    neg = _window_has(NEGATED, text, near_lo, near_hi)
    hyp = _window_has(HYPOTHETICAL, text, max(s, t.start - 40), min(e, t.end + 30))
    if hyp and _DISPUTED_TOLL.search(text, max(s, hyp.start() - 40), min(e, hyp.end() + 30)):
        # "Accounts of how many people died in a drone strike in Wadi Hadramout on Friday
        # continued to differ": a question about the toll of a strike that happened
        hyp = None
    back = BACKGROUND.search(text, s, e)
    if neg and re.search(r"\b(?:end|ended|ending|ends|broke|breaking|broken)\s+(?:a|the|an?\s+\w+)?\s*$",
                         text[max(s, neg.start() - 25) : neg.start()], re.IGNORECASE):
        # "ending a hiatus of nearly two months": the strike ended the pause
        neg = None
    failed = _FAILED.search(text, max(s, t.start - 60), min(e, t.end + 200))
    if failed and failed.start() > t.end and re.search(r"\b(?:killed|killing|kills|died|dead|wounded|injured)\b",
                                                        text[t.end : failed.start()], re.IGNORECASE):
        failed = None  # "a drone strike killed five; the second drone was shot down": the first struck
    if failed and frame.type == "drone_strike" and (not neg or (neg.start() < failed.end() and failed.start() < neg.end())):
        # "A drone attack targeting Erbil airport ... was foiled late on Friday", "Air defence units
        # downed drones launched by terrorists towards Hmeimim": no strike landed
        frame.status = "negated"
        frame.reasons.append(f"the drone never struck ('{failed.group()}')")
        return
    if neg and not (concrete and _past_event_phrase(text, s, e) and not _strong_negation(neg.group())):
        frame.status = "negated"
        frame.reasons.append(f"negated or halted ('{neg.group()}')")
        return
    if hyp and (not _past_event_phrase(text, s, e) or hyp.group().lower().startswith("how")):
        frame.status = "hypothetical"
        frame.reasons.append(f"hypothetical ('{hyp.group()}')")
        return
    if plural:
        has_figure = bool(re.search(r"\b(?:killed|killing|died|dead)\b", text[s:e], re.IGNORECASE)) and (
            concrete)
        # "The June drone strikes killed 19", "the number of strikes during October has
        # risen to seven, in which 38 were killed": an aggregate is anchored in a month or
        # a day, or counted; a year, a percentage or "since 2004" make it a running total
        anchored = any(d.kind != "year" and not is_reporting_date(text, d)
                       # "since the campaign began in August 2014": where a count starts
                       and not re.search(r"\b(?:since|began|begun|started|beginning|from)\b[^.;]{0,30}$|\bbetween\b[^.;]{0,40}$",
                                         text[max(s, d.start - 40) : d.start], re.IGNORECASE)
                       for d in find_dates(text, state.published, s, e)) or bool(
            # "during the month of May" (the month whose name is also a verb)
            re.search(r"\bmonth\s+of\s+(?-i:[A-Z][a-z]+)|\b(?:in|during)\s+(?-i:May)\b(?!\s+\d)"
                      # "20 attacks in North Waziristan since the beginning of the month": one month's
                      r"|\bsince\s+the\s+(?:beginning|start)\s+of\s+the\s+month\b", text[s:e])) or bool(
            re.search(r"\b(?:in|at|near|on)\s+(?:the\s+)?"
                      # ("Two U.S. drone strikes in eastern Nangarhar province killed 14")
                      + (r"(?:(?:eastern|western|northern|southern|central|north-?eastern|north-?western|"
                         r"south-?eastern|south-?western)\s+)?" if DRONE.search(frame.trigger.text) else "")
                      + r"(?:[A-Z][\w'’-]+\s+){1,3}(?:province|district|"
                      r"agency|area|village|town|valley|region|governorate)\b", text[s:e]))
        counted = re.search(r"\b(?:two|three|four|five|twin|2|3|4|5)\s+(?:[\w.]+\s+){0,2}(?:(?:air\s*-?)?strikes|attacks|raids)\b"
                            r"|\b(?:twice|thrice|(?:three|four|five|six|seven|eight|nine|ten|\d+)\s+times)\b",
                            text[s:e], re.IGNORECASE)
        yearly = _YEARLY.search(text, s, e) or _MANY_STRIKES.search(text, s, e)
        if yearly and re.search(r"\b(?:most|highest|deadliest|largest|worst|biggest|first)\b[^.;]{0,50}$",
                                text[max(s, yearly.start() - 60) : yearly.start()], re.IGNORECASE):
            yearly = None  # "the most in a single month since early last year": a comparison
        totals = back or TOTALS.search(text, s, e)
        if not has_figure:
            frame.status = "background"
            frame.reasons.append("several strikes, generic" + (f" ('{totals.group()}')" if totals else ""))
            return
        if yearly or (totals and not anchored) or not (anchored or counted):
            frame.status = "aggregate_total"
            why = yearly or totals
            frame.reasons.append("several strikes, a running total" + (f" ('{why.group()}')" if why else ""))
            return
        if not any(f.category == "killed" for f in find_figures(text, s, e)):
            # "requiring the government to publish how many were killed in drone strikes":
            # strikes reported together come with their dead counted
            frame.status = "background"
            frame.reasons.append("several strikes, generic: no count of their dead")
            return
        frame.aggregate = True
        frame.reasons.append("several strikes reported together")
        return
    if _GENERIC_COUNT.search(text, s, e) and not find_figures(text, s, e):
        # "claimed that the government had never given a full account of the number of people
        # killed by British drones": a count asked for, of no strike in particular
        frame.status = "background"
        frame.reasons.append("a count of the dead of drones in general")
        return
    dates_here = find_dates(text, state.published, s, e)
    prev_start = state.sentences[frame.sentence.index - 1].start if frame.sentence.index else s
    habit = _HABITUAL.search(text, prev_start, e)
    # "Turkey has deployed armed drones in large numbers over Idlib since ...", "The U.S. has
    # used armed drones to strike IS in Libya's desert": what a state has been doing
    habit = habit or _HAS_BEEN_USING.search(text, s, e) or _HABITUAL_HERE.search(text, s, e)
    if habit and habit.start() > t.end and re.search(r",\s+(?:where|who|whom|whose)\b", text[t.end : habit.start()]):
        # "a second drone attacked a compound in Shaktoi, where the Taliban chief is believed to
        # have been hiding in recent weeks": what someone else has been doing
        habit = None
    if habit and not any(d.precision in ("day", "partial_day") for d in dates_here):
        # "Every few weeks, a short news item appears ... A drone, it says, fired missiles at a
        # house or a vehicle somewhere in North or South Waziristan": what happens, not a strike
        frame.status = "background"
        frame.reasons.append(f"what usually happens ('{habit.group()}')")
        return
    # a period near the strike's words; "the TTP, which has waged war on the state since 2007"
    # further on dates the group, not the strike
    near_s, near_e = max(s, t.start - 80), min(e, t.end + 100)
    total = TOTALS.search(text, near_s, near_e) or re.search(r"\b(?:during|in|over|throughout)\s+the\s+(?:year|"
                                                            r"month|decade|past\s+\w+\s+years)\b",
                                                            text[near_s:near_e], re.IGNORECASE)
    if total and not any(d.precision in ("day", "partial_day") and not is_reporting_date(text, d)
                         for d in dates_here):
        if (re.fullmatch(r"(?:during|in|over|throughout)\s+the\s+month", total.group(), re.IGNORECASE)
                # "US drones had carried out 20 attacks in North Waziristan since the beginning of
                # the month, killing more than 100": one month's strikes too
                or re.search(r"\bsince\s+the\s+(?:beginning|start)\s+of\s+the\s+month\b", text[s:e], re.IGNORECASE)) and (
                concrete and re.search(r"\b(?:killed|killing|died|dead)\b", text[s:e], re.IGNORECASE)):
            # "During the month of January, US drones carried out seven strikes, killing
            # dozens": one month's strikes told together, an aggregate as in the contract
            frame.aggregate = True
            frame.reasons.append(f"one month's strikes reported together ('{total.group()}')")
            return
        frame.status = "aggregate_total"
        frame.reasons.append(f"statistics over a period ('{total.group()}')")
        return
    # "A US drone strike in 2010 killed ..., his successor said in a video released on
    # Monday": the day the news was told does not make an old strike new
    told = [d for d in dates_here if d.kind != "year" and is_reporting_date(text, d)]
    # "a man killed in a drone strike in 2010", "the 2010 drone strike": the strike's own year
    own_year = next((d for d in dates_here if d.kind == "year"
                     and (0 <= d.start - t.end <= 12 or 0 <= t.start - d.end <= 3)), None)
    if own_year is not None and not any(d.precision in ("day", "partial_day") and abs(d.start - t.end) < 25
                                        for d in dates_here):
        frame.status = "background"
        frame.reasons.append(f"history: the strike's year ('{own_year.text}')")
        return
    if dates_here and all(d.kind == "year" or d in told for d in dates_here) and len(told) < len(dates_here):
        frame.status = "background"
        frame.reasons.append(f"history: dated only by a year ('{dates_here[0].text}')")
        return
    # "... had arrived in the area two weeks earlier", far from the strike, dates something else
    ago = _LONG_AGO.search(text, max(s, t.start - 120), min(e, t.end + 120))
    if ago and not any((d.kind == "explicit" and d.precision == "day" and d.year is not None
                        and not is_reporting_date(text, d))
                       # ("A year ago today, a drone fired two missiles at the building": its day)
                       or (d.kind == "relative" and d.date is not None and "ago" in d.text.lower())
                       for d in dates_here):
        # ("Less than three months earlier, on 2 July 2012, ...": told with its own day)
        frame.status = "background"
        frame.reasons.append(f"history: '{ago.group()}'")
        return
    if re.search(r"(?i:\bsince\s+the\s+(?:very\s+)?first\s+(?:[\w-]+\s+)?(?:strike|attack|raid))",
                 text[max(s, t.start - 15) : min(e, t.end + 5)]):
        # "Since the first strike in June 2004, at least 2,300 persons have been killed in over
        # 400 strikes": where a count starts
        frame.status = "aggregate_total"
        frame.reasons.append("a count since the first strike")
        return
    if back and not concrete:
        frame.status = "background"
        frame.reasons.append(f"background ('{back.group()}')")
        return
    since = re.search(r"\bsince\s+[^.;]{0,40}?,?\s+when\s+(?:an?\s+|the\s+)?(?:[\w.-]+\s+){0,3}$",
                      text[frame.sentence.start : t.start])
    if since:
        # "the first reported in Hadramawt since August 4, when a drone strike on a car killed
        # five": the strike a count starts from, history
        frame.status = "background"
        frame.reasons.append(f"history: '{since.group().strip()}'")
        return
    if not concrete:
        frame.status = "background"
        frame.reasons.append("mentions a strike but reports no act")
        return
    frame.reasons.append("reports a strike")


_KILLED_IN = re.compile(
    r"\b(?:killed|died|dead|wounded|injured|destroyed|struck|hit|targeted(?!\s+killings?)|eliminated|neutrali[sz]ed|"
    r"slain)\s+(?:[\w'’,()-]+\s+){0,8}?(?:in|by|during|when)\s+(?:a|an|the|two|three|twin|another|"
    r"suspected|US|U\.S\.|American|CIA)?\s*(?:[\w()-]+\s+){0,6}?(?:drones?|unmanned|UAVs?|"
    r"missile|air)\b",
    re.IGNORECASE,
)
_STRIKE_ON = re.compile(
    r"\b(?:drone|missile|air)[- ](?:strike|attack|raid)\s+(?:\w+\s+){0,2}?"
    r"(?:on|at|in|near|against|targeting|targeted|hit|hits|killed|kills|struck|destroyed|"
    r"that\s+killed|which\s+killed)\b",
    re.IGNORECASE,
)
# "The first strike hit a former school", "the latest, on Friday, killed three"
_STRIKE_DID = re.compile(
    r"\b(?:strikes?|attacks?|raids?|drones?|latest|last|second|first|third)\s*,?\s+(?:[\w'’-]+,?\s+){0,8}?"
    r"(?:hit|struck|killed|destroyed|targeted|engaged)\s+(?:a|an|the|at\s+least|\w+\s+(?:people|"
    r"militants|more|others|suspected|persons|men)"
    # "a second strike destroyed two vehicles on the coastal road"
    r"|(?:two|three|four|five|several|\d+)\s+(?:[\w-]+\s+)?(?:vehicles|cars|houses|compounds|trucks|pick-?ups|"
    r"motorcycles|buildings|homes))\b"
    r"|\b(?:strike|attack|raid)\s+(?:took\s+place|occurred|happened|came|was\s+carried\s+out|"
    r"was\s+conducted|was\s+launched)\b"
    # "a second strike ... on a compound in Gomal the same evening missed its target"
    r"|\b(?:strike|attack|raid)\s+(?:[\w'’-]+,?\s+){0,12}?missed\s+(?:its|their|the)\s+target"
    # "The second strike hit Al-Shihr, a coastal town east of Mukalla"
    r"|\b(?:first|second|third|fourth|latest|last)\s+(?:drone\s+)?(?:strike|attack|raid)\s+(?:hit|struck|targeted)\s+"
    r"(?-i:[A-Z])",
    re.IGNORECASE,
)
_FIGURE_KILL = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen|dozens)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:were|was|have\s+been|had\s+been)?\s*(?:killed|dead|died|wounded|injured)\b",
    re.IGNORECASE,
)


# "The Pakistan Army used its armed drone 'Burraq' ..., killing three": the drone as instrument
_USED_DRONE = re.compile(
    r"\b(?:used|using|deployed|employed)\s+(?:[\w'’-]+\s+){0,5}?(?:armed\s+)?(?:drones?|UAVs?)\b"
    r"[^.;]{0,100}?\b(?:killing|killed|to\s+(?:strike|kill|target|hit|attack)|"
    # "used its indigenously built armed drone, Burraq, for the first time in an operation, striking
    # a compound in the Shawal valley"
    r"(?:striking|hitting|targeting|attacking)\s+(?:an?|the|two|three|several)\s)"
    # "security forces targeted their hideout with an armed drone"
    r"|\b(?:targeted|struck|hit|attacked|bombed|pounded)\s+(?:[\w'’-]+\s+){0,6}?with\s+(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:armed\s+)?(?:drones?|UAVs?)\b",
    re.IGNORECASE,
)


def _reports_act(text: str, frame: Frame) -> bool:
    """Does the clause report something done ("drones fired", "killed in a drone strike")?

    Keywords alone ("targeted killings", "drone strikes are unlawful") are talk
    about strikes; an act needs a predicate bound to the strike. A bare
    "drones" ("taking assistance of drones and helicopters") needs the drones
    to do something; a strike noun may also be bound by a casualty figure.
    """
    s, e = frame.scope
    if frame.distinct and (_SERIES_NEXT.match(text, frame.trigger.start) or re.search(
            r"\s(?:hit|struck|targeted|killed|came|took\s+place|occurred|was\s+carried\s+out)$", frame.trigger.text)):
        # "About two hours later, a compound ... was hit", "The deadliest of the three attacks came"
        return True
    bound = bool(
        (_DRONES_ACT.search(text, s, e) and not _HARMLESS_DROP.search(text, s, e))
        or (frame.type == "air_strike" and _AIR_ACT.search(text, s, e))
        or _KILLED_IN.search(text, s, e)
        or _STRIKE_ON.search(text, s, e)
        or _STRIKE_DID.search(text, s, e)
        or _INSTRUMENT.search(text, s, e)
        or _STORY_VERB.search(text, s, e)
        or _USED_DRONE.search(text, s, e)
        # "At least four missiles, fired from the American drones that had been circling over
        # the town since dawn, hit the gathering"
        or (frame.type == "drone_strike" and _MISSILES_HIT.search(text, s, e))
        # "several drones were seen hovering over the village ..., and that one of them fired four
        # missiles at a house"
        or re.search(r"(?i:\b(?:drones|UAVs)\b[^.;]{0,160}?\bone\s+of\s+them\s+(?:fired|struck|hit|launched|dropped)\b)",
                     text[s:e])
        # "a pilotless aircraft had been circling over the area for about an hour before it fired
        # two missiles at the compound"
        or re.search(r"(?i:\b(?:drones?|UAVs?|aircraft|pilotless\s+\w+|spy\s+planes?)\b[^.;]{0,120}?\b(?:before|until|"
                     r"then|and)\s+(?:it|they)\s+(?:fired|struck|hit|launched|dropped\s+(?:\w+\s+)?bombs?)\b)", text[s:e])
        # a headline's present tense: "Somalia: drones strike Shebab in Kismayo"
        or (_DRONES_STRIKE_NOW.search(text, s, e) and not re.search(r"[.!?]\s*$", frame.sentence.text))
    )
    if bound:
        return True
    # a list entry's act may be its toll alone ("Seven people killed in a house")
    if not re.search(r"(?i:strike|attack|raid|killed|died|dies|dead|destroyed|missile)",
                     frame.trigger.text) and not frame.distinct:
        return False
    if _FIGURE_KILL.search(text, s, e) or re.search(
        r"\b(?:killing|killed|kills|kill)\s+(?:[\w-]+\s+){0,5}?"
        r"(?:people|persons|militants|civilians|fighters|members|suspected|"
        r"commanders?|leaders?|insurgents|terrorists|more|others|men|soldiers)\b",
        text[s:e], re.IGNORECASE,
    ):
        return True
    return any(f.category in ("killed", "injured") for f in find_figures(text, s, e))


def _strong_negation(word: str) -> bool:
    w = word.lower()
    return w.startswith(("denied", "denies", "deny", "not ", "no ", "never", "shot down", "crash",
                         "downed", "intercepted", "false", "ruled out", "rejected"))


def _past_event_phrase(text: str, s: int, e: int) -> bool:
    return bool(
        re.search(
            r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:killed|wounded|"
            r"injured|hit|struck|targeted|destroyed)\b|\b(?:killed|killing)\s+(?:at\s+least\s+)?"
            r"\w+\s+(?:\w+\s+)?(?:people|militants|civilians|persons|suspected|fighters|members)\b"
            r"|\bdrones?\s+(?:\w+\s+){0,2}(?:fired|struck|hit|killed|targeted)\b",
            text[s:e],
            re.IGNORECASE,
        )
    )


_PLURAL_BEFORE = re.compile(
    r"\b(?:these|those|the|such|all|many|several|\d+)\s+(?:\w+\s+)?(?:strikes|attacks|raids)\b[^.;]{0,90}$",
    re.IGNORECASE)
#: "the first of 3 strikes", "the latest in a series of attacks": where one strike stands
# (an ordinal, not "North Waziristan in two attacks")
_ONE_OF = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
                     r"\w+teenth|\w+tieth|last|latest|newest|final|deadliest|bloodiest|biggest|largest|heaviest)\s+"
                     r"(?:of\s+(?:the\s+)?(?:\w+\s+)?|(?:\w+\s+)?in\s+)$",
                     re.IGNORECASE)
# "In recent months, suspected US drones have fired missiles ... on several occasions": what
# drones have been doing, said of the strike's own sentence
_HABITUAL_HERE = re.compile(r"\b(?:on\s+(?:several|many|numerous|multiple)\s+occasions|in\s+recent\s+(?:months|weeks|years)|"
                            r"most\s+frequently\s+targeted|(?:has|have)\s+(?:repeatedly|regularly|frequently|routinely)\s+"
                            r"(?:targeted|struck|hit|attacked|bombed))\b", re.IGNORECASE)
_HABITUAL = re.compile(r"\b(?:every\s+(?:few\s+)?(?:days|weeks|months)|somewhere\s+in|time\s+and\s+again|"
                       # "an area that had rarely been hit by drones"
                       r"(?:has|have|had)\s+(?:rarely|seldom|often|frequently|repeatedly|regularly|routinely|long|never)\s+"
                       r"been\s+(?:hit|targeted|struck|attacked|bombed)|"
                       r"(?:usually|typically|routinely)\s+(?:\w+\s+)?(?:fire|fires|hit|hits|kill|kills|strike|strikes))\b",
                       re.IGNORECASE)


_HAS_BEEN_USING = re.compile(
    r"\b(?:has|have)\s+(?:long\s+|repeatedly\s+|also\s+|increasingly\s+|since\s+\w+\s+)?(?:been\s+)?"
    r"(?:deploy|use|fly|flie|flown|operat|employ)\w*\s+(?:[\w-]+\s+){0,3}?(?:drones|UAVs)\b",
    re.IGNORECASE,
)


def _is_plural(text: str, frame: Frame) -> bool:
    """Several strikes: "drone strikes", "drones struck twice", "two drone attacks"."""
    s, e = frame.scope
    t = frame.trigger
    window = text[t.start : min(e, t.end + 15)]
    if re.match(r"\s*(?:The|This|That)\s+(?:[\w-]+\s+){0,2}?(?:attack|strike|raid|of\s+the\s+(?:\w+\s+)?(?:strikes|attacks|raids))"
                r"\s+(?:came\s+(?:before\s+dawn|in\s+the\s+(?:early\s+|late\s+)?(?:morning|afternoon|evening|night)|at\s+(?:about\s+|around\s+)?\d|"
                r"late|early|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))|began|took\s+place|happened|occurred)\b",
                text[s:e]):
        # "The largest attack came before dawn on Sunday, when drones fired repeatedly at a
        # camp": one attack of several volleys
        return False
    if re.search(r"(?i:\bthe\s+(?:first|second|third|last|final|deadliest|latest|heaviest)\s+of\s+(?:the\s+)?"
                 r"(?:[\w'’-]+\s+){0,2}?(?:two|three|four|five|six|\d)\s+(?:\w+\s+)?$)", text[max(s, t.start - 60) : t.start]):
        return False  # "The first of Wednesday's three strikes hit two adjoining houses": one of them
    if re.search(r"(?i:\bthe\s+(?:first|second|third|last|final|deadliest|latest|heaviest)\s+of\s+(?:the\s+)?"
                 r"(?:[\w'’-]+['’]s\s+)?(?:drone\s+)?$)", text[max(s, t.start - 60) : t.start]):
        return False  # "The first of Monday's strikes targeted a car in the Manaseh area": one of them
    m = re.match(r"(?:\w+[- ]){0,2}?(?:strikes|attacks|raids)\b", window, re.IGNORECASE)
    if m and not _SERIES_HEAD.fullmatch(t.text):
        # "drone strikes killed" (plural noun) vs "drones struck" (verb)
        return True
    trig = t.text.lower()
    if _SERIES_HEAD.fullmatch(t.text):
        return False  # "The deadliest of the three attacks came ...": one of them
    if trig.endswith("drones") and re.search(r"(?i:\bthe\s+(?:air\s*-?)?(?:strikes|attacks|raids)\s+(?:\w+\s+)?(?:killed|left)\b)",
                                            text[t.end : e]):
        return True  # "officials said drones and manned aircraft took part and that the strikes killed at least 11"
    if re.search(r"\b(?:strikes|attacks|raids)\b", trig):
        return True
    # "U.S. drones have killed at least 400 civilians in Pakistan", "Thousands of innocent people
    # have been killed by American drones": what drones have done over time
    if re.match(r"(?i:drones|UAVs)\s+(?:\w+\s+){0,2}?(?:have|has)\s+(?:\w+\s+)?(?:killed|left)\b",
                text[t.start : min(e, t.end + 40)]) or (re.search(
            r"(?i:\b(?:have|has|had)\s+been\s+(?:killed|martyred)\s+(?:\w+\s+){0,3}?by\s+(?:[\w.-]+\s+){0,2}?$)",
            text[max(s, t.start - 80) : t.start]) and t.text.lower().endswith("s")):
        return True
    # "These strikes, with Reaper or Predator drones, killed ..."; but "In the first of 3
    # strikes, ..." tells one of them
    pl = _PLURAL_BEFORE.search(text, max(s, t.start - 120), t.start)
    if pl and not _ONE_OF.search(text, max(s, pl.start() - 40), pl.start()):
        return True
    # "drones struck Pakistan's North Waziristan tribal region nine times"
    if re.search(r"\b(?:struck|strike|hit|attacked|fired)\s+(?:[\w'’-]+\s+){0,8}?(?:twice|thrice|"
                 r"(?:three|four|five|six|seven|eight|nine|ten|several|\d+)\s+times|repeatedly)\b",
                 text[s:e], re.IGNORECASE):
        return True
    # "US drones fired missiles at three places in Kurram Agency on Friday"
    if re.search(r"\b(?:fired|struck|hit|attacked|targeted)\s+(?:[\w'’-]+\s+){0,3}?(?:at\s+|in\s+)?(?:two|three|four|five|"
                 r"several|multiple|dozens\s+of|scores\s+of)\s+(?:different\s+|separate\s+)?(?:places|locations|sites|areas|"
                 r"villages|targets|positions)\b",
                 text[t.start : e], re.IGNORECASE):
        return True
    for m in re.finditer(
            r"\b(?:two|three|four|five|several|multiple|a\s+series\s+of|twin|a\s+spate\s+of|a\s+string\s+of)"
            r"\s+(?:\w+\s+){0,2}(?:drone\s+)?(?:(?:air\s*-?)?strikes|attacks|raids)\b",
            text[s:e], re.IGNORECASE):
        # "..., the latest in a series of attacks": where this one strike stands, not several
        if not _ONE_OF.search(text, max(s, s + m.start() - 40), s + m.start()):
            return True
    return False
