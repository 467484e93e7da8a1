"""Korean (Korean-American families' usage, with Konglish; phrases match inside words).

Hangul phrases match inside words, so a phrase is written without the particle that may follow
it ("영어를 못" matches "영어를 못해요"), and with and without spaces where parents drop them.
"""

import unicodedata
from dataclasses import replace

from sms.lexicons import Lexicon


def _jamo(pattern: str) -> str:
    # messages are folded (NFKD) before regexes run, which splits Hangul syllables into jamo
    return unicodedata.normalize("NFKD", pattern)


_NOT_AFTER_JAMO = "(?<![\u1100-\u11ff])"  # a number word starts a word: "이" in "아이 학년" is no "2"


def _with_school(*phrases: str) -> tuple[str, ...]:
    """Each sector phrase, and it followed by a word for school(s)."""
    return tuple(dict.fromkeys(f"{p}{tail}" for p in phrases for tail in ("", " 학교", " 학교들", " 스쿨", "학교")))


LEXICON = Lexicon(
    locale="ko",
    names=("한국어", "한국말", "한글", "korean", "코리안", "한국어로", "한국말로", "한국어로 해주세요", "한국어로 보내주세요"),
    markers=("저", "제", "우리", "아이", "아들", "딸", "학교", "근처", "있나요", "있어요", "어디", "뭐", "어떻게", "필요", "찾고"),
    fillers=("주세요", "좀", "부탁해요", "부탁합니다", "부탁드립니다", "부탁드려요", "감사합니다", "고맙습니다", "감사해요", "네", "요",
             "ok", "ㅎㅎ", "ㅋㅋ", "ㅠㅠ", "줘", "줘요", "해 주세요", "해주세요", "제발", "혹시"),
    stop=("중지", "정지", "그만", "그만해", "그만해요", "그만 보내세요", "그만 보내", "그만 보내줘", "수신거부", "수신 거부", "구독 취소",
          "구독취소", "취소", "문자 그만", "문자 그만 보내세요", "중단", "해지", "구독 해지", "구독해지", "탈퇴", "스톱", "그만 받을게요",
          "수신 중지", "수신중지", "문자 사절", "알림 끄기", "그만할게요"),
    start=("시작", "다시 시작", "구독", "재시작", "재구독", "다시 받을게요", "다시 보내 주세요", "스타트", "수신 동의"),
    help=("도움", "도움말", "도와주세요", "도와줘", "도와줘요", "도와", "헬프", "사용법", "사용 방법", "사용방법", "이용 방법", "이용방법",
          "어떻게 써요", "어떻게 쓰나요", "어떻게 쓰는 거예요", "어떻게 쓰는거예요", "어떻게 쓰는 거에요", "어떻게 쓰는거에요",
          "이거 어떻게 써요", "이거 어떻게 쓰나요", "이거 어떻게 쓰는 거예요", "이거 어떻게 쓰는거예요", "이거 어떻게 쓰는 거에요",
          "이거 어떻게 쓰는거에요", "어떻게 사용해요", "어떻게 사용하나요", "어떻게 사용하는 거예요", "이거 어떻게 사용해요",
          "어떻게 하는 거예요", "어떻게 해요", "어떻게 하나요", "이거 뭐예요", "이거 뭐에요", "메뉴", "안내", "설명", "명령어",
          "뭐 할 수 있어요", "뭘 할 수 있어요", "도움이 필요해요", "도움 필요해요", "도움 주세요"),
    more=("더", "더 보기", "더보기", "다음", "더 있나요", "더 있어요", "다른 학교", "다른 학교는요", "다른 학교요", "더 보여주세요",
          "더 보여줘", "더 보여 줘", "더 보여줘요", "더 보여", "더 알려줘", "더 알려 줘", "더 알려주세요", "더요", "다음 거", "다음거",
          "다음꺼", "다음 학교", "계속", "더 주세요", "또", "또 있어요", "또 있나요", "다른 데", "다른 곳", "다른 데는요", "다른 곳은요",
          "더 없어요", "더 없나요", "더 찾아줘", "더 찾아 주세요", "다른 것도", "다른 거", "다른거", "더 많이", "좀 더"),
    greeting=("안녕하세요", "안녕", "안녕하십니까", "하이", "헬로", "헬로우", "반가워요", "반갑습니다", "반가워", "여보세요",
              "좋은 아침", "좋은 아침입니다", "좋은 아침이에요", "좋은 오후", "좋은 저녁", "수고하십니다", "수고하세요", "안녕하세여",
              "안녕하세용", "안뇽", "하이요", "ㅎㅇ", "처음 뵙겠습니다", "실례합니다", "안녕하신가요"),
    wider=("더 멀리", "범위 넓혀", "더 넓게", "범위를 넓혀", "조금 더 멀리", "좀 더 멀리", "더 먼 곳", "멀어도 돼요", "멀어도 괜찮아요"),
    human=("상담원", "상담사", "직원", "사람과", "사람이랑", "사람하고", "담당자", "전화해", "전화 주세요", "전화주세요", "통화",
           "상담하고 싶", "상담 받고 싶", "상담받고 싶", "진짜 사람", "실제 사람", "사람 연결", "연결해 주세요", "연결해주세요",
           "전화 부탁", "전화 좀", "콜백", "사람한테"),
    compare=("비교", "차이", "뭐가 나아", "어디가 나아", "어디가 더", "뭐가 더 좋", "어느 쪽", "어느 학교가 더", "어느 게 나아",
             "어느게 나아", "뭐가 달라", "비교해"),
    details=("자세히", "상세", "정보", "번", "알려주세요", "알려 주세요", "대해", "어때요"),
    school_words=("학교", "스쿨", "학굔", "핵교", "학꾜"),
    grades={
        "프리케이": (-1, -1), "프리 케이": (-1, -1), "프리k": (-1, -1), "프리 k": (-1, -1), "pre k": (-1, -1), "prek": (-1, -1),
        "프리스쿨": (-1, -1), "프리 스쿨": (-1, -1), "어린이집": (-1, -1), "유아원": (-1, -1), "프리킨더": (-1, -1), "프리 킨더": (-1, -1),
        "킨더": (0, 0), "킨더가튼": (0, 0), "킨더가든": (0, 0), "킨더가르텐": (0, 0), "유치원": (0, 0), "유치언": (0, 0), "유치웡": (0, 0),
        "유치원생": (0, 0), "유치반": (0, 0),
        "초등학교": (0, 5), "초등": (0, 5), "초딩": (0, 5), "초등학생": (0, 5), "엘리멘터리": (0, 5), "엘레멘터리": (0, 5),
        "중학교": (6, 8), "중학생": (6, 8), "미들스쿨": (6, 8), "미들 스쿨": (6, 8), "중딩": (6, 8), "중학": (6, 8), "중등": (6, 8),
        "고등학교": (9, 12), "고등학생": (9, 12), "고교": (9, 12), "하이스쿨": (9, 12), "하이 스쿨": (9, 12), "고딩": (9, 12), "고등": (9, 12),
    },
    # "3학년", "3 학년", "삼학년", "십이학년", "9하년" (a typo), "3rd grade" in Hangul-English mix
    grade_patterns=(_jamo(r"(\d{1,2}) ?학년"), _jamo(_NOT_AFTER_JAMO + r"{n} ?학년"), _jamo(r"(\d{1,2}) ?하년"),
                    _jamo(r"(\d{1,2}) ?학녕"), _jamo(r"초(?:등|등학교|딩)? ?([1-6])(?![\d.:]| ?(?:시|분|살|개|명|초))"), _jamo(_NOT_AFTER_JAMO + r"{n} ?grade")),
    number_words={"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9, "십": 10, "십일": 11, "십이": 12},
    needs={
        "sped": ("특교", "특수교육", "특수 교육", "특수반", "특수학급", "특수 학급", "특수학교", "특수 학교", "특수교사", "특수 교사", "장애",
                 "자폐", "발달 지연", "발달지연", "발달이 늦", "발달이 느", "adhd", "개별화교육", "개별화 교육", "개별 교육 계획",
                 "개별교육계획", "다운증후군", "다운 증후군", "뇌성마비", "언어치료", "언어 치료", "말이 늦", "말이 느", "언어 지연",
                 "언어지연", "느린 학습", "학습 부진", "스페셜 에드", "스페셜에드", "스페셜 니즈", "특별한 도움이 필요", "특수 지원",
                 "특수지원", "특수 프로그램", "특수프로그램", "특수 교육 서비스"),
        "ell": ("영어 학습", "영어학습", "esl 반", "esl 프로그램", "영어 수업", "영어 지원", "영어지원", "영어 도움", "영어 보충",
                "영어를 못", "영어 못", "영어를못", "영어못", "영어를 거의", "영어가 서툴", "영어 서툴", "영어가 아직", "영어를 잘 못",
                "영어 잘 못", "영어를 잘못", "영어 잘못", "영어가 안 돼", "영어가 안돼", "영어 안 돼", "영어 안돼", "영어를 몰라",
                "영어 몰라", "영어를 전혀", "영어 전혀", "영어가 부족", "영어 부족", "영어 실력이", "영어 배우", "영어를 배우", "영어배우",
                "영어 공부", "영어를 공부", "영어 학습자", "영어 교육 지원", "영어를 하나도", "영어 하나도", "영어가 약", "영어 약해",
                "영어가 서투", "영어 서투", "영어가 익숙하지", "영어에 익숙하지", "영어 익숙하지", "영어가 어려", "영어를 어려",
                "이민 온", "이민 왔", "이민왔", "이민와서", "이민 와서", "미국 온 지", "미국에 온 지", "미국 온지", "미국에 온지",
                "한국에서 온 지", "한국에서 온지", "한국에서 왔", "한국에서 온 지 얼마", "온 지 얼마 안", "온지 얼마 안", "새로 이민",
                "뉴커머", "신규 이민", "영오 지원", "영오를 못", "영어 특별", "영어 보조", "영어 튜터", "영어 클래스", "이엘엘"),
        "dual_language": ("dual language", "듀얼 랭귀지", "듀얼랭귀지", "듀얼 랭귀쥐", "듀얼 언어", "듀얼", "몰입", "이머전", "이머젼",
                          "이중언어", "이중 언어", "바이링구얼", "바이링궐", "두 언어", "두 개 언어", "두개 언어", "2개 국어",
                          "2개국어", "두 나라 말", "양국어", "한영 이중", "한국어와 영어를 같이", "한국어랑 영어 같이", "한국어도 배우",
                          "한국어 수업도", "한국어를 잊"),
        "bus": ("스쿨버스", "스쿨 버스", "스쿨버", "통학버스", "통학 버스", "버스", "노란 버스", "노란버스", "셔틀", "통학 차량",
                "통학차량", "등하교 차량", "학교 버스", "학교버스"),
        "transit": ("지하철", "전철", "대중교통", "대중 교통", "기차", "시내버스", "시내 버스", "시티 버스", "시티버스", "공공 버스",
                    "일반 버스", "메트라", "트레인", "cta", "엘 트레인", "메트로"),
        "accessible": ("휠체어", "휠채어", "엘리베이터", "엘레베이터", "엘베", "승강기", "경사로", "계단을 못", "계단 못", "계단을 오르",
                       "계단 오르", "계단을 올라가지", "계단이 없", "계단 없", "계단을 잘 못", "계단을 이용", "계단 이용", "못 걸어",
                       "못 걷", "걷지 못", "걷기 힘들", "걷기 어려", "걷는 게 힘", "걷는게 힘", "걷는 게 어려", "거동이 불편", "거동 불편",
                       "보행이 어려", "보행 보조", "보행기", "목발", "배리어프리", "배리어 프리", "접근성", "1층",
                       "다리가 불편", "다리를 못", "몸이 불편"),
    },
    programs={
        "autism": ("자폐", "자폐증", "자폐 스펙트럼", "자페", "오티즘", "아스퍼거", "자펴"),
        "deaf_hard_of_hearing": ("청각장애", "청각 장애", "청각 장해", "청각이", "청력", "난청", "보청기", "인공와우", "인공 와우",
                                 "수화", "수어 통역", "수어통역", "농아", "귀가 안 들", "귀가 잘 안 들", "귀가 안들", "잘 안 들려", "안 들려", "안들려",
                                 "잘 못 들어요", "잘 못 듣", "듣지 못", "듣는 게 힘", "듣는게 힘", "귀가 안 좋", "귀가 잘 안",
                                 "청각 문제", "청각 지원", "농인"),
        "visual_impairment": ("시각장애", "시각 장애", "시각 장애인", "저시력", "점자", "맹인", "실명", "앞을 못 봐", "앞을 잘 못 봐",
                              "앞을 못 보", "앞을 잘 못 보", "앞이 안 보", "앞이 잘 안 보", "눈이 안 보", "눈이 잘 안 보", "잘 안 보여", "안 보여요", "시력이 아주 나", "시력이 매우", "시력 장애", "시력이 거의",
                              "시각 지원", "눈이 불편", "시각이 불편"),
        "self_contained": ("분리 학급", "분리학급", "분리반", "분리된 반", "분리된 학급", "전일제 특수", "전일 특수", "독립 학급",
                           "독립된 반", "특수반만", "특수학급만", "셀프 컨테인드", "셀프컨테인드", "self contained", "소규모 특수반",
                           "특수반에서만", "하루 종일 특수"),
        "inclusion": ("통합교육", "통합 교육", "통합반", "통합 학급", "통합학급", "일반 학급", "일반학급", "일반반", "인클루전", "인클루젼",
                      "일반 아이들과", "일반 아이들이랑", "일반 학생들과", "일반 학생들이랑", "일반 애들", "일반 친구들", "inclusion"),
        "resource": ("리소스 룸", "리소스룸", "리소스 반", "리소스반", "리소스", "학습 도움실", "학습도움실", "도움반", "도움실",
                     "학습 도움반", "학습도움반", "resource room", "시간제 특수"),
        "significant_support": ("중증", "중증 장애", "중도 장애", "중도장애", "중복 장애", "중복장애", "심한 장애", "장애가 심",
                                "장애 정도가 심", "집중 지원", "집중지원", "많은 지원", "전반적 지원", "일대일 지원", "일대일 보조",
                                "1:1 보조", "보조 교사가 필요", "전담 보조"),
        "early_childhood": ("유아 특수", "유아특수", "영유아 특수", "조기 개입", "조기개입", "조기 중재", "조기중재", "특수 프리케이",
                            "프리케이 특수", "특수 유치원", "특수유치원", "유치원 특수", "유아기 특수", "특수 어린이집",
                            "early childhood"),
    },
    # with the school word after them ("교육청 학교 말고 차터"): a cue after the phrase is next to all of it
    sectors={"charter": _with_school("차터", "charter", "챠터", "차아터"),
             "district": _with_school("공립", "학군", "교육구", "디스트릭트", "cps", "동네 학교", "교육청")},
    negations=("말고", "말구", "빼고", "빼 주", "빼주", "빼줘", "빼 줘", "빼", "제외", "만 아니면", "아니면 돼", "아니면 괜찮", "아닌",
               "아니고", "싫어", "싫고", "싫은", "싫다", "별로", "원하지 않", "안 원해", "안 갈", "안 보낼", "보내기 싫", "말아 주",
               "말아주", "피하고", "피해", "빼고요", "외에", "이외", "말고는"),
    not_needed=("필요 없", "말고", "빼고", "제외", "필요없", "필요는 없", "필요 안", "안 필요", "없어도 돼", "없어도 괜찮", "없어도 됩", "안 타도", "안 해도",
                "제가 데려다", "제가 태워", "직접 데려다", "직접 태워", "차로 데려다", "라이드 해줄"),
    languages={"한국어": "ko", "한국말": "ko", "한영": "ko", "영한": "ko", "한국어 영어": "ko", "스페인어": "es", "스페인 어": "es", "스페니쉬": "es", "중국어": "zh", "중국말": "zh",
               "만다린": "zh", "광동어": "zh", "불어": "fr", "프랑스어": "fr", "일본어": "ja", "베트남어": "vi", "베트남말": "vi",
               "러시아어": "ru", "아랍어": "ar", "폴란드어": "pl", "우르두어": "ur", "벵골어": "bn", "소말리어": "so", "타갈로그어": "tl",
               "필리핀어": "tl", "아이티어": "ht", "크리올어": "ht", "독일어": "de", "이탈리아어": "it"},
    ages=("살", "세", "층", "분", "마일", "시간", "킬로"),  # after a number: an age, a floor, a distance or a time, not a result number
    topics={"apply": ("지원", "신청", "입학", "등록", "마감", "원서", "어플라이", "지원서", "입학 절차")},
    cannot=("못", "모르"),
)  # fmt: skip

# Commands as typed ("스탑", "그만요", "상담원 연결")
LEXICON = replace(
    LEXICON,
    stop=LEXICON.stop + ("스탑", "스톱", "그만요", "그만해주세요", "문자 그만", "문자 그만 보내세요", "문자 사절", "연락 그만"),
    start=LEXICON.start + ("다시 시작해주세요", "다시 보내주세요", "재개"),
    help=LEXICON.help + ("어떻게 해요", "어떻게 하나요", "어떻게 써요", "뭐라고 보내요", "사용법 알려주세요"),
    more=LEXICON.more + ("더요", "더 주세요", "다음요", "다음 거", "다음꺼", "다음 목록", "또 있어요", "또요"),
    human=LEXICON.human + ("사람 연결", "상담원 연결", "상담사 연결", "직원 연결", "사람이랑 통화", "사람이랑 얘기", "사람 바꿔"),
)

# Secondary years counted from the start of middle or high school ("중1" is seventh grade, "고등학교 2학년" eleventh)
LEXICON = replace(
    LEXICON,
    grades={
        **LEXICON.grades,
        **{
            f"{level}{space}{year}{tail}": (start + year, start + year)
            for level, start in (
                ("중", 6),
                ("중학교", 6),
                ("중학생", 6),
                ("중딩", 6),
                ("중등", 6),
                ("고", 9),
                ("고등학교", 9),
                ("고등학생", 9),
                ("고딩", 9),
                ("고등", 9),
            )
            for year in (1, 2, 3)
            for space in ("", " ")
            for tail in ("학년" if len(level) > 1 else "",)
            if len(level) > 1 or not space
        },
    },
)

# "We have no car": public transit, unless the school bus is asked for as well (`Lexicon.no_car`)
_NO_CAR = ("차가 없", "차 없", "자동차가 없", "운전을 못", "운전 못", "차가 없어서", "운전을 안")
LEXICON = LEXICON.with_no_car(_NO_CAR)

# "No" as texted ("차터 ㄴㄴ": no charter)
LEXICON = replace(LEXICON, negations=LEXICON.negations + ("ㄴㄴ", "노노", "ㄴㄴ요"), not_needed=LEXICON.not_needed + ("ㄴㄴ", "노노"))

# Korean in Latin letters, as typed without a Korean keyboard ("yuchiwon 60626", "teuksu gyoyuk")
LEXICON = replace(
    LEXICON,
    markers=LEXICON.markers + ("hakgyo", "hakkyo", "hakgyoga", "hakgyo chajayo", "chajayo", "chatgo", "isseoyo", "isnayo",
                               "issnayo", "ittnayo", "geuncheo", "adeuri", "ttari", "annyeonghaseyo",
                               "gamsahamnida", "juseyo"),
    grades={**LEXICON.grades, "yuchiwon": (0, 0), "yuchi won": (0, 0), "kindeo": (0, 0), "eorinijip": (-1, -1),
            "chodeung hakgyo": (0, 5), "chodeunghakgyo": (0, 5), "chodeung": (0, 5), "junghakgyo": (6, 8), "jung hakgyo": (6, 8),
            "godeung hakgyo": (9, 12), "godeunghakgyo": (9, 12), "godeung": (9, 12)},
    grade_patterns=LEXICON.grade_patterns + (r"\b{n} ?hak ?nyeon\b", r"\b{n} ?haknyeon\b"),
    needs={
        **LEXICON.needs,
        "sped": LEXICON.needs["sped"] + ("teuksu gyoyuk", "teuksugyoyuk", "teuksu", "teukgyo", "jang ae", "jangae"),
        "ell": LEXICON.needs["ell"] + ("yeongeo mot", "yeongeo jiwon", "yeongeo baeu"),
        "dual_language": LEXICON.needs["dual_language"] + ("ijung eoneo", "ijungeoneo", "ijung eon eo"),
        "bus": LEXICON.needs["bus"] + ("seukul beoseu", "seukulbeoseu", "hakgyo beoseu"),
        "accessible": LEXICON.needs["accessible"] + ("hwilcheeo", "elribeiteo"),
    },
    programs={**LEXICON.programs, "autism": LEXICON.programs["autism"] + ("japye", "ja pye")},
    sectors={**LEXICON.sectors, "district": LEXICON.sectors["district"] + ("gongnip", "gongrip"),
             "charter": LEXICON.sectors["charter"] + ("chateo",)},
)  # fmt: skip

# English not yet spoken said with "yet" or "well" between ("영어를 아직 잘 못해요"); sight "not good"
LEXICON = replace(
    LEXICON,
    needs={
        **LEXICON.needs,
        "ell": LEXICON.needs["ell"]
        + tuple(f"{english} {between}못" for english in ("영어를", "영어", "영어가", "영어는") for between in ("잘 ", "아직 ", "아직 잘 ", "전혀 ", "거의 ", "많이 "))
        + ("영어가 서툴", "영어가 약", "영어 실력이 부족", "영어를 몰라", "영어 몰라", "영어를 전혀 몰"),
    },
    programs={
        **LEXICON.programs,
        "visual_impairment": LEXICON.programs["visual_impairment"] + ("시력이 안 좋", "시력이 나빠", "시력이 많이 나", "눈이 나빠",
                                                                      "앞이 잘 안 보"),
    },
)  # fmt: skip

# a bus that may be the city's: beside a train or the metro, public transit
LEXICON = replace(LEXICON, city_bus=("버스",))

# Commands typed without their spaces, as Korean texts often are ("더보여주세요", "사람이랑얘기하고싶어요")
LEXICON = replace(
    LEXICON,
    **{
        command: getattr(LEXICON, command) + tuple(p.replace(" ", "") for p in getattr(LEXICON, command) if " " in p)
        for command in ("stop", "start", "help", "more", "human", "greeting")
    },
)

# A first text introducing the family ("처음 문자드려요", "처음 연락드립니다"): a greeting
LEXICON = replace(
    LEXICON,
    greeting=LEXICON.greeting
    + tuple(f"처음{sep}{what}{ending}" for sep in (" ", "") for what in ("문자", "연락", "문의") for ending in ("드려요", " 드려요",
            "드립니다", " 드립니다", "해요", " 해요", "합니다", " 합니다")) + ("처음 뵙겠습니다", "처음뵙겠습니다"),
)  # fmt: skip

# Words texted short: "어케" (어떻게, how), "ㄱㄴ" (가능, possible)
LEXICON = replace(LEXICON, shorthand={**LEXICON.shorthand, "어케": "어떻게", "어캐": "어떻게", "ㄱㄴ": "가능"})
