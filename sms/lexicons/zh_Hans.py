"""Simplified Chinese (mainland usage and US Chinese families; phrases match inside words).

Han phrases match inside words, so a phrase here must not sit inside a longer word of another
meaning ("学前" is inside "开学前", "障碍" inside "无障碍", "接送" in "我们自己接送" is no bus).
Pinyin forms (typed without tones) are Latin phrases and match whole words only.
"""

from dataclasses import replace

from sms.lexicons import Lexicon

_PINYIN_NUMBERS = {"yi": 1, "er": 2, "liang": 2, "san": 3, "si": 4, "wu": 5, "liu": 6, "qi": 7, "ba": 8, "jiu": 9, "shi": 10,
                   "shiyi": 11, "shi yi": 11, "shier": 12, "shi er": 12}  # fmt: skip
_PINYIN_GRADES = {f"{number} {word}": (n, n) for number, n in _PINYIN_NUMBERS.items() for word in ("nianji", "nian ji", "nianjí")}
_PINYIN_GRADES.update({f"{number}nianji": (n, n) for number, n in _PINYIN_NUMBERS.items() if " " not in number})

# "不要再发了", "别再给我发短信了": the whole message, so the family of forms is spelled out
_STOP = tuple(f"{head}{verb}{tail}" for head in ("不要再", "别再", "别", "不用再", "请不要再", "请别再")
              for verb in ("发", "发了", "发短信", "发信息", "发消息", "给我发", "给我发短信", "给我发信息", "发给我", "传")
              for tail in ("", "了", "给我", "给我了"))  # fmt: skip

_WITH_PEERS = tuple(
    f"{a}{b}{c}" for a in ("跟", "和", "与") for b in ("普通", "一般", "正常") for c in ("学生", "同学", "孩子", "小朋友", "班")
)

LEXICON = Lexicon(
    locale="zh_Hans",
    names=("中文", "简体中文", "简体", "简中", "汉语", "普通话", "国语", "华语", "chinese", "zhongwen", "中文简体"),
    markers=("我", "的", "吗", "呢", "吧", "了", "孩子", "儿子", "女儿", "学校", "附近", "有没有", "哪里", "哪个", "什么", "怎么",
             "需要", "想", "在", "这", "那", "们", "个", "请问",
             # pinyin typed without tones
             "xuexiao", "haizi", "erzi", "nuer", "nianji", "you mei you", "youmeiyou", "fujin", "nali", "shenme", "zenme",
             "xuyao", "wo xiang", "wo de", "zhao xuexiao", "shuo hua", "xiexie"),
    fillers=("请", "請", "请问", "請問", "谢谢", "謝謝", "谢谢你", "謝謝你", "谢谢您", "谢了", "谢啦", "謝啦", "谢", "謝", "多谢",
             "多謝", "多谢晒", "多謝晒", "感谢", "感謝", "唔该", "唔該", "唔该晒", "唔該晒", "唔該你", "麻烦你", "麻煩你", "麻烦您",
             "麻烦", "麻煩", "麻烦了", "麻煩晒", "好的", "好", "嗯", "ok", "3q", "thz", "thx", "拜托", "拜託", "拜托了", "打扰了",
             "打擾了", "打扰一下", "打擾晒", "不好意思", "唔好意思", "呀", "啊", "吧", "哦", "喔", "喇", "啦", "吖", "一下", "亲",
             "xiexie", "xie xie"),
    stop=("停止", "停", "退订", "td", "取消订阅", "取消", "请停止", "停止发送", "停止发短信", "停止短信", "退出", "退订短信",
          "取消短信", "拒收", "不想收", "不想再收", "不想再收到", "不要发了", "别发了", *_STOP),
    start=("开始", "请开始", "请重新开始", "重新开始", "订阅", "重新订阅", "继续", "恢复", "恢复发送", "开启"),
    help=("帮助", "帮忙", "求助", "帮帮我", "帮我", "请帮助", "请帮忙", "怎么用", "怎么使用", "如何使用", "使用说明", "说明",
          "帮助信息", "能做什么", "可以做什么", "可以问什么", "能问什么", "怎么查", "怎么操作", "怎么弄", "功能", "菜单", "指令",
          "不会用", "不懂怎么用", "用法"),
    more=("更多", "更多学校", "下一页", "下页", "下一个", "下一批", "换一批", "还有吗", "还有别的吗", "还有其他的吗", "还有其他吗",
          "还有没有", "还有没有别的", "再多一些", "再多点", "再来几个", "再来点", "再来一些", "再给几个", "再给我几个", "多点", "看更多",
          "显示更多", "继续看", "其他学校", "别的学校", "还有呢"),
    greeting=("你好", "您好", "你好呀", "你好啊", "您好呀", "哈喽", "哈啰", "嗨", "嗨嗨", "早上好", "早安", "早", "上午好", "中午好",
              "下午好", "晚上好", "大家好", "喂", "在吗", "在不在", "老师好", "你好打扰了", "nihao", "ni hao"),
    wider=("更远", "远一点", "扩大范围", "远一些", "再远一点", "范围大一点", "远点"),
    human=("人工", "真人", "客服", "人工客服", "转人工", "工作人员", "职员", "负责人", "跟人说话", "和人说话", "找个人", "打电话给我",
           "给我打电话", "打给我", "回电话", "联系我", "找人", "咨询员", "接线员", "zhen ren", "zhenren", "rengong", "ren gong"),
    compare=("比较", "对比", "比一比", "比下", "哪个好", "哪个更好", "哪个比较好", "哪间好", "哪所好", "区别", "差别", "相比"),
    details=("详情", "详细", "介绍一下", "介绍", "第", "号", "信息", "资料", "情况", "了解一下", "讲讲", "说说"),
    school_words=("学校", "中学", "学院", "哪所", "哪间", "sch", "xuexiao"),
    grades={
        "学前班": (-1, -1), "学前教育": (-1, -1), "学前特殊": (-1, -1), "学前特教": (-1, -1), "学前项目": (-1, -1),
        "学前课程": (-1, -1), "学龄前": (-1, -1), "托儿所": (-1, -1), "托班": (-1, -1), "pre k": (-1, -1), "prek": (-1, -1),
        "三岁班": (-1, -1), "四岁班": (-1, -1), "3岁班": (-1, -1), "4岁班": (-1, -1), "xueqianban": (-1, -1),
        "幼儿园": (0, 0), "幼稚园": (0, 0), "幼儿班": (0, 0), "幼儿圆": (0, 0), "幼儿元": (0, 0), "幼而园": (0, 0),
        "youeryuan": (0, 0), "you er yuan": (0, 0), "you eryuan": (0, 0),
        "小学": (0, 5), "小雪": (0, 5), "国小": (0, 5), "xiaoxue": (0, 5), "xiao xue": (0, 5),
        "初中": (6, 8), "初级中学": (6, 8), "国中": (6, 8), "chuzhong": (6, 8), "chu zhong": (6, 8),
        "高中": (9, 12), "高级中学": (9, 12), "gaozhong": (9, 12), "gao zhong": (9, 12),
        **_PINYIN_GRADES,
    },
    grade_patterns=(r"(?<!初中)(?<!高中){n} ?年级", r"(?<!初中)(?<!高中){n} ?年級", r"{n} ?年纪", r"{n} ?念级", r"{n} ?年极",
                    r"小{n}(?![点些下会块])",  # 小五: fifth grade
                    r"\bg{n}\b", r"\bp{n}\b",  # G1, P5 (Hong Kong primary)
                    r"(?<!\d){n} ?(?:到|至|~| ) ?(?:\d{1,2}|[一二三四五六七八九十两]{1,2}) ?年[级級]"),  # 6到8年级: its first grade
    number_words={"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
                  "十一": 11, "十二": 12},
    needs={
        "sped": ("特殊教育", "特教", "特殊需要", "特殊需求", "特需", "特殊学生", "特殊孩子", "残疾", "残障", "身心障碍", "iep",
                 "个别化教育", "学习障碍", "学习困难", "读写障碍", "阅读障碍", "多动症", "adhd", "注意力缺陷", "注意力不集中",
                 "发育迟缓", "发展迟缓", "语言障碍", "言语障碍", "语言治疗", "言语治疗", "说话慢", "讲话慢", "说话比较慢",
                 "讲话比较慢", "语言发育", "智力障碍", "智障", "唐氏", "脑瘫", "特输教育", "特书教育", "特数教育", "特殊教学",
                 "teshu jiaoyu", "tejiao"),
        "ell": ("英语学习", "英文学习", "学英语", "学英文", "英语辅导", "辅导英语", "英文辅导", "辅导英文", "英语补习", "英文补习",
                "英语支持", "英文支持", "英语帮助", "英文帮助", "英语不好", "英文不好", "英语不太好", "英文不太好", "英语不行",
                "英文不行", "英语很差", "英文很差", "英语差", "英文差", "不会英语", "不会英文", "不会说英语", "不会说英文",
                "不会讲英语", "不会讲英文", "不懂英语", "不懂英文", "英语都不会", "英文都不会", "不太会英语", "不太会说英语",
                "英语还在学", "英文还在学", "英语跟不上", "英文跟不上", "加强英语", "英语加强", "英语也要加强", "英文也要加强",
                "提高英语", "英语提高", "英语水平", "英文水平", "英语基础", "只会中文", "只会说中文", "只会讲中文", "新移民",
                "刚移民", "刚来美国", "刚到美国", "刚从国内", "从国内过来", "从国内来", "从中国过来", "刚搬来美国", "刚来的学生",
                "新来的学生", "英语作为第二语言", "英语为第二语言", "第二语言", "esl班", "esl课", "esl项目"),
        "dual_language": ("dual language", "双语", "双语言", "两种语言", "沉浸式", "浸入式", "沉浸", "双鱼", "双与", "双雨",
                          "shuangyu", "shuang yu"),
        "bus": ("校车", "校巴", "接送车", "车接送", "有车接", "接送服务", "接送巴士", "学校巴士", "黄巴", "黄色巴士", "保姆车",
                "娃娃车", "交通车", "xiaoche", "xiao che"),
        "transit": ("地铁", "公交", "公共交通", "公共汽车", "公车", "火车", "轻轨", "捷运", "电车", "坐巴士", "搭巴士", "城市巴士",
                    "ditie"),
        "accessible": ("轮椅", "电梯", "升降机", "无障碍", "坡道", "斜坡", "楼梯", "行动不便", "腿脚不便", "拐杖", "助行器",
                       "lunyi"),
    },
    programs={
        "autism": ("自闭症", "自闭", "自闭证", "自闭儿", "孤独症", "自闭谱系", "泛自闭", "阿斯伯格", "亚斯伯格", "zibizheng"),
        "deaf_hard_of_hearing": ("听障", "听力障碍", "听力不好", "听力差", "听力弱", "听力受损", "听力损失", "听力有问题",
                                 "听不见", "听不到", "听不清", "耳聋", "聋", "失聪", "助听器", "人工耳蜗", "手语", "弱听", "重听"),
        "visual_impairment": ("视障", "视力障碍", "视觉障碍", "视力不好", "视力差", "视力很差", "视力弱", "视力有问题", "低视力",
                              "弱视", "失明", "盲人", "盲童", "全盲", "眼盲", "盲校", "盲文", "点字", "看不见", "看不清"),
        "self_contained": ("小班的特教班", "小班特教班", "小班的特殊班", "特殊教育班", "特教专班", "独立特教", "独立班", "独立教室", "全天特教", "全日特教",
                           "自足式", "隔离班", "集中式特教"),
        "inclusion": ("融合", "随班就读", "全纳", "普通班", "主流班", *_WITH_PEERS),
        "resource": ("资源班", "资源教室", "资源室", "资源老师", "资源教师", "资源课", "资源服务", "资源支持", "抽离"),
        "significant_support": ("重度", "多重障碍", "多重残疾", "严重残疾", "严重障碍", "大量支持", "大量帮助", "大量协助",
                                "高度支持", "全方位支持", "一对一照顾", "一对一助理", "不能自理", "生活不能自理"),
        "early_childhood": ("学前特殊", "学前特教", "幼儿特殊教育", "幼儿特教", "早期干预", "早期介入", "早期疗育", "早疗"),
    },
    sectors={
        "charter": ("特许学校", "特许", "特許", "charter", "charter学校", "charter school", "契约学校", "texu"),
        "district": ("公立", "学区", "区立", "公校", "公利", "区里的学校", "社区学校", "片区学校", "gongli", "gong li"),
    },
    negations=("不要", "不是", "不考虑", "不考慮", "不想", "不去", "不看", "不选", "不選", "别推", "别给", "别再", "别发", "别要", "別推",
               "別給", "別再", "別發", "除了", "除咗", "排除", "以外", "之外", "除外", "不算", "不包括", "不含", "没兴趣", "沒興趣", "冇興趣", "不喜欢",
               "不喜歡", "避开", "避開", "去掉", "除去", "不需要", "唔需要", "不用", "唔要", "唔使", "唔駛", "唔洗", "唔考慮", "唔想",
               "唔睇", "唔揀", "唔鍾意", "唔中意", "唔係"),
    not_needed=("不需要", "唔需要", "不用", "不要", "无需", "無需", "不必", "没必要", "沒必要", "用不着", "用不著", "用唔著", "不需",
                "唔使", "唔駛", "唔洗", "唔要", "冇需要", "唔使要"),
    languages={"中文": "zh", "普通话": "zh", "国语": "zh", "汉语": "zh", "华语": "zh", "粤语": "zh", "广东话": "zh", "中英": "zh", "英中": "zh", "西英": "es", "英西": "es",
               "中国话": "zh", "zhong ying": "zh", "zhongwen": "zh",
               "西班牙": "es", "西语": "es", "西文": "es", "法语": "fr", "法文": "fr", "韩语": "ko", "韩文": "ko", "韩国语": "ko",
               "越南语": "vi", "越南文": "vi", "越南话": "vi", "俄语": "ru", "俄文": "ru", "阿拉伯语": "ar", "阿拉伯文": "ar",
               "波兰语": "pl", "波兰文": "pl", "日语": "ja", "日文": "ja", "意大利语": "it", "他加禄语": "tl", "菲律宾语": "tl",
               "索马里语": "so", "孟加拉语": "bn", "乌尔都语": "ur", "海地克里奥尔语": "ht", "海地语": "ht",
               # asking for replies in English (not "英语" alone: it is in most English-learner questions)
               "用英文回复": "en", "用英语回复": "en", "用英文回": "en", "用英语回": "en", "用英文发": "en", "用英文写": "en",
               "英文回复": "en", "改用英文": "en", "换成英文": "en", "换英文": "en", "转英文": "en", "切换英文": "en",
               "切换到英文": "en", "改成英文": "en", "英文版": "en"},
    ages=("岁", "周岁", "楼", "层", "分钟", "英里", "公里"),  # after a number: an age, a floor, a distance or a time, not a result number
    topics={"apply": ("怎么申请", "如何申请", "申请", "报名", "入学", "注册", "截止", "招生", "录取")},
    cannot=("不会", "不能", "没法"),
)  # fmt: skip

# Commands as typed ("再来", "还有没", "人工服务")
LEXICON = replace(
    LEXICON,
    more=LEXICON.more + ("再来", "再来几个", "还有没", "还有吗?", "下一条", "后面的", "再看看"),
    help=LEXICON.help + ("怎么弄啊", "不知道怎么用", "这个怎么用", "如何用"),
    human=LEXICON.human + ("人工服务", "找人工", "真人服务", "跟真人说", "我要人工"),
)

# Talk as families type it ("what is this", "el 2", "basta ya")
LEXICON = replace(
    LEXICON,
    help=LEXICON.help + ("这是什么", "这是啥", "什么意思", "看不懂", "不明白"),
)

# Secondary years counted from the start of middle or high school ("初一" is seventh grade, "高二" eleventh),
# and Hong Kong's primary years ("三年班")
LEXICON = replace(
    LEXICON,
    grades={
        **LEXICON.grades,
        "初一": (7, 7),
        "高一": (10, 10),
        "國一": (7, 7),
        "国一": (7, 7),
        "初中一年级": (7, 7),
        "高中一年级": (10, 10),
        "初中1年级": (7, 7),
        "高中1年级": (10, 10),
        "初中一年級": (7, 7),
        "高中一年級": (10, 10),
        "初中1年級": (7, 7),
        "高中1年級": (10, 10),
        "初二": (8, 8),
        "高二": (11, 11),
        "國二": (8, 8),
        "国二": (8, 8),
        "初中二年级": (8, 8),
        "高中二年级": (11, 11),
        "初中2年级": (8, 8),
        "高中2年级": (11, 11),
        "初中二年級": (8, 8),
        "高中二年級": (11, 11),
        "初中2年級": (8, 8),
        "高中2年級": (11, 11),
        "初三": (9, 9),
        "高三": (12, 12),
        "國三": (9, 9),
        "国三": (9, 9),
        "初中三年级": (9, 9),
        "高中三年级": (12, 12),
        "初中3年级": (9, 9),
        "高中3年级": (12, 12),
        "初中三年級": (9, 9),
        "高中三年級": (12, 12),
        "初中3年級": (9, 9),
        "高中3年級": (12, 12),
        "一年班": (1, 1),
        "二年班": (2, 2),
        "三年班": (3, 3),
        "四年班": (4, 4),
        "五年班": (5, 5),
        "六年班": (6, 6),
    },
)

# "We have no car": public transit, unless the school bus is asked for as well (`Lexicon.no_car`)
_NO_CAR = ("没有车", "没车", "我们没车", "家里没车", "不会开车", "没有汽车", "冇车")
LEXICON = LEXICON.with_no_car(_NO_CAR)

# Kindergarten's years ("幼儿园小班" is for three-year-olds: pre-K; "大班" the last year: kindergarten),
# in both scripts (Traditional Chinese's lexicon takes them from here)
KINDERGARTEN_YEARS = {
    "幼儿园小班": (-1, -1), "幼儿园中班": (-1, -1), "幼儿园大班": (0, 0), "幼稚园小班": (-1, -1), "幼稚园中班": (-1, -1),
    "幼稚园大班": (0, 0), "幼兒園小班": (-1, -1), "幼兒園中班": (-1, -1), "幼兒園大班": (0, 0), "幼稚園小班": (-1, -1),
    "幼稚園中班": (-1, -1), "幼稚園大班": (0, 0),
}  # fmt: skip
LEXICON = replace(LEXICON, grades={**LEXICON.grades, **KINDERGARTEN_YEARS})

# Pinyin without tones, as typed on a phone without a Chinese keyboard ("gaozhong 60609 gongli de")
LEXICON = replace(
    LEXICON,
    markers=LEXICON.markers + ("haizi", "xiang", "zhao", "meiyou", "qingwen", "fujin", "xuexiao", "dehua", "keyi", "buyao",
                               "xiexie", "wo xiang zhao", "wo de haizi"),
    help=LEXICON.help + ("bangzhu", "bang zhu", "zenme yong", "zenmeyong", "shiyong shuoming"),
    stop=LEXICON.stop + ("tingzhi", "ting zhi", "tuiding", "tui ding", "bie fa le", "biefale"),
    more=LEXICON.more + ("gengduo", "geng duo", "xiayiye", "xia yi ye", "hai you", "haiyou", "zai lai"),
    human=LEXICON.human + ("rengong kefu", "ren gong ke fu", "zhenren kefu"),
    compare=LEXICON.compare + ("bijiao", "bi jiao", "duibi", "dui bi"),
    details=LEXICON.details + ("xiangqing", "xiang qing", "xiangxi", "xiang xi"),
    # pinyin "3 nianji", "nianji 3"
    grade_patterns=(*LEXICON.grade_patterns, r"\b{n} ?nian ?ji\b", r"\bnian ?ji {n}\b"),
    grades={**LEXICON.grades, "youzhiyuan": (0, 0), "you zhi yuan": (0, 0), "xueqian": (-1, -1), "xue qian": (-1, -1),
            "tuoersuo": (-1, -1), "zhongxue": (6, 12), "zhong xue": (6, 12), "chuzhong": (6, 8), "gaozhong": (9, 12)},
    sectors={**LEXICON.sectors, "district": LEXICON.sectors["district"] + ("gongli", "gong li", "gongli xuexiao", "gongban"),
             "charter": LEXICON.sectors["charter"] + ("texu", "te xu", "texu xuexiao", "te xu xue xiao")},
    needs={
        **LEXICON.needs,
        "sped": LEXICON.needs["sped"] + ("teshu", "te shu jiao yu", "teshujiaoyu", "tejiaoban", "canji"),
        "ell": LEXICON.needs["ell"] + ("xue yingyu", "yingyu buhao", "yingyu bu hao", "bu hui yingyu", "buhui yingyu",
                                       "yingyu fudao", "yingwen buhao", "bu hui yingwen", "esl ban"),
        "dual_language": LEXICON.needs["dual_language"] + ("shuangyu xiangmu", "shuangyu ban", "zhongying shuangyu", "chenjin"),
        "bus": LEXICON.needs["bus"] + ("xiaoche", "xiao che", "jieson", "jiesong", "xiaoba"),
        "transit": LEXICON.needs["transit"] + ("gongjiao", "gong jiao", "gongjiaoche", "dítiě", "huoche"),
        "accessible": LEXICON.needs["accessible"] + ("lunyi", "lun yi", "dianti", "dian ti"),
    },
    programs={
        **LEXICON.programs,
        "autism": LEXICON.programs["autism"] + ("zibi", "zi bi", "zibizheng", "zi bi zheng", "gubizheng"),
        "deaf_hard_of_hearing": LEXICON.programs["deaf_hard_of_hearing"] + ("tingli buhao", "tingli bu hao", "tingzhang", "erlong"),
        "visual_impairment": LEXICON.programs["visual_impairment"] + ("shili buhao", "shili bu hao", "shizhang", "mangren"),
    },
    languages={**LEXICON.languages, "zhongwen": "zh", "hanyu": "zh", "putonghua": "zh", "xibanya yu": "es", "xibanyayu": "es"},
)  # fmt: skip

# "就算了" (forget it), "不用" (no need) after or before a sector
LEXICON = replace(LEXICON, negations=LEXICON.negations + ("就算了", "算了", "不用", "免了"))

# pinyin typed without tones: "bu yao texu xuexiao" (no charter schools)
LEXICON = replace(LEXICON, negations=LEXICON.negations + ("bu yao", "buyao", "bu xiang", "buxiang", "bu yao de", "chule"))

# the same sound, another character (an input method's wrong pick): "笑车" is 校车, "高钟" 高中, "四年及" 四年级
LEXICON = replace(
    LEXICON,
    homophones={
        "雉": "稚",
        "笑": "校",
        "效": "校",
        "力": "立",
        "钟": "中",
        "终": "中",
        "忠": "中",
        "持": "特",
        "及": "级",
        "极": "级",
        "记": "级",  # "四年记", "六年纪": 年级
        "纪": "级",
        "集": "级",
        "雨": "语",
        "与": "语",
        "问": "文",
        "缓": "援",
        "斑": "班",
        "字": "自",
        "跟": "更",  # a command's too: "跟多" for 更多, "帮组" and "帮住" for 帮助
        "组": "助",
        "住": "助",
        "业": "页",  # "下一业", "下一叶": 下一页
        "叶": "页",
        "公": "工",  # "转人公": 转人工
    },
)
LEXICON = replace(LEXICON, help=LEXICON.help + ("咋用", "咋用啊", "咋整", "怎么用", "咋弄", "咋操作"))
