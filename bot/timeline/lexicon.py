"""Words of movement, hedging and denial, English and Chinese. General language only: no names."""

from __future__ import annotations

import re

from bot.article.lexicon import ROLE_HEADS, ROLE_MODIFIERS

# Each trigger: (pattern, kind, mode). Modes: "subj" — the person is the subject before the verb and the
# organization follows it ("X left OpenAI"); "obj" — an organization acts on the person after the verb ("Intel
# appointed X"), or the person comes first in the passive ("X was appointed"); "noun" — "X's departure",
# "the departure of X"; "cn_subj" / "cn_obj" are the Chinese forms of the first two.
_EN_TRIGGERS: list[tuple[str, str, str]] = [
    # a board's list: "the new directors are A, B and C", "named two new board members: A and B"
    (
        r"(?:the\s+)?new\s+(?:independent\s+)?(?:board\s+members|directors)\s+(?:are|were|include[sd]?)"
        r"|(?:named|appointed|added|elected)\s+(?:two|three|four|five|six|\d)\s+(?:new\s+)?(?:independent\s+)?"
        r"(?:board\s+members|directors)(?:\s+to\s+(?:its|the)\s+board)?(?=\s*:)",
        "appointed",
        "obj",
    ),
    (
        r"(?:the\s+)?(?:other\s+)?(?:exiting|departing|outgoing)\s+(?:board\s+members|directors)\s+(?:are|were|include[sd]?)",
        "left",
        "obj",
    ),
    # returned first: "rejoined" must not be read as "joined"
    (r"rejoin(?:s|ed|ing)?", "returned", "subj"),
    (r"return(?:s|ed|ing)?(?=\s+(?:to|as)\b)", "returned", "subj"),
    (r"(?:is|was|are|were)\s+back(?=\s+(?:at|as|to|in charge)\b)", "returned", "subj"),
    (r"c(?:ame|omes?|oming)\s+back(?=\s+(?:to|as)\b)", "returned", "subj"),
    (
        r"reinstat(?:e|es|ed|ing)|rehir(?:e|es|ed|ing)|restor(?:e|es|ed|ing)(?=\s+\S+(?:\s+\S+)?\s+as\b)",
        "returned",
        "obj",
    ),
    (r"join(?:s|ed|ing)?|c(?:ame|omes?|oming)\s+to(?=\s+[A-Z])", "joined", "subj"),
    (
        r"(?:move[sd]?|moving|defect(?:s|ed|ing)?|jump(?:s|ed|ing)?|switch(?:es|ed|ing)?|decamp(?:s|ed)?)(?=\s+to\b)",
        "joined",
        "subj",
    ),
    (r"sign(?:s|ed)?\s+on(?=\s+(?:with|at|as)\b)", "joined", "subj"),
    (
        r"hir(?:e|es|ed|ing)|recruit(?:s|ed|ing)?|poach(?:es|ed|ing)?|lur(?:e|es|ed|ing)|brought\s+in|bring(?:s|ing)?\s+in"
        r"|welcom(?:e|es|ed|ing)",
        "joined",
        "obj",
    ),
    (
        r"appoint(?:s|ed|ing)?|promot(?:e|es|ed|ing)|elect(?:s|ed|ing)?|install(?:s|ed|ing)?|elevat(?:e|es|ed|ing)",
        "appointed",
        "obj",
    ),
    (
        r"nam(?:e|es|ed|ing)|tap(?:s|ped|ping)?|pick(?:s|ed)?|cho(?:se|oses|osen)|select(?:s|ed)?",
        "appointed",
        "obj_role",
    ),
    (r"bec(?:ame|omes?|oming)", "appointed", "subj_role"),
    (
        r"t(?:ake|akes|aken|ook|aking)\s+over(?=\s+(?:as|from|at|the)\b)|t(?:ake|akes|ook|aking)\s+the\s+(?:helm|reins|top\s+job)",
        "appointed",
        "subj",
    ),
    (r"succeed(?:s|ed|ing)?(?!\s+(?:[\w\-]+\s+){0,4}?by\b)", "appointed", "subj"),
    (
        r"hand(?:s|ed|ing)?\s+(?:over\s+)?(?:his|her|their|the)\s+(?:\w+\s+)?(?:role|job|post|position|title|duties|reins)"
        r"(?:\s+over)?\s+to",
        "appointed",
        "obj",
    ),
    (r"step(?:s|ped|ping)?\s+(?:in|up)(?=\s+as\b)", "appointed", "subj"),
    (r"(?<=will\s)serve(?=\s+as\b)|(?<=to\s)serve(?=\s+as\b)", "appointed", "subj"),
    # "X will run the company until a successor is named", "a board chaired by X"
    (
        r"(?<=will\s)(?:run|lead|head)(?=\s+(?:the|its)\s+(?:company|firm|group|business|bank|lab|startup|start-up)\b)",
        "appointed",
        "subj",
    ),
    (r"(?<=board\s)chaired\s+by", "appointed", "obj"),
    (
        r"assum(?:e|es|ed|ing)\s+the\s+(?:role|post|position|title)"
        r"|t(?:ake|akes|aken|ook|aking)\s+on\s+the\s+(?:role|post|position|title)",
        "appointed",
        "subj",
    ),
    (
        r"(?:was|were|is|are|been|be)\s+forced\s+(?:out|to\s+(?:resign|step\s+down|leave|quit))",
        "fired",
        "subj",
    ),
    (
        r"fir(?:e|es|ed|ing)|oust(?:s|ed|ing)?|sack(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|remov(?:e|es|ed|ing)"
        r"|terminat(?:e|es|ed|ing)|push(?:es|ed|ing)?\s+out|forc(?:e|es|ed|ing)\s+out|let\s+go|ax(?:e|es|ed)|boot(?:s|ed)|depos(?:e|es|ed)",
        "fired",
        "obj",
    ),
    (
        r"step(?:s|ped|ping)?\s+(?:down|aside|away)|resign(?:s|ed|ing)?|quit(?:s|ting)?|retir(?:e|es|ed|ing)"
        r"|depart(?:s|ed|ing)?|exit(?:s|ed|ing)?|walk(?:s|ed|ing)?\s+away(?=\s+from\b)|bow(?:s|ed)?\s+out",
        "left",
        "subj",
    ),
    (r"le(?:ave|aves|aving|ft)(?!-)", "left", "subj"),
    (
        r"(?:is|was|are|were)\s+no\s+longer(?:\s+(?:running|leading|heading|with|at|in\s+charge\s+of)"
        r"|(?=\s+(?:the\s+)?(?:chief|ceo|president|chair|head)))",
        "left",
        "subj",
    ),
    # "Acme has parted ways with its CEO X", "Acme and X have parted ways"
    (r"part(?:s|ed|ing)?\s+ways\s+with", "left", "obj"),
    (r"(?:have|has|had)\s+parted\s+ways(?!\s+with)", "left", "subj"),
    # "X and Y will share the role on an interim basis", "Acme said that X will be the new CEO"
    (r"shar(?:e|es|ed|ing)\s+the\s+(?:role|post|position|job|title|duties)", "appointed", "subj"),
    (r"(?<=will\s)be(?=\s+(?:the|its|our)\s+(?:new|next)\s)", "appointed", "subj_role"),
    # "Acme replaced CEO X with Y", "X will be succeeded by Y": the one replaced leaves (the replacement is
    # read with it); "replacing X" only says whose post the subject takes
    (r"replac(?:es|ed)|succeed(?:s|ed)", "left", "obj"),
    (r"departure|resignation|exit|retirement", "left", "noun"),
    (r"ouster|ousting|firing|dismissal|sacking|removal", "fired", "noun"),
    (r"appointment|promotion", "appointed", "noun"),
    (r"hiring", "joined", "noun"),
    (r"return", "returned", "noun"),
]

EN_TRIGGER = re.compile(
    r"\b(?:" + "|".join(f"(?P<t{i}>{p})" for i, (p, _, _) in enumerate(_EN_TRIGGERS)) + r")\b", re.I
)
EN_TRIGGER_INFO = [(kind, mode) for _, kind, mode in _EN_TRIGGERS]

_CN_TRIGGERS: list[tuple[str, str, str]] = [
    (r"重新加入|重返|回归|复出|再度出任|重新出任|重掌|回到", "returned", "cn_subj"),
    (r"加入|加盟|入职|投奔|跳槽至|跳槽到|转投", "joined", "cn_subj"),
    (
        r"被任命为|获任命为|获委任为|受聘为|当选为?|出任|接任|接替|升任|晋升为|改任|(?<!不再)兼任|将担任|正式担任|开始担任|接掌|执掌"
        r"|(?<=[将已])(?:立即|正式)?成为(?=[^，。；,;]{0,10}(?:董事长|总裁|首席|CEO|总经理|主席))"
        r"|代为履行|代行|代理(?=公司|首席|总|董|CEO)",
        "appointed",
        "cn_subj",
    ),
    (r"任命|委任|委派|聘任|聘请|选举|推举|(?<=职务)交给|(?<=职位)交给|交棒给?", "appointed", "cn_obj"),
    (
        r"被解雇|遭解雇|被开除|被免职|被免去|被罢免|被撤职|被撤换|遭罢免|被辞退|被解职|被迫辞职|被迫离职",
        "fired",
        "cn_subj",
    ),
    (r"解雇|开除|免去|解除|罢免|撤换|撤销|辞退|解聘", "fired", "cn_obj"),
    (
        r"不再(?:担任|兼任|出任)|辞去|辞任|辞职|离职|卸任|退休|离开|告别|退出(?!非)|离任|请辞(?!去)|挂冠",
        "left",
        "cn_subj",
    ),
]
CN_TRIGGER = re.compile("|".join(f"(?P<c{i}>{p})" for i, (p, _, _) in enumerate(_CN_TRIGGERS)))
CN_TRIGGER_INFO = [(kind, mode) for _, kind, mode in _CN_TRIGGERS]

# Attribution to unnamed sources: the whole sentence is a report of a rumour, wherever the words stand.
SOURCE_HEDGE = re.compile(
    r"\b(?:people\s+(?:familiar|close|briefed|with\s+knowledge)|sources?\s+(?:familiar|close|said|say|says|told|tell|with)"
    r"|according\s+to\s+(?:people|sources|a\s+person|persons|insiders|unnamed|two|three|several|media|reports?)"
    r"|(?:citing|cited)\s+(?:people|sources|unnamed|a\s+person|insiders)|media\s+reports?|(?:a|the)\s+report\s+(?:said|says|claimed)"
    r"|unconfirmed)\b"
    # an unnamed source's word ("..., a blog said", "according to a newsletter"): reported, not stated
    r"|,\s*(?:a|an|one)\s+(?:[\w-]+\s+){0,3}?(?:said|says|reported|reports|wrote|writes|claimed|claims|posted|alleged)\b"
    r"|\baccording\s+to\s+(?:a|an|one)\s+(?!(?:statement|filing|release|memo|letter|announcement)\b)"
    r"|据报道|据传|传闻|传言|网传|传出|消息人士|知情人士|消息称|报道称|据媒体|市场传|坊间",
    re.I,
)
# A rumour word anywhere before the verb in its sentence makes it no move ("X, reportedly unhappy, left" is a
# loss we accept; "Reportedly, X has left" is the common case).
RUMOUR_BEFORE = re.compile(
    r"\b(?:reportedly|rumou?r(?:s|ed)?|speculat\w*|(?:is|are|was|were)\s+(?:said|rumou?red|believed|understood|tipped)\s+to"
    r"|reports?\s+(?:that|of|on|about|suggest\w*|say|said|claim\w*)|reported\s+(?:that|earlier)|allegedly"
    r"|report\s+(?:in|by|from)\s+[^.;]{0,60}?\bclaim\w*)\b",
    re.I,
)

# Words just before the verb that make it no move: intent, pressure, negation, possibility.
LOCAL_HEDGE = re.compile(
    r"\b(?:threaten(?:s|ed|ing)?|offer(?:s|ed|ing)?|call(?:s|ed|ing)?\s+(?:on|for)|urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?"
    r"|pressur(?:e|es|ed|ing)|ask(?:s|ed|ing)?|tr(?:y|ies|ied|ying)|attempt(?:s|ed|ing)?|refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing)"
    r"|won't|wouldn't|will\s+not|would\s+not|did\s+not|didn't|does\s+not|doesn't|do\s+not|don't|has\s+not|hasn't|have\s+not"
    r"|haven't|is\s+not|isn't|are\s+not|aren't|was\s+not|wasn't|never|not|no\s+plans?|no\s+intention|rule[sd]?\s+out"
    r"|could|might|(?-i:may)|consider(?:s|ed|ing)?|weigh(?:s|ed|ing)?|mull(?:s|ed|ing)?|explor(?:e|es|ed|ing)|eye(?:s|d|ing)?"
    r"|court(?:s|ed|ing)?|approach(?:es|ed|ing)?|in\s+(?:advanced\s+|early\s+|final\s+)?(?:talks|discussions|negotiations)"
    r"|negotiat(?:e|es|ed|ing)|seek(?:s|ing)?|sought|hop(?:e|es|ed|ing)|wants?|wanted|expected|likely|poised|whether|if"
    r"|candidates?|front-?runner|shortlist\w*|in\s+the\s+running|possible|potential|would-be|rather\s+than|instead\s+of"
    r"|den(?:y|ies|ied|ying)|rejected\s+(?:an?\s+)?(?:offer|overture)s?|turned\s+down|to\s+avoid|without)\b",
    re.I,
)
CN_LOCAL_HEDGE = re.compile(
    r"必须|应当|应该|须|未(?!来)|没有|没|不会|不(?!久|断|仅|过|再)|并非|无意|拒绝|或将|或(?!者)|可能|有望|考虑|寻求|洽谈|接触|商谈|谈判|希望|打算"
    r"|试图|要求|呼吁|传(?!统|媒|奇|出)|否认|辟谣|不实|谣言|假消息|继续|仍"
)

# Someone asks, demands or urges that the person go ("demanded that X resign", "called for X to step down"):
# a verb in its plain form after one of these anywhere before it in the sentence is no move.
PRESSURE = re.compile(
    r"\b(?:demand(?:s|ed|ing)?|call(?:s|ed|ing)?\b[^.;]{0,40}?\b(?:on|for|to)|urg(?:e|es|ed|ing)|press(?:es|ed|ing)?\s+(?:for|on)"
    r"|push(?:es|ed|ing)?\s+for|ask(?:s|ed|ing)?|insist(?:s|ed|ing)?|want(?:s|ed|ing)?|pressur(?:e|es|ed|ing)|must|should"
    r"|need(?:s|ed)?\s+to|ought)\b",
    re.I,
)

# Future: an announced move that has not happened yet.
FUTURE = re.compile(
    r"\b(?:will|shall|'ll|(?:plans?|planning|intends?|intending|set|scheduled|due|expects?)\s+to|(?:is|are)\s+to"
    r"|(?:is|are)\s+(?:leaving|joining|stepping|retiring|returning|departing)|would|upcoming|incoming|next)\b"
    r"|将|拟|计划|即将|预计",
    re.I,
)

ROLE_WORDS = ROLE_HEADS | ROLE_MODIFIERS | frozenset({"co-chief", "co-head", "co-president", "vice"})
ROLE_HEAD_WORDS = ROLE_HEADS | frozenset({"co-ceos", "ceos", "chairs", "heads", "officers"})

# A noun phrase that stands for an organization named before: "the company", "the startup".
GENERIC_ORG = re.compile(
    r"\b(?:the|its|this|that)\s+(?:company|firm|startup|start-up|group|lab|laboratory|chipmaker|carmaker|automaker|bank|"
    r"retailer|insurer|maker|giant|conglomerate|business|organization|organisation|board|company's\s+board|firm's\s+board)\b",
    re.I,
)
CN_GENERIC_ORG = re.compile(r"该公司|本公司|这家公司|这家企业|该企业|公司|该集团|集团|该行|董事会")
# An organization's name that only says what kind of body it is ("Board", "The Company"): it stands for the
# organization the article is about, like "the board".
GENERIC_ORG_NAME = re.compile(
    r"(?:the\s+)?(?:board(?:\s+of\s+directors)?|company|firm|group|startup|management|directors|董事会|公司|集团)",
    re.I,
)

# Chinese role words: a span after a verb splits at the first of these into organization and role.
CN_ROLES = (
    "首席执行官",
    "首席技术官",
    "首席财务官",
    "首席运营官",
    "首席科学家",
    "首席",
    "董事会主席",
    "董事会秘书",
    "行政总裁",
    "董事长",
    "副董事长",
    "董事",
    "总裁",
    "副总裁",
    "高级副总裁",
    "执行副总裁",
    "总经理",
    "副总经理",
    "主席",
    "联席",
    "执行董事",
    "独立董事",
    "负责人",
    "总监",
    "社长",
    "会长",
    "合伙人",
    "行长",
    "院长",
    "校长",
    "总编辑",
    "CEO",
    "CTO",
    "CFO",
    "COO",
    "代理",
    "临时",
    "法定代表人",
    "顾问",
)
CN_ROLE = re.compile("|".join(sorted(map(re.escape, CN_ROLES), key=len, reverse=True)))
CN_ORG_SUFFIX = re.compile(
    r"(?:公司|集团|银行|科技|大学|学院|研究院|实验室|基金|资本|证券|控股|汽车|电器|电子|网络|智能|中国|股份|有限|影业|传媒|工作室)$"
)
