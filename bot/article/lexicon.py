"""General-purpose word lists the extractor weighs evidence with.

Nothing here names a person, company or event from any article: these are common given names across
cultures, Chinese surnames, words for roles and kinds of organization, and capitalized words that are not
names. They raise or lower confidence; context in the article decides.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(w.strip().lower() for w in text.split() if w.strip())


GIVEN_NAMES = _words(
    """
    aaron abby abdul abdullah abe abel abigail abraham ada adam adele adrian adriana agnes ahmed ahmad aidan
    aiden aisha akira al alan alana albert alberto alec alejandro aleksandr alessandro alex alexa alexander
    alexandra alexandre alexandr alexei alexis alfred alfonso ali alice alicia alina alison allen allison alma
    alvaro amanda amber amelia amir amit amy ana anand anastasia anders andre andrea andreas andrei andrej
    andres andrew andrzej andy angel angela angelo anil anita anjali ann anna anne annie anthony anton antonio
    anya aoife april arash archie ari ariana arianna arjun arnaud arnold aron arthur arun arvind asha ashley
    ashok ava avi avery axel ayesha aziz barack barbara barry bart beatrice becky ben benedict benjamin
    bernard bernie beth betty bill billy bjorn blake bob bobby boris brad bradley brandon brenda brendan brett
    brian bridget brigitte brooke bruce bruno bryan caleb calvin camila cameron camille carl carla carlos
    carly carmen carol caroline carolyn casey catherine cathy cecilia cedric charles charlie charlotte chad
    chen-wei cheryl chiara chloe chris christian christina christine christoph christopher chuck cindy claire
    clara clarence claude claudia clement clint cody colin colm connor conor constance craig cristina curtis
    cynthia dae daisuke dale dan dana daniel daniela daniele danielle danny dario darius darren dave david
    dean deborah debra deepak denis dennis derek desmond devin diana diane diego dimitri dina dinesh
    dirk dmitri dmitry dominic dominique don donald donna doug douglas drew dylan ed eddie eden edgar edith
    eduardo edward edwin eileen elaine eleanor elena eli elias elijah elisa elisabeth eliza elizabeth ella
    ellen elliot elliott elon emanuel emil emily emma emmanuel enrico enrique eric erica erik erin ernest
    esther ethan eugene eva evan evelyn ezra fabian faisal farah fatima federico felipe felix fernando fidji
    filip fiona florian frances francesca francesco francis francisco franck francois frank franz fred
    frederic frederick frida gabriel gabriela gabrielle gail gareth gary gavin gemma gene geoff geoffrey
    george georg georges gerald gerard gerhard gianluca gil gina giorgia giovanni gisele giulia giuseppe
    glen glenn gloria gordon grace graham grant greg gregory guido guillaume gustavo guy gwen gwynne hailey
    hakan hamid hana hannah hans harold harry harvey hassan heather hector heidi helen helena henri henrik
    henry herbert hideo hilary hillary hiroshi hiro hitoshi holly howard hugh hugo hyun ian ibrahim igor ilya
    imran indra ines ingrid irene iris isaac isabel isabella isabelle ishaan ivan ivana jack jackie jackson
    jacob jacqueline jacques jade jaime jake jakub james jamie jan jane janet janice jared jason javier jay
    jean jean-claude jean-luc jean-marc jean-paul jean-pierre jeff jeffrey jennifer jenny jensen jeremy jerome
    jerry jesse jessica jesus jill jim jimmy jo joan joanna joao jochen jodi joe joel johann johannes john
    johnny jon jonah jonas jonathan jordan jorge jose josef joseph josh joshua joy juan judith judy jules
    julia julian julie julien julius jun jung june junichi justin kai kamala kapil karen karim karin karl
    kasper kat kate katherine kathleen kathryn kathy katie katrin kavya kay keiko keith kelly ken kenji
    kenneth kent kerry kevin khalid kim kimberly kirk klaus kristen kristin kunal kurt kyle lakshmi lance
    lara larry laura lauren laurence laurent lawrence leah lee leila lena leo leon leonard leonardo leslie
    lewis liam lila lily linda lindsay lindsey lionel lisa liz lloyd logan lois lorenzo lori louis louise
    luc luca lucas lucia lucy luis luiz luke lydia lynn madeleine madison magnus mahmoud maja makoto malcolm
    mandy manuel marc marcel marcelo marco marcus margaret margot maria mariana marie marina mario marion
    mark marko marta martha martin mary masa masato masayoshi mason mateo mathieu matt matteo matthew matthias
    maurice max maxim maxime maya megan mehmet mei melanie melissa mia michael michel michele michelle miguel
    mikael mike mikhail mila miles milo min min-jun mina mira miriam mitch mitchell mo mohamed mohammad
    mohammed monica morgan moritz muhammad mukesh murali mustafa nadia nancy naomi narendra natalia natalie
    natasha nathan nathaniel naveen neal neil nelson nick nicholas nicola nicolas nicole nigel nikhil nikita
    nikolai nina noah noel nora norman olaf oleg olga oliver olivia omar oren orlando oscar otto owen pablo
    pamela paolo parker pascal pat patricia patrick paul paula pavel pedro peggy penny per peter petra phil
    philip philipp philippe phoebe pierre pieter pooja prakash pranav preeti priya rachel radhika rafael
    rahul raj rajesh raju ralph ramesh ramon randall randy raphael raul ravi ray raymond rebecca reed reid
    rene renee reza ricardo richard rick ricky rishi rita rob robert roberta roberto robin rodrigo roger
    rohan roland rolf roman ron ronald rosa rosalind ross roy ruben rudy rupert russ russell ruth ryan
    ryota sabine sachin sadiq sagar sally salman sam samantha sameer samir sammy samuel sandeep sandra
    sanjay sara sarah sasha satoshi satya saul scott sean sebastian sergei sergey sergio seth shane
    shankar shannon sharon shawn sheila sheryl shigeru shinzo shira shirley shiv shreya shu sid simon simone
    sofia sonia sophia sophie stacy stan stanley stefan stefano steffen stella stephan stephane stephanie
    stephen steve steven stuart sue sujay sundar sunil susan susanne suzanne sven sylvia takashi takeshi
    tamara tanya tara taro ted teresa terry tessa thierry thomas tiffany tim timothy tina tobias todd tom
    tomas tommy toni tony tracy travis trevor troy tyler udo ulrich uma ursula uwe valentina valerie vanessa
    varun venkat vera veronica victor victoria vijay vikram vince vincent vinod virginia vishal vivek vladimir
    walter wayne wendy werner wesley will william willem wim wolfgang xavier yann yannick yasmin yoshi
    yoshua yuki yuri yusuf yves zach zachary zoe zoltan
    andrey kristalina nat christophe
    aarav abhishek aditya ajay akash amitabh anand ananya anupam arjun ashwin azim bhavesh chandra deepika
    dev devendra dhruv gautam girish gita gopal harsh hemant indira jay jayant kiran krishna kumar lalit
    madhav mahesh manish manoj meena mohan nandan neha nirmala nita nitin pallavi pankaj parag piyush pradeep
    rajiv rakesh ranjit ratan rohit sanjiv satish shailesh shashi shekhar shiv siddharth suresh sushil
    swati tanvi uday usha vandana vinay vinit yash
    chidi chinua femi kofi kwame ngozi oluwaseun tunde amara aliko
    haruki hideki hiroki kazuo kenichi koji masahiro naoki ryo satoru shinji takahiro tetsuya yasuo yoshiro
    yusaku ichiro tadashi akio
    jae-yong jae-in seung min-ho ji-hoon sung-hoon hye-jin
    wei ming hui jing ling xin yan yun chao
    """
)

# Common Chinese surnames in pinyin (for names written surname first: "Liang Wenfeng", "Lei Jun").
PINYIN_SURNAMES = _words(
    """
    wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song
    tang han feng deng cao peng zeng xiao tian dong yuan pan cai jiang yu du ye cheng wei su lu ding ren shen
    yao lu jin fu zhong wan qian dai fan fang shi qiu qin jia xia zou xiong bai meng hou lei long duan hao
    kong shao mao wen yin gu lai gong kang chang tan ni qi niu xing geng hua lou ou
    """
)

# The most common Chinese surname characters (a name of 2-4 characters usually starts with one of these).
CJK_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程魏苏吕丁任沈姚卢姜崔钟"
    "谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊"
    "葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲"
    "翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏"
    "席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
    # rarer surnames: each is only read where a cue (a role, a verb of saying, 先生/女士) marks a name
    "于鞠茅冼鄢阎蔺逯宓禹杭洪诸钮扈邸谌郜阙晁贝蔚仝厉晋"
)

# Role words. A phrase of these before a name ("Intel CEO", "chief research officer") marks a person.
ROLE_HEADS = _words(
    """
    ceo cfo cto coo cio cro cmo cso cpo chairman chairwoman chairperson chair president founder co-founder
    cofounder director head partner analyst researcher scientist engineer economist strategist spokesperson
    spokesman spokeswoman minister secretary governor senator representative congressman congresswoman
    lawmaker executive investor professor manager counsel commissioner ambassador mayor judge attorney lawyer
    chancellor premier official adviser advisor consultant entrepreneur billionaire reporter journalist
    editor columnist author leader boss chief officer vp svp evp treasurer trustee member designer
    developer programmer architect employee staffer veteran insider alumnus alumna pioneer inventor
    creator owner heir co-ceo ex-ceo principal dean fellow lead cofounders co-founders executives
    vice-president vice-chair vice-chairman vice-chairwoman vice-chancellor deputy-governor negotiator
    lobbyist activist campaigner organizer organiser administrator diplomat envoy regulator auditor banker
    trader broker
    researchers scientists analysts officials leaders founders investors engineers employees
    """
)
ROLE_MODIFIERS = _words(
    """
    chief executive financial technology technical operating research product marketing information
    strategy people science scientific legal commercial revenue security data ai investment medical
    general managing senior former then current acting interim deputy vice executive principal lead head
    co founding associate assistant junior staff star top key prominent veteran longtime long-time outgoing
    incoming new ex policy safety alignment communications operations hardware software
    engineering design growth business global regional country board independent non-executive finance
    foreign economy economic trade defence defense interior justice treasury commerce state prime affairs
    district federal circuit supreme
    """
)

# Tokens that make a capitalized run an organization, product or place rather than a person.
ORG_WORDS = _words(
    """
    inc inc. corp corp. corporation company co co. ltd ltd. llc plc ag sa se nv gmbh group holdings holding
    capital partners ventures venture labs lab technologies technology tech systems networks bank banks
    securities investments management fund funds foundation institute university college school association
    council commission committee agency authority department ministry office bureau administration board
    reserve exchange motors airlines pharmaceuticals therapeutics energy media news times post journal
    research robotics semiconductor semiconductors electronics microsystems intelligence ai cloud studios
    games entertainment industries international global software solutions analytics dynamics platforms
    health insurance trust assets advisors brothers magazine review daily press network federation union
    party parliament congress senate court police army navy force forces stadium airport hotel hospital
    center centre museum project initiative program programme act law laws agreement treaty accord index
    model models chip chips gpu gpus series pro max ultra mini plus lite turbo edition street avenue road
    valley city county state province island bay river lake mountain coast summit conference forum award
    awards prize week day year quarter market markets economy industry sector computing automotive aerospace
    airways mobility logistics biotech pharma payments communications telecom telecommunications petroleum
    mining resources chemicals materials foods beverages brands retail stores
    """
)

NOT_NAME_WORDS = _words(
    """
    the a an this that these those it its he she they we i you our their his her my your in on at for by of
    and or but nor so yet if as to from with without about after before during while since until also
    when whenever once whereas unless where whether
    however meanwhile moreover furthermore additionally despite although though because therefore thus
    recent recently key major leading senior former new old other another some many most more several
    january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday american chinese european japanese korean indian british
    french german italian spanish russian canadian australian swiss dutch israeli taiwanese african asian
    western eastern northern southern global us usa u.s. uk eu un china japan india korea germany france
    britain russia canada australia israel taiwan europe asia africa america beijing shanghai shenzhen
    washington london paris tokyo berlin brussels california texas york hong kong singapore silicon wall
    mr mrs ms dr prof sir madam lady lord
    """
)

# Generic nouns: they make a capitalized phrase a non-name when they start it ("Group", "Scaling Law"), but a
# surname can be one of them ("Stan Deal"), so after a given name they only count against it a little.
COMMON_NOUNS = _words(
    """
    group core viewpoint viewpoints point points insight insights section part theme summary overview
    internal external executive departures dynamics resource resources allocation challenges competitive
    landscape strategy strategic outlook background context analysis impact risks risk reaction response
    statement report reports reported reportedly according sources source people person company companies
    firm firms ai llm llms agi gpu gpus cpu ipo api ceo cfo cto coo chief president founder chairman
    director minister government officials analysts investors researchers employees staff team teams
    scaling law laws model models series round fund deal deals partnership partnerships talks plan plans
    breaking exclusive update updates opinion editorial photo video live latest today yesterday tomorrow
    """
)

# Capitalized title words that precede a name: "Mr. X", "Dr. Y", "Prince X". They are not part of the name.
HONORIFICS = _words(
    "mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame lord lady prince princess king queen sheikh sheikha emir"
    " rep rep. sen sen. gov gov."
)

# Verbs of saying and stance: a name right before one of these is very likely a speaker.
SPEECH_VERBS = _words(
    """
    said says say stated states state told tells wrote writes noted notes added adds argued argues claimed
    claims explained explains warned warns stressed stresses emphasized emphasises emphasizes insisted
    insists asserted asserts announced announces declared declares denied denies deny refuted refutes
    rejected rejects dismissed dismisses disputed disputes acknowledged acknowledges admitted admits conceded
    concedes confirmed confirms revealed reveals posted posts tweeted tweets predicted predicts believes
    believed thinks thought suggested suggests countered counters responded responds replied replies
    commented comments described describes called calls urged urges criticized criticised criticizes
    praised praises defended defends pushed rebutted rebuts contended contends maintained maintains
    expects expected hopes hoped promised promises vowed vows pledged pledges indicated indicates
    remarked remarks observed observes cautioned cautions highlighted highlights pointed outlined
    """
)

CJK_NAME_STOP = frozenset("公司集团科技银行大学政府中国美国日本研究报道记者表示认为指出称")
# The words behind those characters: a name never contains one, but it may contain their characters
# ('丁国其', '王大明' are names; '中国', '大学' are not).
CJK_NAME_STOP_WORDS = (
    "公司",
    "集团",
    "科技",
    "银行",
    "大学",
    "政府",
    "中国",
    "美国",
    "日本",
    "研究",
    "报道",
    "记者",
    "表示",
    "认为",
    "指出",
    "称",
)

# Characters of Chinese transliterations of foreign names ('埃隆·马斯克', '罗宾·德诺姆'). Around a middle dot,
# the name runs as far as these characters do; prepositions and verbs that often stand next to a name
# (于, 因, 加, 以, 和, 与, 在, 对, 向, 被, 把, 将, 由, 从, 为, 是) are left out so they are not read into it.
CJK_TRANSLITERATION = frozenset(
    "阿埃艾爱安昂奥巴拜班邦包保鲍贝本比彼毕宾波伯博布查达戴丹道德迪蒂丁东杜多厄恩尔法范菲费芬丰冯弗福盖甘冈戈"
    "格根古圭哈海汉豪赫亨洪胡华怀霍基吉贾杰捷金卡凯坎康柯科克肯库奎拉莱赖兰朗劳勒雷蕾里利莉丽连林琳龙卢鲁伦"
    "罗洛马玛麦曼梅门蒙米敏莫姆穆纳娜南内尼妮宁纽努诺欧帕潘庞佩彭皮珀普奇齐乔切钦琴丘萨塞赛桑瑟森沙莎珊尚舍"
    "申圣施什史斯松苏索塔泰坦汤唐特滕提廷汀图托瓦万旺威韦维温文沃乌伍西希锡夏谢辛欣休雅亚扬耶伊英尤约扎詹泽"
    "兹佐茜琼蒂隆娃黛茨琪薇露芙娅丝迈瑞翰斐芭津歇顿夫列契贡"
)

# Two- and three-character words that start with a surname character but are not names: read at a cue they
# would pass for one ('明确指出', '项目表示', '董事会将').
CJK_NOT_NAMES = frozenset(
    """董事 董事会 高管 高层 高级 高度 高位 明确 明显 明年 全球 全面 全部 全体 文化 项目 应能 应该 应当 有关 方面
    方式 时间 时候 时期 周期 万元 金额 金融 安全 成功 成本 成员 成为 程度 常务 关于 关注 华为 华尔街 马上 史上
    石油 黄金 江苏 温度 康复 任何 任职 任期 毛利 和平 于是 于今 余额 周年 周末 孙子 李子 钱包 林业 白宫 向外
    申请 严格 严重 武器 龙头 易于 齐心 常见 程序 苏州 宁波 黄埔 何时 何况 贝壳 阎王 洪水 诸多 于此 谷歌 康师傅
    雷达 韩国 齐鲁 卫生 米兰 车企 车型 车辆 车市 连续 路透 路透社 冷静 景气 邵阳 司法 司机 古代 吉利 简单 项目组
    石家庄 叶片 江西 秦皇岛 沈阳 吴江 包括 包含 宋体 文件 文章 方案 方向 平安 安徽 柯达 梁山 罗马 马来 曾经 曾是
    曹操 潘多拉 邓白氏 田间 季度 季报 牛市 熊市 水平 毕业 许多 陈述 陆续 钟表 游戏 鲁迅 岳阳 蔡司
    方才 方可 方能 方便 尚未 尚且 尚无 常常 常年 向来 毕竟 全力 时刻 时常 宁可 宁愿 万一 当即 当时 当前 当年
    随即 随后 同时 同样 经常 相关 相当 简直 何必 何以 许久 严正 严厉 严肃 单方面 于今年 和解 高兴""".split()
)

# Generational suffixes after a family name ("Harold Winslow Jr.", "Edmund Carver III"): part of the name,
# never its family name.
NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
# Role heads that name what a company is ("chip designer Sophgo", "carmaker Nio"): one word after them is a
# company unless it is a given name.
COMPANY_ROLE_HEADS = frozenset(
    """designer designers maker makers developer developers manufacturer manufacturers supplier suppliers
    provider providers producer producers retailer retailers operator operators lender lenders insurer
    insurers builder builders distributor distributors vendor vendors seller sellers chipmaker carmaker
    automaker drugmaker""".split()
)

# Characters common in Chinese given names. A three-character string that starts with a surname, goes on with
# two of these and stands at a word edge more than once in an article is read as a name even where no cue
# marks it ('董明珠' in '针对董明珠不再担任…', '，董明珠此刻…').
CJK_GIVEN_CHARS = frozenset(
    "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍红梅鹏飞辉斌波宁宇浩凯健俊帆帅旭阳晨晓亮鑫彬博文武志"
    "国建新海林春秋冬雪云峰山东龙凤虎鹤松柏竹兴盛昌荣福康安泰庆祥瑞吉喜乐欢婷婧雯琳琪瑶璐倩颖慧惠娟莉燕琴珍珠"
    "佳嘉家宏弘维卫威世立力礼仁义忠信德达正清青永长成诚承程子紫梓思素淑舒书树振震智杭航昊皓豪鸿洪泓晖锦晋进金"
    "京晶靖敬景锋丰枫奇琦启勤钦群全泉权冉然蓉容睿润若森善少绍胜升声诗士守寿顺硕颂韬天添庭廷彤同万旺巍薇炜玮闻"
    "希曦熙先贤显宪翔向孝笑心欣星幸雄修轩萱学勋迅雅亚彦扬尧耀业伊依仪怡宜艺亿益毅逸翼音银寅莹盈映咏优友佑羽雨"
    "钰元园源远苑月悦越跃芸韵泽增展章昭照兆哲喆征芝钟舟洲柱卓宗祖尊铭其兵贵根光广朝舜岚涵桐楠晗骏驰腾鹰雁鸣"
)
