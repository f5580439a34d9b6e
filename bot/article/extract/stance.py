"""Phase 'stance': asserted, reported, denied or acknowledged, from the words of one statement."""

from __future__ import annotations

import re

from ..casefree import CaseFree, lower_text
from ..model import Stance

_DENY = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ial)|refut(?:e|es|ed|ing)|rebut(?:s|ted|ting)?|push(?:ed|es|ing)? back"
    r"|(?:reject|dismiss|disput|contest|counter)\w*\s+(?:[\w'’]+\s+){0,3}?(?:claims?|allegations?|reports?|accusations?"
    r"|rumou?rs?|speculation|suggestions?|criticism|concerns?|the (?:idea|notion|characteri[sz]ation|narrative)"
    r"|notions?|assertions?|charges?|that|as)"
    r"|call(?:s|ed|ing)?\s+(?:\w+\s+){0,8}?(?:false|untrue|baseless|inaccurate|unfounded|misleading|fake|nonsense|wrong)"
    r"|(?:is|was|are|were)\s+(?:not true|untrue|false|baseless|unfounded)|no truth)\b"
    # Denials without a deny-word: what the answer calls the report.
    r"|\b(?:reject\w*\s+what\b|(?:entirely |completely |totally |wholly )?without merit|no (?:factual )?basis"
    r"|baseless|unfounded|made[- ]up|fabricat(?:ed|ion)|(?:is|was|are|were)(?:n't| not)\s+(?:\w+\s+)?accurate"
    r"|replete with inaccuracies|false and misleading|categorically|never (?:been|happened)"
    r"|(?:allegations?|claims?|reports?|rumou?rs?|suggestions?|accusations?|story)\b[^.;]{0,80}?\b(?:is|are|was|were)\s+"
    r"(?:\w+\s+)?(?:incorrect|wrong|false|inaccurate|untrue|misleading|nonsense|fiction))\b"
    r"|否认|驳斥|辟谣|不实|失实|不属实|纯属|空穴来风|子虚乌有|无中生有|毫无根据|并非事实|没有此事",
    re.I,
)
# "has no plans to ..." denies only when it answers a report ("... reported. X has no plans to ...").
_DENY_IF_REPORTED = re.compile(
    r"\b(?:ha(?:s|ve|d) no (?:plans?|intention) to|(?:is|are|was|were) not in talks|no such (?:plans?|talks|deal))\b"
    r"|并无|没有(?:相关)?计划|暂无计划",
    re.I,
)
_ACK = re.compile(
    r"\b(?:acknowledg\w*|admit(?:s|ted|ting)?|conced(?:e|es|ed|ing)|recogni[sz](?:e|es|ed)\s+that|regrett?(?:ed|s)?"
    # Admissions without an admit-word: apologies, responsibility taken, mistakes owned.
    r"|apologi[sz](?:e|es|ed|ing)|apolog(?:y|ies)|sorry|mea culpa|(?:took|takes|take|taking) (?:full |personal )?responsibility"
    r"|fell on (?:his|her|their) swords?|wrongly assumed|(?:I|we) (?:clearly |simply )?failed|(?:made|make) (?:a |some |many )?mistakes?"
    r"|my (?:fault|mistake)|confirm(?:s|ed|ing)?\s+(?:the\s+)?(?:reports?|layoffs?|job cuts|departures?|resignations?|breach|leak|losses))\b"
    r"|承认|坦承|道歉|致歉|歉意|检讨",
    re.I,
)
_REPORTED = re.compile(
    r"\b(?:reportedly|according to|(?:is|are|was|were) (?:said|reported|rumou?red|believed|understood) to"
    r"|(?:has|have|had)? ?been reported|(?:was|were|is|are) reported|sources?\s+(?:familiar|close|said|say|told)"
    r"|people (?:familiar|close|briefed)|reports? (?:suggest|indicate|say|said|claim)\w*|rumou?r\w*|allegedly|alleged"
    r"|purportedly|it is understood|(?:did|does|do) not (?:deny|confirm)|media reports|reported that"
    r"|(?:citing|cited)\s+(?:people|sources|unnamed|a person|documents|a report))\b|\breported[.!]?\s*$"
    r"|据报道|据悉|据称|(?:有|据)传(?:闻|言)|传(?:闻|言)(?:称|说|指|显示)|据传|消息人士|知情人士|报道称"
    # unnamed parties as the source: '据相关方面介绍', '有关人士透露'
    r"|据(?:相关|有关)(?:方面|人士|部门)|(?:相关|有关)(?:方面|人士)(?:介绍|透露|称|表示|指出)",
    re.I,
)
_NEGATED_ACK = re.compile(
    r"\b(?:(?:did|does|do|has|have|had|would|will)\s+not\s+(?:admit|acknowledge|concede)|without\s+(?:admitting|acknowledging|conceding)|no admission)\b",
    re.I,
)
_NEGATED_DENY = re.compile(
    r"\b(?:did|does|do|has|have|had|would|could)\s+not\s+(?:deny|denied|refute|dispute)\b", re.I
)


# Denials the first pattern misses (issue 16, real news): the answer's own words for the report or the act.
_DENY_MORE = re.compile(
    r"\b(?:(?:utterly|absolutely|completely|totally|entirely|patently|demonstrably|flatly|blatantly|simply)\s+"
    r"(?:false|untrue|fake|baseless|groundless|unfounded|inaccurate|misleading|fabricated|rejects?|rejected|denie[sd]|deny)"
    r"|(?:is|was|are|were|be)\s+(?:\w+\s+)?(?:fake|bogus|groundless|spurious|meritless|defamatory)"
    r"|groundless|no (?:foundation|substance|evidence)|lacks?\s+(?:any\s+|all\s+)?(?:substance|basis|foundation|merit)"
    r"|(?:found|find|finds|finding)\s+(?:absolutely\s+)?(?:nothing|no\s+(?:evidence|proof|sign|basis|wrongdoing))"
    r"|(?:does|do|did)(?:n't|\s+not)\s+support\s+(?:the\s+|these\s+|those\s+|any\s+)?(?:claims?|allegations?|accusations?|reports?)"
    r"|false\s+(?:claims?|allegations?|reports?|stor(?:y|ies)|accusations?|articles?|information|rumou?rs?)"
    r"|never\s+(?:threatened|pressured|asked|sought|offered|paid|received|discussed|approached|authori[sz]ed|intended|planned|considered|found|said|told"
    r"|engaged|shared|sold|used|violated|knew)"
    r"|without\s+(?:any\s+)?(?:foundation|basis)|nothing could be further from the truth"
    r"|(?:is|are|was|were|am)\s+not\s+aware\s+of\s+(?:any|such)|mischaracteri[sz]\w*|misrepresent\w*"
    r"|(?:memo|article|note|filing|account|piece|coverage|headline|rumou?r|report|story|stories|claim|allegation"
    r"|accusation|assertion|characteri[sz]ation)s?\b[^.;]{0,80}?\b(?:is|are|was|were)\s+(?:\w+\s+)?"
    r"(?:incorrect|wrong|false|inaccurate|untrue|misleading|nonsense|fiction|baseless|unfounded)"
    r"|distort(?:s|ed|ing)\s+(?:the|our|my|his|her|their|what|its)\b|(?:contain\w*|full\s+of|riddled\s+with)\s+(?:\w+\s+)?inaccuracies"
    r"|(?:has|have|had|did)(?:n't|\s+not)\s+(?:paid|received|threatened|pressured)"
    r"|disagree\w*\s+with\s+(?:the\s+|its\s+|their\s+|these\s+)?(?:\w+\s+)?(?:findings|report|reports|claims?|allegations?|conclusions?|characteri[sz]ation|story|article)"
    r"|(?:reject|dismiss|disput|contest|counter)\w*[\"”’]\s+(?:[\w'’]+\s+){0,3}?(?:claims?|allegations?|reports?|accusations?|charges?)"
    r"|call(?:s|ed|ing)?\s+(?:[\"“‘]?[\w'’-]+[,\"”’]?\s+){0,8}?[\"“‘]?(?:false|untrue|baseless|inaccurate|unfounded"
    r"|misleading|fake|nonsense|wrong|fiction|fabricat\w*|ridiculous|absurd|a\s+lie|lies|garbage|rubbish|bogus|smear))\b"
    # talks that never were, a hoax, a document that is not theirs, a report brushed off, a stay announced
    r"|\bnever\s+(?:had|held)\s+(?:any\s+)?(?:\w+\s+)?(?:discussions?|talks|negotiations|contacts?|dealings)\b"
    r"|\b(?:is|was|it's|it’s|that's|that’s|as)\s+(?:a\s+|an\s+)?(?:\w+\s+)?hoax\b|\bmeritless\b"
    r"|\bbrush(?:es|ed|ing)?\s+(?:off|aside)\s+(?:the\s+|these\s+)?(?:\w+\s+)?(?:reports?|claims?|allegations?|rumou?rs?|speculation)\b"
    r"|(?:\b(?:is|was)|'s|’s)(?:n't|n’t|\s+not)\s+(?:our|my|his|her|their|its)\s+(?:own\s+)?(?:\w+\s+)?(?:release|statement|document|letter"
    r"|e-?mail|account|post|signature|product)\b"
    r"|\b(?:am|is|are|'m|’m)\s+not\s+(?:planning|going)\s+to\s+(?:go\s+anywhere|leave|step\s+down|resign|quit)\b"
    r"|与事实[^，,。]{0,3}不符|不符合事实|从没有|从未|未曾|捏造|抹黑|歪曲|恶意中伤|不存在|纯属虚构|虚假|没有任何依据"
    # a rumour word denies when the text says the thing is one ('均为谣言', '系谣言'), not when it names one
    r"|(?:是|(?<![因作成认])为|系(?!列)|属于?|乃|实为|都是)[^，,。]{0,12}谣言|谣言[^，,。]{0,4}不攻自破"
    r"|(?:散播|散布|编造|制造)[^，,。]{0,8}谣言|恶意[^，,。]{0,4}(?:散播|散布|造谣|传播|中伤)"
    # English: what a lawsuit or a report is called
    r"|\b(?:frivolous|sham\s+(?:litigation|lawsuit|suit|claims?)|(?:false|untrue)\s+and\s+defamatory|defamatory\s+(?:claims?|allegations?|reports?|stor(?:y|ies)|articles?))\b",
    re.I,
)
# Chinese denials in answer to a rumour: '未 ... 也未 ...' ('did not ... nor ...'), '没有' after a rumour.
_DENY_IF_REPORTED_MORE = re.compile(
    r"未[^。]{1,40}?也未|并未|未对|并非"
    r"|\bthere\s+(?:is|was|are|were|has\s+been|have\s+been)\s+(?:absolutely\s+|simply\s+|currently\s+)?no\b",
    re.I,
)
# Admissions the first pattern misses: a speaker's own mistake, in their words or the reporter's.
_ACK_MORE = re.compile(
    r"\b(?:walk(?:s|ed|ing)?\s+back|back(?:s|ed|ing)?\s+down\s+from|(?:i|we)\s+(?:was|were)\s+(?:\w+\s+)?wrong"
    r"|(?:i|we|my|our)\b[^.;!?]{0,80}?\b(?:inappropriate|plain\s+wrong|was\s+wrong|an\s+error|clumsily|not\s+consistent\s+with)"
    r"|accept(?:s|ed|ing)?\s+(?:full\s+|personal\s+)?responsibility|own(?:s|ed)?\s+up|got\s+(?:it|this|that)\s+wrong"
    r"|fell\s+short|fallen\s+short|falls\s+short|fall(?:s|ing)?\s+short|(?:fell|fallen|falls?|falling)\s+(?:\w+ly\s+|far\s+)short"
    r"|(?:did|does|do|has|have|had)(?:n't|n’t|\s+not)\s+live(?:d)?\s+up\s+to"
    r"|(?:we|i|it|the\s+company)\s+(?:have\s+|has\s+)?fail(?:ed|ing)\b|(?:our|my|its)\s+(?:own\s+)?failures?"
    r"|confirm(?:s|ed|ing)?\s+(?:that\s+)?(?:it|he|she|they|the\s+company)\s+(?:had|has|was|is|were|would|will)\s+(?:been\s+)?"
    r"(?:\w+\s+){0,2}?(?:investigat\w*|hacked|breached|cutting|closing|laying\s+off|suspend\w*|recall\w*|fined|sued|charged"
    r"|delay\w*|resign\w*|leaving|stepping\s+down|under\s+investigation)"
    r"|(?:did|does|do|has|have)(?:n't|n’t|\s+not)\s+(?:\w+\s+)?follow(?:ed)?\s+(?:its|our|their|his|her|my)\s+own\s+(?:\w+\s+)?"
    r"(?:standards|rules|procedures|policies|guidelines|process|processes)"
    r"|(?:i|we)\s+should(?:n't|\s+not)\s+have|(?:i|we)\s+should\s+have\s+(?:known|done|been))\b"
    r"|个人失误|工作失误|认识不足|深感愧疚|深表歉意|不当言论|对不起|反省|自我批评|我的失误|我们的失误|自身失误"
    r"|(?:本人|我们|我|本报|本刊|本台|本网)[^。]{0,40}?(?:掌握不足|把握不准|把关不严|审核不严|核实不够|疏忽|失误|主观臆测)",
    re.I,
)
# Hearsay the first pattern misses: rumours and claims the writer does not vouch for.
_REPORTED_MORE = re.compile(
    r"\balleg(?:e|es|ing)\b|网传|声称|有消息称|有[\u4e00-\u9fff]{1,4}消息称|据[^，,。据]{1,16}报道|\b(?:the\s+report|the\s+story|the\s+article)\s+(?:said|says|added|adds|claimed|noted)\b"
    r"|\b(?:people|persons?|sources?)\s+with\s+(?:direct\s+)?knowledge\b"
    r"|\bthe\s+(?:newspaper|paper|magazine|outlet|website|publication|broadcaster)\s+(?:reported|said|wrote|says|reports)\b"
    r"|媒体报道|有报道|报道指出|援引|自媒体|网帖|爆料"
    # rumour networks: '市场传闻…', '坊间传言', '有网友称'
    r"|(?:市场|坊间|网络|网上|业内|圈内)(?:传闻|传言|流传)|网友(?:称|发帖|表示)|(?:流传|盛传)(?:着|称)?",
    re.I,
)

# Each pattern behind a gate: literal pieces one of which every match of it contains (checked in
# tests/article/test_casefree.py). Most statements carry none of these cues, so most patterns never run.
_DENY_PIECES = [
        "deny", "deni", "refut", "rebut", "push", "reject", "dismiss", "disput", "contest", "counter",
        "untrue", "not true", "no truth", "false", "baseless", "unfounded", "without merit", "no basis",
        "no factual basis", "made up", "made-up", "fabricat", "accurate", "replete", "categorically",
        "never been", "never happened", "incorrect", "wrong", "misleading", "nonsense", "fiction", "fake",
        "否认", "驳斥", "辟谣", "不实", "失实", "不属实", "纯属", "空穴来风", "子虚乌有",
        "无中生有", "毫无根据", "并非事实", "没有此事",
    ]  # fmt: skip
_DENY_IF_REPORTED_PIECES = ["no plan", "no intention", "not in talks", "no such", "并无", "没有", "暂无计划"]
_ACK_PIECES = (
    "acknowledg admit conced recogni regret apolog sorry culpa responsibility sword wrongly failed mistake "
    "fault confirm 承认 坦承 道歉 致歉 歉意 检讨"
).split()
_REPORTED_PIECES = [
        "report", "according to", "said to", "rumo", "believed to", "understood", "source",
        "people familiar", "people close", "people briefed", "allege", "purport", "not deny",
        "not confirm", "citing", "cited", "据报道", "据悉", "据称", "传闻", "传言", "据传", "消息人士", "知情人士", "报道称", "相关", "有关",
    ]  # fmt: skip
_NEGATED_ACK_CUES = CaseFree(_NEGATED_ACK, ["admi", "acknowledg", "conced"])
_NEGATED_DENY_CUES = CaseFree(_NEGATED_DENY, ["deny", "denied", "refute", "dispute"])
_NEVER_VERBS = "threatened pressured asked sought offered paid received discussed approached authorised authorized intended planned considered found said told engaged shared sold used violated knew"
_DENY_MORE_PIECES = [
        "false", "untrue", "fake", "baseless", "groundless", "unfounded", "inaccurate", "misleading",
        "fabricat", "reject", "denie", "deny", "bogus", "spurious", "meritless", "defamatory", "no foundation",
        "no substance", "no evidence", "lack", "found nothing", "find nothing", "finds nothing",
        "finding nothing", "found absolutely", "find absolutely", "finds absolutely", "finding absolutely",
        "found no", "find no", "finds no", "finding no", "not support", "n't support", "not paid", "n't paid",
        "not received", "n't received", "not threatened", "n't threatened", "not pressured", "n't pressured",
        "disagree", "dismiss", "disput", "contest", "counter", "without foundation", "without any foundation",
        "without basis", "without any basis", "further from the truth", "not aware", "mischaracteri",
        "misrepresent", "distort", "inaccuracies", "incorrect", "wrong", "nonsense", "fiction", "ridiculous",
        "absurd", "a lie", "lies", "garbage", "rubbish", "smear",
        *(f"never {verb}" for verb in _NEVER_VERBS.split()),
        "与事实", "不符合事实", "从没有", "从未", "未曾", "捏造", "抹黑", "歪曲",
        "恶意", "不存在", "纯属虚构", "虚假", "没有任何依据", "谣言", "frivolous", "sham", "defamatory",
        "never had", "never held", "hoax", "meritless", "brush", "not planning", "not going",
        "not our", "not my", "not his", "not her", "not their", "not its", "n't our", "n't my", "n't his", "n't her", "n't their", "n't its", "n’t our", "n’t my", "n’t his", "n’t her", "n’t their", "n’t its",
    ]  # fmt: skip
_DENY_IF_REPORTED_MORE_PIECES = ["未", "并非", "there"]
_ACK_MORE_PIECES = [
        "walk", "back down", "backs down", "backed down", "backing down", "wrong", "inappropriate", "error",
        "clumsily", "consistent", "responsibility", "owned up", "owns up", "own up", "fell short",
        "fallen short", "falls short", "fall short", "falling short", " short", "live up", "lived up", "fail", "confirm", "follow",
        "should have", "should not have", "shouldn't have", "个人失误", "工作失误", "认识不足", "深感愧疚",
        "深表歉意", "不当言论", "对不起", "反省", "自我批评", "我的失误", "我们的失误", "自身失误",
        "掌握不足", "把握不准", "把关不严", "审核不严", "核实不够", "疏忽", "失误", "主观臆测",
    ]  # fmt: skip
_REPORTED_MORE_PIECES = [
        "alleg", "网传", "声称", "有消息称", "消息称", "据", "the report", "the story", "the article",
        "knowledge", "newspaper", "paper", "magazine", "outlet", "website", "publication", "broadcaster",
        "媒体报道", "有报道", "报道指出", "援引", "自媒体", "网帖", "爆料", "传闻", "传言", "流传", "网友", "盛传",
    ]  # fmt: skip


def _either(first: re.Pattern[str], more: re.Pattern[str]) -> re.Pattern[str]:
    """One pattern for a cue list and its additions: one gate and one scan per statement instead of two."""
    return re.compile(f"(?:{first.pattern})|(?:{more.pattern})", re.I)


_DENY_CUES = CaseFree(_either(_DENY, _DENY_MORE), [*_DENY_PIECES, *_DENY_MORE_PIECES])
_DENY_IF_REPORTED_CUES = CaseFree(
    _either(_DENY_IF_REPORTED, _DENY_IF_REPORTED_MORE),
    [*_DENY_IF_REPORTED_PIECES, *_DENY_IF_REPORTED_MORE_PIECES],
)
_ACK_CUES = CaseFree(_either(_ACK, _ACK_MORE), [*_ACK_PIECES, *_ACK_MORE_PIECES])
_REPORTED_CUES = CaseFree(_either(_REPORTED, _REPORTED_MORE), [*_REPORTED_PIECES, *_REPORTED_MORE_PIECES])

_ZH_OWN_FAULT = re.compile(
    r"(?<![不未没拒])(?:道歉|致歉|歉意|承认)|对不起|(?:工作|个人|自身|我的|我们的)失误"
    r"|(?:本人|我们|我|本报|本刊)[^。]{0,40}?(?:掌握不足|把握不准|把关不严|审核不严|核实不够|主观臆测)"
)
_ZH_FIRM_DENY = re.compile(r"否认|驳斥|辟谣")
# A rumour named in the statement before: what a bare '未…' or 'there is no …' answers.
_RUMOUR_NOUN = re.compile(r"传言|传闻|谣言|网传|报道|\breport(?:s|ed|ing)?\b|\brumou?rs?\b|\bspeculation\b")

_QUOTE_MARKS = re.compile(r"[\"“”‘「」]|(?<![\w])'|'(?![\w])")


def stance_of(text: str, context: str = "", low: str | None = None) -> Stance:
    """The stance of one statement; ``context`` is the statement before it (a report it may answer);
    ``low`` is ``lower_text(text)`` when the caller has it already."""
    if '"' in text or "“" in text or "”" in text or "‘" in text or "「" in text or " '" in text:
        # Quotation marks inside a phrase ('called the report "false"', 'was \'not accurate\'') do not change
        # what it says: the cues are read without them (the stance needs no positions).
        text = _QUOTE_MARKS.sub("", text)
        low = None
    if low is None:
        low = lower_text(text)
    if _ZH_OWN_FAULT.search(low or text) and not _ZH_FIRM_DENY.search(low or text):
        # '就不实内容致歉', '由于我们的工作失误…虚假消息…致歉': a rumour or 'false' word inside an apology for
        # one's own article is what is admitted, not denied.
        return Stance.ACKNOWLEDGED
    if _DENY_CUES.search(text, low) and not _NEGATED_DENY_CUES.search(text, low):
        return Stance.DENIED
    if _DENY_IF_REPORTED_CUES.search(text, low) and (
        _REPORTED_CUES.search(text, low)
        or _REPORTED_CUES.search(context)
        or _RUMOUR_NOUN.search(lower_text(context) or context)
    ):
        return Stance.DENIED
    if _ACK_CUES.search(text, low) and not _NEGATED_ACK_CUES.search(text, low):
        return Stance.ACKNOWLEDGED
    if _REPORTED_CUES.search(text, low) or _NEGATED_DENY_CUES.search(text, low):
        return Stance.REPORTED
    return Stance.ASSERTED
